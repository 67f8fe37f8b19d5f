#include "indexer/extract/repeated_lines.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// Header and footer lines are short ("Mr. John Smith", "Acme Corporation", "June 16, 2017
// Page 2", "CONFIDENTIAL TREATMENT REQUESTED BY ACME"), though a law firm's footer may set its
// name, address, telephone and web address on one line in a small font (up to 200 bytes, as
// HTML's); a body line repeated at the same place on other pages is none of these.
constexpr size_t kMaxFurnitureChars = 200;
// Fewer letters than this is a page number or a bullet: other rules deal with those.
constexpr int kMinFurnitureLetters = 3;
// "The same place": a template is positioned to the point; allow for rounding.
constexpr double kSamePlace = 2.0;
// A line alone is furniture when it stands at the same place on this many pages (a running
// footer); two pages could share a heading at the same place by chance.
constexpr size_t kMinPagesForOneLine = 3;
// ... or on two pages when on both it stands at the page's foot, below the text, with at most
// this many lines below it, all repeated too (a two-page letter's footer "CONFIDENTIAL
// TREATMENT REQUESTED BY ACME" / "ACME-CT-0001").
constexpr size_t kMaxFooterLines = 3;
// A block of lines is furniture when this many of its lines repeat on another page with the
// same offsets (name, company, date-and-page); two stacked headings ("Item 8. Financial
// Statements" / "Note 2. ...") may repeat for the 10-K and the 10-Q.
constexpr size_t kMinBlockLines = 3;
// The lines of one header block lie within this many points (five 12-pt lines).
constexpr double kMaxHeaderSpan = 72.0;
// A running header starts within the top margin (an inch and a half, in points); the body
// of a later page starts below it.
constexpr double kHeaderZone = 108.0;
// Lines of one header block follow each other within this many points.
constexpr double kMaxHeaderGap = 20.0;
// Page 1 carries the address block, which later pages' headers repeat: it is no furniture.
constexpr int kFirstPage = 1;

int Letters(const std::string& t) {
  int n = 0;
  for (char c : t) n += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
  return n;
}

bool Near(double a, double b) { return std::fabs(a - b) <= kSamePlace; }

struct Candidates {
  std::vector<std::string> keys;                   // "" for lines that cannot be furniture
  std::map<int, std::vector<size_t>> by_page;      // candidate lines of each page
  std::map<int, std::vector<size_t>> all_by_page;  // PDF lines of each page
  std::set<int> pages;                             // pages holding PDF lines
  std::unordered_map<std::string, std::vector<size_t>> by_key;
};

Candidates FindCandidates(const std::vector<Line>& lines) {
  Candidates c;
  c.keys.resize(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (!l.geometric) continue;
    c.pages.insert(l.page);
    c.all_by_page[l.page].push_back(i);
    if (l.text.size() > kMaxFurnitureChars || Letters(l.text) < kMinFurnitureLetters) continue;
    c.keys[i] = RepetitionKey(l.text);
    c.by_key[c.keys[i]].push_back(i);
    c.by_page[l.page].push_back(i);
  }
  return c;
}

// The number of pages on which each candidate line stands at the same place (1: its own only).
std::vector<size_t> SamePlacePages(const std::vector<Line>& lines, const Candidates& c) {
  std::vector<size_t> pages(lines.size(), 0);
  for (const auto& [key, same] : c.by_key) {
    for (size_t i : same) {
      pages[i] = 1;
      for (size_t j : same)
        if (lines[j].page != lines[i].page && Near(lines[j].top, lines[i].top) &&
            Near(lines[j].x0, lines[i].x0))
          ++pages[i];
    }
  }
  return pages;
}

// True when line i stands at its page's foot, below the page's text: at most kMaxFooterLines
// lines lie below it, each repeated at the same place on another page too, and some line
// above it is not.
bool AtPageFoot(const std::vector<Line>& lines, const Candidates& c,
                const std::vector<size_t>& same_place_pages, size_t i) {
  size_t below = 0;
  bool text_above = false;
  for (size_t j : c.all_by_page.at(lines[i].page)) {
    if (j == i || Near(lines[j].top, lines[i].top)) continue;
    bool repeated = same_place_pages[j] >= 2;
    if (lines[j].top > lines[i].top) {
      if (!repeated || ++below > kMaxFooterLines) return false;
    } else {
      text_above = text_above || !repeated;
    }
  }
  return text_above;
}

