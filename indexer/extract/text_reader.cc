#include "indexer/extract/text_reader.h"

#include <re2/re2.h>

#include "indexer/extract/lines.h"
#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// "<PAGE>", "<PAGE> 2": the page mark of EDGAR's text documents (older filings put one at
// each printed page's start).
bool IsPageMark(std::string_view line) {
  return line.size() >= 6 && line.size() <= 12 && IStartsWith(line, "<PAGE>");
}

// EDGAR's text tables are marked up in SGML: "<TABLE>", "<CAPTION>", a "<S>  <C>  <C>" line
// over the columns, "<FN>" footnotes. The tags go (a line of tags only becomes a blank line,
// so each row stays a line of its own); the rows' text stays.
std::string WithoutTableTags(const std::string& line) {
  if (line.find('<') == std::string::npos) return line;
  static const RE2 tag(R"((?i)</?(?:TABLE|CAPTION|S|C|FN|F\d{1,2})>)");
  std::string out = line;
  RE2::GlobalReplace(&out, tag, " ");
  return out;
}

// "-----", "_____", "=====": a typewriter's rule, at least three characters, nothing else.
bool IsRule(std::string_view line) {
  if (line.size() < 3) return false;
  char c = line.front();
  if (c != '-' && c != '_' && c != '=') return false;
  return line.find_first_not_of(std::string_view("-_= ")) == std::string_view::npos;
}

}  // namespace

BlockDocument ReadPlainText(std::string_view utf8) {
  BlockDocument doc;
  std::vector<Line> lines;
  int page = 1;
  bool blank = false;
  size_t pos = 0;
  double index = 0;
  std::size_t text_bytes = 0;
  while (pos <= utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view raw = utf8.substr(pos, end - pos);
    pos = end + 1;
    size_t ff = 0;
    while ((ff = raw.find('\f')) != std::string_view::npos) {
      ++page;
      blank = true;
      raw.remove_prefix(ff + 1);
    }
    std::string cleaned;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '*' && i + 1 < raw.size() && raw[i + 1] == '*') {
        ++i;
        continue;
      }
      cleaned.push_back(raw[i]);
    }
    size_t lead = 0;
    while (lead < cleaned.size() && (cleaned[lead] == ' ' || cleaned[lead] == '\t')) ++lead;
    std::string text = CollapseSpace(WithoutTableTags(cleaned));
    index += 1;
    if (text.empty()) {
      blank = true;
      continue;
    }
    if (IsRule(text)) {  // "-----" under a heading underlines it; alone it separates
      if (!blank && !lines.empty()) {
        lines.back().underline = true;
      } else {
        blank = true;
      }
      continue;
    }
    if (IsPageMark(text)) {  // EDGAR's <PAGE> between the pages (and often before the first)
      if (!lines.empty()) ++page;
      blank = true;
      continue;
    }
    Line line;
    line.text = std::move(text);
    line.page = page;
    line.x0 = static_cast<double>(lead);
    line.top = index;
    line.bottom = index + 1;
    line.blank_before = blank;
    blank = false;
    text_bytes += line.text.size();
    if (text_bytes > kMaxLetterTextBytes) {
      doc.issues.push_back("letter text cut at " + std::to_string(kMaxLetterTextBytes) + " bytes");
      break;
    }
    lines.push_back(std::move(line));
    if (end == utf8.size()) break;
  }
  int removed = 0;
  lines = DropPageFurniture(std::move(lines), &removed, &doc.page_header_lines);
  doc.blocks = LinesToBlocks(lines);
  return doc;
}

}  // namespace corresp
