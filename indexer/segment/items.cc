#include "indexer/segment/items.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>

#include "indexer/extract/lines.h"
#include "indexer/extract/text_util.h"
#include "indexer/segment/heading_path.h"
#include "indexer/segment/patterns.h"

namespace corresp {
namespace {

// A reply may answer only the later comments of a letter ("4." first), and a staff follow-up
// may go on numbering from the letter before it: seen up to the 30s.
constexpr int kMaxFirstNumber = 40;
// ... or skip some between the ones it answers ("3." then "5.").
constexpr int kMaxSkippedComments = 20;
// A caption over comments is a line or two ("Principal Investment Strategies of the Fund").
constexpr size_t kMaxCaptionBytes = 120;

struct Candidate {
  size_t index;
  ItemStart start;
};

// True if a table row ends in a figure ("Other 288", "Expenses 24,332", "Total $ (1.5)", a
// redacted "$[**]"): a row of data, not a caption set in a table. A section's or a page's
// number ("Note 13", "page 116", "Exhibits 99.1 and 99.2") and a year ("Fiscal 2023 Compared
// with Fiscal 2022") are no figures.
bool DataRow(const Block& b) {
  if (b.kind != BlockKind::kTableRow) return false;
  static const RE2 figure(R"((?:^|\s)(\S+)\s+\(?[$]?\s?(\d[\d,]*(?:\.\d+)?)\)?%?$)");
  static const RE2 numbering_word(
      R"((?i)^(?:pages?|p\.|items?|notes?|sections?|exhibits?|rules?|parts?|forms?|topic|asc|no\.?|article|question|schedule|and|or|through|to|&)$)");
  static const RE2 year(R"((?:19|20)\d\d)");
  // A redacted amount ("$[**]", "[***]%") is a figure as well.
  static const RE2 redacted(R"(\s\$?\s?\[\*+\]%?$)");
  if (RE2::PartialMatch(b.text, redacted)) return true;
  std::string before, number;
  if (!RE2::PartialMatch(b.text, figure, &before, &number)) return false;
  return !RE2::FullMatch(before, numbering_word) && !RE2::FullMatch(number, year);
}

// An exhibit's label alone ("EX-99.2", "Exhibit 99.1"): a caption, though mostly digits.
bool ExhibitLabel(const std::string& text) {
  static const RE2 label(R"((?i)^(?:EX|Exhibit)[-\s]*\d{1,3}(?:\.\d{1,2})?[.:]?$)");
  return RE2::FullMatch(text, label);
}

bool Heading(const Block& b) {
  return IsHeadingLike(b) && (!MostlyDigits(b.text) || ExhibitLabel(b.text)) && !DataRow(b);
}

// A numbered line that is itself a section heading ("6. Impairment ..., page F-97").
bool NumberedHeading(const ItemStart& s, const Block& b) {
  const std::string& r = s.rest;
  if (r.empty() || r.size() > 150) return false;
  std::string f = FoldPunctuation(r);
  char last = f.back();
  if (last == '.' || last == '?' || last == ':' || last == ';') return false;
  static const RE2 trailing_page(
      R"((?i),?\s*pages?\s+(?:[A-Z]-)?\d+(?:\s*(?:-|and|through)\s*(?:[A-Z]-)?\d+)?\)?\s*$)");
  if (RE2::PartialMatch(f, trailing_page) && f.find(". ") == std::string::npos) return true;
  // "2. SEGMENT AND RELATED INFORMATION": a note title in capitals inside quoted disclosure.
  size_t upper = 0, lower = 0;
  for (char ch : r) {
    if (std::isupper(static_cast<unsigned char>(ch))) ++upper;
    if (std::islower(static_cast<unsigned char>(ch))) ++lower;
  }
  if (upper >= 4 && lower * 5 < upper) return true;
  // "1. Monthly Sales Reporting Primarily Reflects Sales" : a Title Case section heading.
  size_t words = 0, capitalised = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i] == ' ' || (i > 0 && r[i - 1] != ' ')) continue;
    ++words;
    if (std::isupper(static_cast<unsigned char>(r[i]))) ++capitalised;
  }
  if (words >= 4 && capitalised * 10 >= words * 8) return true;
  // Restated comments are often bold and italic, so bold italic alone makes no caption; the
  // captions over them are then set apart by an underline as well ("1. Organization and
  // Summary of Significant Accounting Policies").
  return (b.bold || b.underline || b.kind == BlockKind::kHeading) && r.size() < 100 &&
         (!(b.bold && b.italic) || b.underline);
}