// Lines standing at the same place on kMinPagesForOneLine pages or more, or on two pages at
// both pages' foot.
void MarkSamePlace(const std::vector<Line>& lines, const Candidates& c, std::vector<bool>& marked) {
  std::vector<size_t> same_place_pages = SamePlacePages(lines, c);
  for (const auto& [key, same] : c.by_key) {
    for (size_t i : same) {
      size_t pages = same_place_pages[i];
      bool at_feet = pages >= 2 && AtPageFoot(lines, c, same_place_pages, i);
      for (size_t j : same)
        if (at_feet && lines[j].page != lines[i].page && Near(lines[j].top, lines[i].top) &&
            Near(lines[j].x0, lines[i].x0))
          at_feet = AtPageFoot(lines, c, same_place_pages, j);
      // Page 1's top is the letterhead itself (its date line may stand where later pages'
      // headers print theirs): the original stays, its copies go.
      bool letterhead = lines[i].page == kFirstPage && lines[i].top < kHeaderZone;
      if ((pages >= kMinPagesForOneLine || at_feet) && !letterhead) marked[i] = true;
    }
  }
}

// A header block found by repetition in the top margin may open with a line its copy lacks
// (the copy's first line ran into other text): the short lines right above it, up to the
// page's top, belong to it.
void MarkHeaderLinesAbove(const std::vector<Line>& lines, const Candidates& c, size_t first,
                          std::vector<bool>& marked) {
  if (lines[first].top >= kHeaderZone) return;
  double top = lines[first].top;
  const std::vector<size_t>& page = c.by_page.at(lines[first].page);
  for (size_t k = page.size(); k > 0; --k) {
    size_t i = page[k - 1];
    if (lines[i].top >= top) continue;
    if (top - lines[i].bottom > kMaxHeaderGap) break;
    marked[i] = true;
    top = lines[i].top;
  }
}

// Blocks of page p that page q repeats with the same layout, wherever they stand; one of the
// two copies must start in the top margin (a template drifts down one page, not all).
void MarkRepeatedBlocks(const std::vector<Line>& lines, const Candidates& c, int p, int q,
                        std::vector<bool>& marked) {
  // (offset from p to q, line on p, its copy on q)
  std::vector<std::tuple<double, size_t, size_t>> matches;
  for (size_t i : c.by_page.at(p))
    for (size_t j : c.by_key.at(c.keys[i]))
      if (lines[j].page == q && Near(lines[j].x0, lines[i].x0))
        matches.emplace_back(lines[j].top - lines[i].top, i, j);
  std::sort(matches.begin(), matches.end());
  for (size_t s = 0; s < matches.size();) {
    size_t e = s + 1;
    while (e < matches.size() && Near(std::get<0>(matches[e]), std::get<0>(matches[s]))) ++e;
    std::vector<std::pair<size_t, size_t>> block;  // (line on p, copy on q), by position
    for (size_t m = s; m < e; ++m)
      block.emplace_back(std::get<1>(matches[m]), std::get<2>(matches[m]));
    std::sort(block.begin(), block.end());
    block.erase(std::unique(block.begin(), block.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                block.end());
    double span =
        block.empty() ? 0 : lines[block.back().first].top - lines[block.front().first].top;
    bool in_header_zone = !block.empty() && (lines[block.front().first].top < kHeaderZone ||
                                             lines[block.front().second].top < kHeaderZone);
    if (block.size() >= kMinBlockLines && span <= kMaxHeaderSpan && in_header_zone) {
      for (const auto& [i, j] : block) marked[i] = true;
      MarkHeaderLinesAbove(lines, c, block.front().first, marked);
    }
    s = e;
  }
}

}  // namespace

std::string RepetitionKey(const std::string& text) {
  std::string key;
  for (char ch : text) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (std::isspace(u)) continue;
    key.push_back(std::isdigit(u) ? '#' : LowerAscii(ch));
  }
  return key;
}

std::vector<bool> RepeatedLines(const std::vector<Line>& lines) {
  std::vector<bool> marked(lines.size(), false);
  Candidates c = FindCandidates(lines);
  if (c.pages.size() < 2) return marked;
  MarkSamePlace(lines, c, marked);
  for (const auto& [p, unused_p] : c.by_page)
    for (const auto& [q, unused_q] : c.by_page)
      if (p != q && p != kFirstPage && q != kFirstPage) MarkRepeatedBlocks(lines, c, p, q, marked);
  return marked;
}

std::vector<Line> DropRepeatedLines(std::vector<Line> lines, int* removed,
                                    std::vector<std::string>* header_lines) {
  std::vector<bool> marked = RepeatedLines(lines);
  std::vector<Line> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (marked[i]) {
      if (removed) ++*removed;
      if (header_lines) header_lines->push_back(std::move(lines[i].text));
      continue;
    }
    out.push_back(std::move(lines[i]));
  }
  return out;
}

}  // namespace corresp