// True if the restated comment at block `from` has been answered before block `to`: a response
// label ("Response:") lies between, or, for a comment set apart by emphasis, a plain paragraph
// in the company's voice ("The Company will expand its discussion ...").
bool AnsweredSince(const std::vector<Block>& blocks, size_t from, size_t to) {
  const Block& comment = blocks[from];
  const bool emphasized = comment.bold || comment.italic || comment.underline;
  for (size_t k = from + 1; k < to; ++k) {
    if (ParseResponseLabel(blocks[k].text)) return true;
    const Block& b = blocks[k];
    if (emphasized && !b.bold && !b.italic && !b.underline && !IsHeadingLike(b) &&
        SpeaksAsCompany(b.text))
      return true;
  }
  return false;
}

// Both emphasized, and alike: a reply sets its restated comments apart (bold, italics) the
// same way each time, unlike a numbered caption of its proposed disclosure.
bool SameEmphasis(const Block& a, const Block& b) {
  return (a.bold || a.italic || a.underline) && a.bold == b.bold && a.italic == b.italic &&
         a.underline == b.underline && a.kind == b.kind;
}

// Set alike: the same emphasis and indent.
bool SetAlike(const Block& a, const Block& b) {
  return a.bold == b.bold && a.italic == b.italic && a.underline == b.underline &&
         std::abs(a.indent - b.indent) < 2.0;
}

// Set like the item it would follow and unlike the entry of the list inside that item: the same
// emphasis and indent as the item's block, and another emphasis or indent than the entry's.
bool SetLikeItemNotList(const Block& item, const Block& list_entry, const Block& b) {
  return SetAlike(item, b) && !SetAlike(list_entry, b);
}

// True if the block opens with a labelled comment number ("Comment No. 5:").
bool Labelled(const Block& b) {
  std::optional<ItemStart> start = ParseItemStart(b.text);
  return start && start->labelled;
}

// True if a run of captions stands right above block `at` (after block `after`): headings, each
// short as a caption is ("Alpha Income Fund", "Principal Investment Strategies"), the last not
// a sentence cut before a reference's number ("... as described in Item" / "1. Business ...").
bool UnderCaptions(const std::vector<Block>& blocks, size_t after, size_t at) {
  if (at > 0 && EndsOnReference(blocks[at - 1].text)) return false;
  size_t k = at;
  while (k > after + 1 && Heading(blocks[k - 1])) {
    if (blocks[k - 1].text.size() > kMaxCaptionBytes) return false;
    --k;
  }
  return k < at;
}

// True if the run of headings right above block `at` (after block `after`) names a filing
// ("Form 10-Q for the Quarterly Period Ended ...", IsDocumentHeading).
bool UnderNewFilingHeading(const std::vector<Block>& blocks, size_t after, size_t at) {
  for (size_t k = at; k > after + 1 && Heading(blocks[k - 1]); --k)
    if (IsDocumentHeading(blocks[k - 1].text)) return true;
  return false;
}

// True if `items` are one block each, back to back, none of them a sentence (a topic and a
// page, "1. Revenue recognition - VSOE and BESP 2"), and only headings stand between the last
// of them and block `next`: a numbered summary or table of contents, not items with text.
bool IsSummaryRun(const std::vector<Block>& blocks, const std::vector<ItemSpan>& items,
                  size_t next) {
  if (items.size() < 2) return false;
  for (size_t k = 0; k < items.size(); ++k) {
    if (!items[k].number || EndsSentence(items[k].first_text)) return false;
    if (k > 0 && items[k].start != items[k - 1].start + 1) return false;
  }
  for (size_t b = items.back().start + 1; b < next; ++b)
    if (!Heading(blocks[b])) return false;
  return true;
}

// True if a quotation opened in blocks [from, to) is still open at block `to` (more opening
// than closing curly quotes, or an odd number of straight double quotes).
bool InsideQuotation(const std::vector<Block>& blocks, size_t from, size_t to) {
  int curly = 0, straight = 0;
  for (size_t b = from; b < to; ++b) {
    const std::string& t = blocks[b].text;
    for (size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '"') ++straight;
      if (t.compare(k, 3, "\u201C") == 0) ++curly;
      if (t.compare(k, 3, "\u201D") == 0) --curly;
    }
  }
  return curly > 0 || straight % 2 == 1;
}

// True if blocks [from, to) hold nothing but headings (a numbered note heading, not an item).
bool OnlyHeadings(const std::vector<Block>& blocks, const ItemSpan& item, size_t to) {
  if (!item.first_text.empty()) {
    Block b = blocks[item.start];
    b.text = item.first_text;
    if (!Heading(b)) return false;
  }
  for (size_t i = item.start + 1; i < to; ++i)
    if (!Heading(blocks[i])) return false;
  return true;
}

}  // namespace

size_t BodyEnd(const std::vector<Block>& blocks, size_t from, bool staff) {
  for (size_t i = from; i < blocks.size(); ++i) {
    if (staff ? IsStaffClosing(blocks[i].text) : IsCompanyClosing(blocks[i].text)) return i;
  }
  return blocks.size();
}

std::vector<ItemSpan> FindItems(const std::vector<Block>& blocks, size_t begin,
                                const ItemScanOptions& options, std::vector<std::string>* issues) {
  std::vector<Candidate> cands;
  for (size_t i = begin; i < blocks.size(); ++i) {
    if (ParseResponseLabel(blocks[i].text)) continue;
    if (auto s = ParseItemStart(blocks[i].text)) cands.push_back({i, *s});
  }
  std::vector<ItemSpan> items;
  size_t body_end = blocks.size();
  size_t ci = 0;
  // The highest number of a list restarted inside the current item, per list marker: "1)"
  // entries belong to another list than "1." entries.
  int inner_dot = 0, inner_paren = 0;
  // The block of the inner list's last entry (valid while an inner count is non-zero).
  size_t inner_at = 0;
  // A response letter answering an unnumbered comment: once a "Response:" label has come
  // before any item, numbered paragraphs are a list inside that answer, not restated comments.
  bool answered_unnumbered = false;
  // The last numbered caption seen ("6. Impairment ..., page F-97"), and the captions whose
  // number went to the comment below them, by block, with the number dropped.
  std::optional<Candidate> numbered_caption;
  // Where the headings above the first item may begin.
  size_t first_floor = begin;
  std::map<size_t, std::string> caption_of;
  // Whether a later candidate (a labelled one, when `labelled`) carries number `expected`.
  auto next_expected_exists = [&](size_t from_block, int expected, bool labelled = false) {
    for (const Candidate& c : cands)
      if (c.index > from_block && c.start.number == expected && (c.start.labelled || !labelled))
        return true;
    return false;
  };
  for (size_t i = begin; i < blocks.size() && items.size() < options.max_items; ++i) {
    if (!items.empty()) {
      bool closing =
          options.staff ? IsStaffClosing(blocks[i].text) : IsCompanyClosing(blocks[i].text);
      if (closing) {
        int expected = items.back().number ? *items.back().number + 1 : -1;
        if (expected < 0 || !next_expected_exists(i, expected)) {
          body_end = i;
          break;
        }
      }
    }
    if (!options.staff && items.empty() && ParseResponseLabel(blocks[i].text))
      answered_unnumbered = true;
    if (ci >= cands.size() || cands[ci].index != i) continue;
    Candidate c = cands[ci++];
    if (answered_unnumbered && items.empty()) continue;
    if (NumberedHeading(c.start, blocks[i])) {
      numbered_caption = c;
      continue;
    }
    // "1. Loans Held for Sale, page 34" / "Comment: We note ...": a caption numbered as the
    // comment it heads gives its number to the labelled comment right below it, when that
    // number is the one the sequence expects.
    if (!c.start.number && c.start.labelled && numbered_caption &&
        numbered_caption->index + 1 == i) {
      int n = *numbered_caption->start.number;
      bool all_numbered = std::all_of(items.begin(), items.end(),
                                      [](const ItemSpan& it) { return it.number.has_value(); });
      bool expected = items.empty() ? n == 1 || (!options.staff && n <= kMaxFirstNumber)
                                    : all_numbered && n == *items.back().number + 1;
      if (expected) {
        c.start.number = n;
        caption_of[numbered_caption->index] = numbered_caption->start.rest;
      }
    }
    ItemSpan span;
    span.number = c.start.number;
    span.start = i;
    span.first_text = c.start.rest;
    if (!c.start.number) {
      bool all_unnumbered = true;
      for (const ItemSpan& it : items) all_unnumbered = all_unnumbered && !it.number;
      if (all_unnumbered) items.push_back(span);
      continue;
    }
    int n = *c.start.number;
    // One number lost (garbled by page furniture drawn over it, or cut by a bad text layer)
    // does not end the sequence when the next two numbers continue it.
    auto continues_after_gap = [&](int expected) {
      return n == expected + 1 && next_expected_exists(i, n + 1);
    };
    if (items.empty()) {
      if (n == 1 || (!options.staff && n <= kMaxFirstNumber)) {
        items.push_back(span);
      } else if (continues_after_gap(1)) {
        items.push_back(span);
        if (issues) issues->push_back("items: number 1 not found, sequence starts at 2");
      } else if (n <= kMaxFirstNumber && next_expected_exists(i, n + 1)) {
        // A staff follow-up letter may go on numbering from the letter before it ("5.", "6.").
        items.push_back(span);
        if (issues) issues->push_back("items: sequence starts at " + std::to_string(n));
      }
      continue;
    }
    const ItemSpan& last = items.back();
    if (!last.number) {
      // A lone "Staff Comment:" label above the first numbered comment.
      if (n == 1 && items.size() == 1 && OnlyHeadings(blocks, last, i)) items.back() = span;
      continue;
    }
    // A letter on several filings may number each filing's comments from 1 again: a "1." right
    // below a run of headings that names another filing ("Form 10-Q for the Quarter ...")
    // restarts the sequence.
    if (n == 1 && *last.number > 1 && UnderNewFilingHeading(blocks, last.start, i)) {
      // ... unless the earlier run was a summary of the answers ("1. Revenue recognition -
      // Explains VSOE ... 2"): items one block each, back to back, with nothing but headings
      // after them. Then the letter's items start here.
      if (IsSummaryRun(blocks, items, i)) {
        first_floor = items.back().start + 1;  // the summary is no heading of the first item
        items.clear();
      }
      items.push_back(span);
      inner_dot = inner_paren = 0;
      continue;
    }
    // A letter on a trust's several series numbers each series' comments from 1 again
    // ("Alpha Growth Fund" 1-4, "Alpha Income Fund" 1-3): a "1." right below a run of
    // headings, set like the letter's first item (emphasis, indent, label) and not inside a
    // list of the item before, restarts the sequence when its "2." follows; in a reply, after
    // the item before was answered.
    if (n == 1 && *last.number > 1 && inner_dot == 0 && inner_paren == 0 &&
        UnderCaptions(blocks, last.start, i) && next_expected_exists(i, 2) &&
        SetAlike(blocks[items.front().start], blocks[i]) &&
        c.start.labelled == Labelled(blocks[items.front().start]) &&
        (options.staff || AnsweredSince(blocks, last.start, i))) {
      items.push_back(span);
      continue;
    }
    // A list inside the item's text restarts at 1; when it has just reached n-1, an "n." is
    // its next entry rather than the next item ("Comment No. n" is the next item all the same).
    int& inner = c.start.marker == ')' ? inner_paren : inner_dot;
    // A line of quoted disclosure may open with the next number ("... $51.0 million at
    // December 31, 2008." / "3. We expect to fill ...\""): inside a quotation the item has
    // opened, and with the same number coming later, it is the quotation's.
    if (n == *last.number + 1 && !c.start.labelled && InsideQuotation(blocks, last.start, i) &&
        next_expected_exists(i, n)) {
      if (n == inner + 1) {  // the quoted list goes on ("1. acquire ..." / "2. reposition ...")
        inner = n;
        inner_at = i;
      }
      continue;
    }
    // A list inside the item that has reached n-1 still leaves an "n." set like the item and
    // unlike the list (emphasis or indent) to the next item: a reply's bold restated comment 4
    // after "1." to "3." of its answer to comment 3.
    const bool unlike_inner_list =
        inner == n - 1 && SetLikeItemNotList(blocks[last.start], blocks[inner_at], blocks[i]);
    // A letter that labels its comments ("Comment No. 2:") labels the next one too: a bare
    // "3." before a later "Comment No. 3:" is an entry of a list in the answer.
    const bool labelled_later = !c.start.labelled && Labelled(blocks[last.start]) &&
                                next_expected_exists(i, n, /*labelled=*/true);
    if (n == *last.number + 1 && !labelled_later &&
        (inner != n - 1 || c.start.labelled || unlike_inner_list)) {
      items.push_back(span);
      inner_dot = inner_paren = 0;
    } else if (inner == 0 && continues_after_gap(*last.number + 1)) {
      if (issues)
        issues->push_back("items: number " + std::to_string(n - 1) + " not found between " +
                          std::to_string(n - 2) + " and " + std::to_string(n));
      items.push_back(span);
      inner_dot = inner_paren = 0;
    } else if (!options.staff && inner == 0 && n > *last.number + 1 &&
               n <= *last.number + kMaxSkippedComments && AnsweredSince(blocks, last.start, i) &&
               (SameEmphasis(blocks[last.start], blocks[i]) ||
                (c.start.labelled && Labelled(blocks[last.start])))) {
      // A reply answering some comments only ("3." answered, then "5."): after the last
      // restated comment's labelled answer, a later number set like it restates the next, or
      // labelled like it ("Staff Comment No. 2:" ... "Staff Comment No. 5:").
      items.push_back(span);
      inner_dot = inner_paren = 0;
    } else if (!options.staff && inner == 0 && n < *last.number &&
               std::none_of(items.begin(), items.end(),
                            [n](const ItemSpan& it) { return it.number == n; }) &&
               AnsweredSince(blocks, last.start, i) &&
               (SameEmphasis(blocks[last.start], blocks[i]) ||
                (c.start.labelled && Labelled(blocks[last.start])))) {
      // A reply answering out of order ("5." answered, then "4."): a number it skipped, set
      // like the restated comments, after the last one's labelled answer.
      items.push_back(span);
      inner_dot = inner_paren = 0;
    } else if (n == *last.number && OnlyHeadings(blocks, last, i)) {
      items.back() = span;  // the earlier one was a numbered note heading
    } else if (n == inner + 1 || n == 1) {
      inner = n;  // a list inside the item goes on, or another one starts at 1
      inner_at = i;
    }
  }
  if (items.size() >= options.max_items && issues)
    issues->push_back("items: more than " + std::to_string(options.max_items) + ", rest ignored");
  // Spans, trailing headings and heading paths.
  std::vector<std::string> path;
  CaptionStyles styles;
  for (size_t k = 0; k < items.size(); ++k) {
    size_t end = k + 1 < items.size() ? items[k + 1].start : body_end;
    size_t floor = k == 0 ? first_floor : items[k - 1].start + 1;
    // Headings stacked right above this item. Above the first item only, one unnumbered
    // paragraph may stand between them and it ("General" / "We note that your draft omits the
    // price range ..." / "1. Please ..."): no item's text, it does not hide their captions.
    std::vector<std::string> stack;
    size_t h = items[k].start;
    if (k == 0 && h >= floor + 2 && !Heading(blocks[h - 1]) && Heading(blocks[h - 2])) --h;
    while (h > floor && Heading(blocks[h - 1])) {
      --h;
      auto caption = caption_of.find(h);
      stack.insert(stack.begin(), caption == caption_of.end() ? blocks[h].text : caption->second);
      styles[stack.front()] = CaptionStyle{blocks[h].bold, blocks[h].italic, blocks[h].underline};
      if (stack.size() > 6) break;
    }
    if (k == 0) path.clear();
    UpdateHeadingPath(path, stack, &styles);
    items[k].headings = path;
    // The item ends before the headings above the next item. The last item has none below
    // it: short lines after its "... in the following format:" are the table or list it
    // introduces.
    size_t e = end;
    while (e > items[k].start + 1 && Heading(blocks[e - 1])) --e;
    bool last = k + 1 == items.size();
    if (last && e < end && e > items[k].start && EndsWith(blocks[e - 1].text, ":")) e = end;
    items[k].end = e;
    // "Comment #1:" / "General" / text: headings right below a bare label.
    size_t t = items[k].start + 1;
    if (items[k].first_text.empty()) {
      auto ends_sentence = [](const std::string& x) {
        return !x.empty() && std::strchr(".?:;", x.back()) != nullptr;
      };
      while (t + 1 < e && Heading(blocks[t]) && !ends_sentence(blocks[t].text) &&
             !ParseResponseLabel(blocks[t].text)) {
        items[k].headings.push_back(blocks[t].text);
        ++t;
      }
      if (t > items[k].start + 1) path = items[k].headings;
    }
    items[k].text_start = t;
  }
  return items;
}

}  // namespace corresp
