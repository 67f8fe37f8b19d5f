#include "indexer/extract/lines.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "indexer/extract/office_cities.h"
#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

const RE2& PageLineRe() {
  static const RE2 re(
      R"((?i)^(?:(?:page|pg\.?)\s*\d{1,3}(?:\s+of\s+\d{1,3})?(?:\s*[-–—,]?\s*[<(]?)" +
      std::string(kLongDatePattern) + R"([>)]?)?|\d{1,3}\s*\|\s*page|page\s*\|\s*\d{1,3})$)");
  return re;
}
// "... September 26, 2022 Page 2", "Acme Corp. | Page 1" (a filing agent's footer, the page
// after a bar or a bullet), a running header typed on one line: "Acme Bancorp, Inc. June 6,
// 2024 — Page 2", "Jane Roe — Acme, Inc. November 5, 2020, Page 2" (after a date, a comma;
// never after a caption's words: "Risk Factors, Page 13").
const RE2& TrailingPageRe() {
  static const RE2 re(
      R"((?:\d{4}|[A-Za-z.])\s*(?:[|•·—–-]\s*)?(?:Page|PAGE)\s*\d{1,3}(?:\s+of\s+\d{1,3})?$|)" +
      std::string(kLongDatePattern) + R"(,\s*(?:Page|PAGE)\s*\d{1,3}$)");
  return re;
}

// "12/3/26, 3:42 PM Acme - Response Letter": the date, time and page title a web browser prints
// at the top of every page it prints (its footer, the address and "1/2", is a page line).
const RE2& BrowserPrintHeaderRe() {
  static const RE2 re(R"(^\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}\s?(?:AM|PM|am|pm)\b)");
  return re;
}

// "Kessler Rowe & Ashby LLP is a limited liability partnership organized ...": a law firm's
// notice of its legal form, printed at a page's foot.
const RE2& PartnershipNoticeRe() {
  static const RE2 re(
      R"((?i)\b(?:LLP|L\.L\.P\.|LLC|P\.C\.)\s+is\s+an?\s+(?:(?:registered\s+)?limited\s+liability\s+(?:partnership|company)|multinational|partnership|professional\s+corporation))");
  return re;
}

// "Securities and Exchange Commission - 2 - September 26, 2022": a running header whose page
// number sits between dashes inside the line.
const RE2& FramedPageRe() {
  // Hyphens only, words on both sides: a table row's nil dashes ("Gain on sale — 2 —") differ.
  static const RE2 re(R"(^[^.;:]{3,60}[A-Za-z]\s-\s?\d{1,3}\s?-\s[A-Za-z][^.;:]{2,40}$)");
  return re;
}

// "12", "- 12 -": a page number alone on its line.
const RE2& LonePageNumberRe() {
  static const RE2 re(R"((?:-\s*)?\d{1,3}(?:\s*-)?)");
  return re;
}

// The letter of a list's lettered part the line opens with ("b. the amount", "(c) the
// rate": 'b', 'c'; a to h, not a roman "iv."), or 0.
char ListLetter(const std::string& t) {
  if (!StartsLetteredItem(t)) return 0;
  char letter = t[t[0] == '(' ? 1 : 0];
  return letter >= 'a' && letter <= 'h' ? letter : 0;
}

bool IsItemStart(const std::string& t) {
  static const RE2 re(R"(^\(?\d{1,3}[.)](?:\s|[A-Z“"]|$))");
  return RE2::PartialMatch(t, re);
}
// "... and Results of", "... of the", "..., page": a line ending on a word that joins it to
// more words.
const RE2& DanglingWordRe() {
  static const RE2 re(R"(\s(?:of|and|or|the|to|in|for|on|with|by|from|under|a|an|&|pages?)$)");
  return re;
}
// "... refer to Note", "... Item", "... prior comment": a reference whose number went to the
// next line.
// ... or a reference whose number goes on in parentheses ("... required by Item 1202(a)" /
// "(8) of Regulation S-K").
const RE2& NumberedReferenceRe() {
  static const RE2 re(
      R"((?i)\b(?:(?:notes?|items?|rules?|sections?|articles?|pages?|no\.|topics?|questions?|paragraphs?|comments?|exhibits?|schedules?|parts?|footnotes?)|(?:items?|rules?|sections?|articles?|paragraphs?)\s+\d[\w.-]*(?:\([a-z0-9]{1,4}\))+)$)");
  return re;
}
// "..., page" / "..., pages": a caption whose page number went to the next line.
const RE2& DanglingPageRe() {
  static const RE2 re(R"((?i),?\s+pages?$)");
  return re;
}

// "..., page 61", "..., pages 30 and 31", "..., page F-7": a caption's page closing a line.
const RE2& EndingPageRe() {
  static const RE2 re(R"((?i)\bpages? [A-Z]?-?\d{1,3}(?:\s*(?:and|-|–|,)\s*[A-Z]?-?\d{1,3})?$)");
  return re;
}

// A running header above its "Page N" line: name, title, company, date, in plain text.
constexpr size_t kMaxHeaderLines = 5;
// A line that closes a header lies within this many points below its page line ...
constexpr double kMaxHeaderGap = 20.0;
// ... and is set in a font this much smaller than the body's (a 7-pt field under 11-pt text).
constexpr double kSmallFontShare = 0.8;
// A footer's line is centred over the page number within this many points.
constexpr double kFooterCentreTolerance = 20.0;
// A law firm's notice of its legal form is a line or two, never a paragraph of the letter.
constexpr size_t kMaxNoticeBytes = 300;
// A page's footer in a small font runs to at most this many lines (SmallFontFoot).
constexpr size_t kMaxFootLines = 6;

// A short line that can belong to a running header: a name, a company, a date.
bool HeaderLike(const std::string& t) {
  if (t.size() > 70 || t.empty()) return false;
  if (IsItemStart(t)) return false;
  if (EndsWith(t, ".")) {
    static const RE2 abbrev(
        R"((?i)(?:Inc|Corp|Co|Ltd|Jr|Sr|Esq|L\.P|N\.A|S\.A|plc|LLC|Bros|Ph\.D|M\.D|J\.D|D\.C)\.$)");
    return RE2::PartialMatch(t, abbrev);
  }
  return !EndsWith(t, ":") && !EndsWith(t, ";");
}

// The width of a full body line: the 90th percentile of the PDF lines' widths (0 for plain
// text).
double BodyWidth(const std::vector<Line>& lines) {
  std::vector<double> widths;
  for (const Line& l : lines)
    if (l.geometric) widths.push_back(l.x1 - l.x0);
  if (widths.empty()) return 0;
  std::nth_element(widths.begin(), widths.begin() + widths.size() * 9 / 10, widths.end());
  return widths[widths.size() * 9 / 10];
}

// The median height of the PDF lines: the body text's font size (0 for plain text).
double BodyLineHeight(const std::vector<Line>& lines) {
  std::vector<double> heights;
  for (const Line& l : lines)
    if (l.geometric) heights.push_back(l.bottom - l.top);
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

}  // namespace

bool EndsOnDanglingWord(std::string_view text) { return RE2::PartialMatch(text, DanglingWordRe()); }

bool EndsOnReference(std::string_view text) {
  return RE2::PartialMatch(text, NumberedReferenceRe());
}

bool IsPageLine(const std::string& text) { return RE2::FullMatch(text, PageLineRe()); }

bool IsPageMarker(const std::string& text) {
  return RE2::FullMatch(text, LonePageNumberRe()) || RE2::FullMatch(text, PageLineRe());
}

namespace {

// The lines DropPageFurniture removes, and which of them were a running header's.
struct FurnitureMarks {
  FurnitureMarks(size_t lines, int* removed_count)
      : drop(lines, false), header(lines, false), removed(removed_count) {}
  // Marks line k, counting it in *removed the first time.
  void Drop(size_t k, bool header_line = false) {
    if (!drop[k] && removed) ++*removed;
    drop[k] = true;
    header[k] = header[k] || header_line;
  }
  std::vector<bool> drop, header;
  int* removed;
};

// The first line of the footer at the foot of the page lines[start, end) holds, or `end` when
// it has none: the page's last lines (at most kMaxFootLines), each set in a font smaller than
// the body's (kSmallFontShare), below a gap of more than a body line, under at least one line
// of body text, none opening a footnote ("1 See Release No. 33-10890.", "(2) Includes ...",
// "* Confidential ..."): a footnote belongs to the text that cites it.
size_t SmallFontFoot(const std::vector<Line>& lines, size_t start, size_t end, double body_height) {
  static const RE2 footnote(R"(^(?:[\(\[]?\d{1,3}[\)\]]?(?:\s|[A-Z])|[*\x{2020}\x{2021}]))");
  if (end == start || !lines[start].geometric || body_height <= 0) return end;
  size_t foot = end;
  while (foot > start + 1 && end - foot < kMaxFootLines) {
    const Line& l = lines[foot - 1];
    if (l.bottom - l.top >= kSmallFontShare * body_height) break;
    --foot;
  }
  if (foot == end || lines[foot].top - lines[foot - 1].bottom <= body_height) return end;
  if (lines[foot - 1].bottom - lines[foot - 1].top < kSmallFontShare * body_height) return end;
  for (size_t k = foot; k < end; ++k)
    if (RE2::PartialMatch(lines[k].text, footnote)) return end;
  return foot;
}

void MarkCommissionDateHeaders(const std::vector<Line>& lines, FurnitureMarks& marks) {
  // A running header without a page line, at the top of a later page: the Commission's name
  // and the letter's date ("Securities and Exchange Commission" / "September 13, 2024"), as a
  // filing agent repeats the addressee and date of a reply.
  static const RE2 commission(R"((?i)^(?:U\.S\. )?Securities and Exchange Commission$)");
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].page == lines[i - 1].page) continue;
    size_t end = i;
    bool names_commission = false;
    while (end < lines.size() && end < i + 3 && lines[end].page == lines[i].page) {
      const bool is_commission = RE2::FullMatch(lines[end].text, commission);
      if (!is_commission && !IsLongDate(lines[end].text)) break;
      names_commission = names_commission || is_commission;
      ++end;
    }
    if (!names_commission || end - i < 2) continue;
    for (size_t k = i; k < end; ++k) {
      marks.Drop(k, /*header_line=*/true);
    }
  }
}

void MarkSmallFontFeet(const std::vector<Line>& lines, double body_height, FurnitureMarks& marks) {
  // A page's foot in a small font, below a gap: a law firm's first-page footer (the
  // partnership line, a privilege notice, a document number). Footnotes stay (SmallFontFoot).
  for (size_t start = 0; start < lines.size();) {
    size_t end = start;
    while (end < lines.size() && lines[end].page == lines[start].page) ++end;
    if (size_t foot = SmallFontFoot(lines, start, end, body_height); foot < end)
      for (size_t k = foot; k < end; ++k) {
        marks.Drop(k);
      }
    start = end;
  }
}

void MarkFeetInsideSentences(const std::vector<Line>& lines, FurnitureMarks& marks) {
  // A sentence a page break interrupts ("... please also disclose such" | "amounts.") goes on
  // on the next page: short header-like lines set apart below its last line, at the page's
  // foot (a running header printed as a footer, a company's footer), go. A list's next part
  // ("b. Disclose ...") goes on no sentence.
  const double body_width = BodyWidth(lines);
  auto short_of_body = [body_width](const Line& l) { return l.x1 - l.x0 < 0.6 * body_width; };
  for (size_t next = 1; next < lines.size(); ++next) {
    if (!lines[next].geometric || lines[next].page == lines[next - 1].page ||
        !StartsLower(lines[next].text) || StartsLetteredItem(lines[next].text))
      continue;
    size_t k = next;
    while (k > 0 && next - k < kMaxFootLines && lines[k - 1].page == lines[next - 1].page &&
           HeaderLike(lines[k - 1].text) && short_of_body(lines[k - 1]))
      --k;
    if (k == next || k == 0 || lines[k - 1].page != lines[next - 1].page) continue;
    const Line& cut = lines[k - 1];  // the interrupted sentence's last line on its page
    if (EndsSentence(cut.text) || short_of_body(cut) ||
        lines[k].top - cut.bottom < cut.bottom - cut.top)
      continue;
    for (size_t d = k; d < next; ++d) {
      marks.Drop(d);
    }
  }
}

void MarkPageNumbersAndFooters(const std::vector<Line>& lines, FurnitureMarks& marks) {
  // Lone page numbers at the top or bottom of a page (or anywhere in plain text).
  double left = 0, right = 0;  // the text column's edges
  for (const Line& l : lines)
    if (l.geometric) {
      left = left == 0 ? l.x0 : std::min(left, l.x0);
      right = std::max(right, l.x1);
    }
  const double page_centre = (left + right) / 2;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!RE2::FullMatch(lines[i].text, LonePageNumberRe())) continue;
    // "... Results of Operations, page" / "95": the number of a caption's page, wrapped.
    if (i > 0 && RE2::PartialMatch(lines[i - 1].text, DanglingPageRe())) continue;
    bool edge = !lines[i].geometric || i == 0 || i + 1 == lines.size() ||
                lines[i - 1].page != lines[i].page || lines[i + 1].page != lines[i].page;
    if (edge) marks.drop[i] = true;
    // A footer's line centred (over the number or on the page) right above the page number at
    // the foot ("Qingshan Smart Logistics Group Limited" / "1"): the company's name a filing
    // agent prints there.
    const bool foot = edge && lines[i].geometric && i > 0 && lines[i - 1].page == lines[i].page &&
                      (i + 1 == lines.size() || lines[i + 1].page != lines[i].page);
    if (foot) {
      const Line& above = lines[i - 1];
      const double centre = (lines[i].x0 + lines[i].x1) / 2,
                   above_centre = (above.x0 + above.x1) / 2;
      const double height = above.bottom - above.top;
      const bool centred = std::abs(centre - above_centre) < kFooterCentreTolerance ||
                           std::abs(page_centre - above_centre) < kFooterCentreTolerance;
      if (HeaderLike(above.text) && !RE2::PartialMatch(above.text, EndingPageRe()) && centred &&
          lines[i].top - above.bottom < height)
        marks.drop[i - 1] = true;
    }
  }
}

}  // namespace

std::vector<Line> DropPageFurniture(std::vector<Line> lines, int* removed,
                                    std::vector<std::string>* header_lines) {
  FurnitureMarks marks(lines.size(), removed);
  std::vector<bool>& drop = marks.drop;
  std::vector<bool>& header = marks.header;
  double body_height = BodyLineHeight(lines);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& t = lines[i].text;
    // A browser's print header; a law firm's office list (letterhead, or the first page's
    // foot) or the notice of its legal form.
    if (RE2::PartialMatch(t, BrowserPrintHeaderRe()) || ListsOfficeCities(t) ||
        (t.size() <= kMaxNoticeBytes && RE2::PartialMatch(t, PartnershipNoticeRe()))) {
      marks.Drop(i);
      continue;
    }
    bool page_line = RE2::FullMatch(t, PageLineRe()) ||
                     (t.size() <= 70 && (RE2::PartialMatch(t, TrailingPageRe()) ||
                                         RE2::FullMatch(t, FramedPageRe())));
    if (!page_line) continue;
    if (!RE2::FullMatch(t, PageLineRe()) && !HeaderLike(t)) continue;
    // "Item 7A - ... about Market Risk," / "page 43": a caption's page, wrapped (a running
    // header's page line is not in lower case after a comma).
    if (i > 0 && StartsLower(t) && EndsWith(lines[i - 1].text, ",")) continue;
    marks.Drop(i, /*header_line=*/true);
    // Walk back over the header's other lines (name, company, date).
    // A PDF header is bounded by geometry alone (an overlaid template doubles its lines);
    // in plain text, by kMaxHeaderLines.
    for (size_t k = i, steps = 0; k > 0 && (lines[i].geometric || steps < kMaxHeaderLines);
         ++steps) {
      --k;
      const Line& prev = lines[k];
      // Of the page before, only a footer ending in contact details ("10 Hudson Yards New
      // York, NY 10001 Telephone 212 946-8400"), which a printed page break left right above
      // the header: a caption at that page's foot is the letter's.
      if (prev.page != lines[i].page) {
        if (prev.geometric ||
            (lines[k + 1].page == lines[i].page && !NamesContactDetails(prev.text)))
          break;
      }
      if (prev.geometric) {
        // Each line near the one below it (a header set as paragraphs spreads out), all near
        // the page's top.
        if (lines[k + 1].top - prev.bottom > 40 || prev.top > 200) break;
      } else if (!HeaderLike(prev.text)) {
        break;
      }
      if (!HeaderLike(prev.text)) break;
      // A caption of the letter at the foot of the page before ("Use of Proceeds, page 68")
      // is no header's line, where no page break tells the pages apart.
      if (RE2::PartialMatch(prev.text, EndingPageRe())) break;
      drop[k] = header[k] = true;
    }
    // Below the page line, a short line set in a smaller font than the body closes the header
    // (a page template's hidden name field).
    for (size_t k = i + 1; k < lines.size() && lines[i].geometric; ++k) {
      const Line& next = lines[k];
      if (next.page != lines[i].page || next.top - lines[i].bottom > kMaxHeaderGap) break;
      if (next.bottom - next.top >= kSmallFontShare * body_height || !HeaderLike(next.text)) break;
      drop[k] = true;
    }
  }
  MarkCommissionDateHeaders(lines, marks);
  MarkSmallFontFeet(lines, body_height, marks);
  MarkFeetInsideSentences(lines, marks);
  MarkPageNumbersAndFooters(lines, marks);
  std::vector<Line> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (header[i] && header_lines) header_lines->push_back(lines[i].text);
    if (drop[i]) {
      if (i + 1 < lines.size() && lines[i].blank_before) lines[i + 1].blank_before = true;
      continue;
    }
    out.push_back(std::move(lines[i]));
  }
  return out;
}

bool IsSectionCaption(const std::string& text) {
  static const RE2 caption(
      R"((?i)^(?:Item\s+\d+[A-C]?\.?\s*)?(?:Management's Discussion and Analysis of Financial Condition and Results of Operations|Financial Statements and Supplementary Data|Notes to (?:the )?(?:Consolidated )?Financial Statements|Quantitative and Qualitative Disclosures About Market Risk|Controls and Procedures|Risk Factors|Selected Financial Data|Legal Proceedings|Executive Compensation|Critical Accounting (?:Policies|Estimates))\s*$)");
  return text.size() < 120 && RE2::FullMatch(FoldPunctuation(text), caption);
}

bool StartsCaptionLine(std::string_view before, std::string_view line) {
  static const RE2 name_end(
      R"(^(?:\S+\s+){0,2}?\S+,?\s+(?:Inc|Corp|Co|Ltd|LLC|L\.P|N\.A|plc|Holdings|Company|Corporation)\b)");
  if (line.empty() || StartsLower(line) || !RE2::PartialMatch(line, EndingPageRe()) ||
      RE2::PartialMatch(line, name_end))
    return false;
  // `before` must stand as a heading by itself: words, not a label such as "EX-99.2".
  if (MostlyDigits(before)) return false;
  return before.back() != '-' && before.back() != ',' &&
         !RE2::PartialMatch(before, DanglingWordRe());
}

// Plain text: the length of a full line of the letter's paragraphs (the 90th percentile of its
// line lengths: hard-wrapped at ~70 columns, or one paragraph per line), below which a line
// stops early (kShortTextLine of it, and at least kMinShortTextLine characters).
constexpr double kShortTextLine = 0.75;
constexpr size_t kMinShortTextLine = 45;
size_t TextShortLine(const std::vector<Line>& lines) {
  std::vector<size_t> lengths;
  for (const Line& l : lines)
    if (!l.geometric && !l.text.empty()) lengths.push_back(l.text.size());
  if (lengths.empty()) return kMinShortTextLine;
  std::nth_element(lengths.begin(), lengths.begin() + lengths.size() * 9 / 10, lengths.end());
  return std::max(kMinShortTextLine,
                  static_cast<size_t>(kShortTextLine * lengths[lengths.size() * 9 / 10]));
}

namespace {

// The right edge of the text column: the x1 that all but kColumnEdgeOutliers of the PDF lines
// stay within (a wide table or letterhead line does not move it; 0 for plain text).
constexpr double kColumnEdgeOutliers = 0.05;
double ColumnRightEdge(const std::vector<Line>& lines) {
  std::vector<double> rights;
  for (const Line& l : lines)
    if (l.geometric) rights.push_back(l.x1);
  if (rights.empty()) return 0;
  size_t k =
      static_cast<size_t>(static_cast<double>(rights.size() - 1) * (1 - kColumnEdgeOutliers));
  std::nth_element(rights.begin(), rights.begin() + k, rights.end());
  return rights[k];
}

// Characters of UTF-8 text (continuation bytes not counted).
size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A PDF line that stopped with room left for the next line's first word was ended on purpose:
// text that wraps carries a word over only when it does not fit. Widths are estimated from
// the line's own mean character width, with two characters to spare.
bool EndedWithRoomForNextWord(const Line& prev, const Line& next, double column_right) {
  size_t chars = CharCount(prev.text);
  if (chars < 2 || prev.x1 <= prev.x0) return false;
  double char_width = (prev.x1 - prev.x0) / static_cast<double>(chars);
  std::string_view first = next.text;
  first = first.substr(0, first.find(' '));
  double needed = static_cast<double>(CharCount(first) + 2) * char_width;
  return column_right - prev.x1 > needed;
}

// The median distance from one PDF line's top to the next one's on the same page: the body
// text's line pitch (0 for plain text or too few lines).
double BodyLinePitch(const std::vector<Line>& lines) {
  std::vector<double> pitches;
  for (size_t i = 1; i < lines.size(); ++i)
    if (lines[i].geometric && lines[i - 1].geometric && lines[i].page == lines[i - 1].page &&
        lines[i].top > lines[i - 1].top)
      pitches.push_back(lines[i].top - lines[i - 1].top);
  if (pitches.size() < 3) return 0;
  std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 2, pitches.end());
  return pitches[pitches.size() / 2];
}

// A paragraph's lines follow at the body's pitch; a line this many pitches below the one
// before is set apart by paragraph spacing, however tall the lines' boxes are (LibreOffice's
// boxes overlap by as much as the spacing is wide, so the gap between boxes says little).
constexpr double kParagraphPitches = 1.6;

}  // namespace

std::vector<Block> LinesToBlocks(const std::vector<Line>& lines) {
  std::vector<Block> out;
  // Page column right edge, for "short last line ends a paragraph".
  double right = 0;
  for (const Line& l : lines) right = std::max(right, l.x1);
  const double column_right = ColumnRightEdge(lines);
  const size_t short_text = TextShortLine(lines);
  const double pitch = BodyLinePitch(lines);
  const Line* prev = nullptr;
  char open_letter = 0;  // the letter of the lettered part the current block opened with
  for (const Line& l : lines) {
    // "... also refer to Note" / "14. Please explain ...": a number a wrapped line carries over
    // from a reference is no item's number.
    const bool item_start =
        IsItemStart(l.text) && !(prev && !l.blank_before && l.page == prev->page &&
                                 RE2::PartialMatch(prev->text, NumberedReferenceRe()));
    bool start = prev == nullptr || l.blank_before || l.bold != prev->bold ||
                 l.underline != prev->underline || item_start || StartsWithBullet(l.text) ||
                 (l.italic != prev->italic && !StartsLower(l.text));
    bool new_page = prev && l.page != prev->page;
    // Plain text: a short line (an address line, a heading) ends its block ...
    // (a list's lettered part opens a block in lower case after the part before it, "...
    // properties; and" / "b. the amount ...", not after a caption, "Note 7: Unpaid losses" /
    // "c) Loss Development Tables, page F-46").
    static const RE2 list_joiner(R"(\s(?:and|or)$)");
    // ... and a caption lettered as a sub-section, ending on its page, opens one after any
    // line ("Note 7: Unpaid losses and loss expenses" / "c) Loss Development Tables, page F-46").
    static const RE2 on_its_page(R"(,\s*pages?\s+(?:[A-Z]-)?\d+\s*$)");
    const bool opens = !StartsLower(l.text) ||
                       (StartsLetteredCaption(l.text) && RE2::PartialMatch(l.text, on_its_page)) ||
                       (prev && StartsLetteredItem(l.text) &&
                        (EndsSentence(prev->text) || RE2::PartialMatch(prev->text, list_joiner)));
    // A comment's or an answer's label alone on its line ("Comment 2", "Response 2:", "Staff
    // Comment No. 4") opens a block after a sentence's end, set alike or not.
    static const RE2 bare_label(
        R"((?i)^(?:(?:SEC |Staff(?:'s)? )?Comments?|(?:Company(?:'s)? )?Responses?)(?:\s+(?:No\.?|Number|#)?\s*\d{1,3})?\s*[.:]?$)");
    if (prev && !start && EndsSentence(prev->text) && RE2::FullMatch(l.text, bare_label))
      start = true;
    // The list's next letter opens a block wherever the line before ends ("a. ..." / "b. ...").
    const char letter = ListLetter(l.text);
    if (prev && letter != 0 && letter == open_letter + 1 && !new_page) start = true;
    if (prev && !start && !l.geometric && prev->text.size() < short_text && opens &&
        !EndsWith(prev->text, ","))
      start = true;
    // ... and a short line that ends no sentence after one that ends a paragraph's sentence is
    // a heading of its own ("... additional comments." / "General" / "1. Please ...").
    if (prev && !start && !l.geometric && l.text.size() < short_text && EndsSentence(prev->text) &&
        !EndsSentence(l.text) && std::isupper(static_cast<unsigned char>(l.text[0])))
      start = true;
    // ... and a caption ends at its page ("NRG Energy, Inc. Form 10-K ... / Selected Financial
    // Data, page 61" / "2. We note ...").
    if (prev && !start && !l.geometric && RE2::PartialMatch(prev->text, EndingPageRe()) &&
        !StartsLower(l.text))
      start = true;
    if (prev && !start && !new_page && l.geometric) {
      double h = std::max(1.0, prev->bottom - prev->top);
      if (l.top - prev->bottom > 0.75 * h) start = true;
      if (pitch > 0 && l.top - prev->top > kParagraphPitches * pitch) start = true;
      // A short line (well before the right margin) ends its paragraph or heading, unless it
      // ends no sentence and the next line, flush with it, opens with a word that would not
      // have fit on it: a wrap ("... Compliance and Disclosure" / "Interpretations. In future
      // filings ..."; centred letterhead lines are no wrap).
      bool short_line = prev->x1 < right - 0.15 * (right - prev->x0);
      bool wrapped = !EndsSentence(prev->text) && std::abs(prev->x0 - l.x0) < 2.0 &&
                     !EndedWithRoomForNextWord(*prev, l, right);
      if (short_line && opens && !EndsWith(prev->text, ",") && !wrapped) start = true;
      // Two caption lines set one under the other are two headings when the first ended on
      // purpose ("Consolidated Results of Operations for the years ended ... 2019" /
      // "Economic Gross Margin, page 53"), even when it is long.
      if (StartsCaptionLine(prev->text, l.text) && EndedWithRoomForNextWord(*prev, l, column_right))
        start = true;
      // ... and so does a caption line ending at its page above another set alike, however far
      // it runs ("Management's Discussion and Analysis ..., page 12" / "Business Review, page
      // 15").
      if (StartsCaptionLine(prev->text, l.text) && RE2::PartialMatch(prev->text, EndingPageRe()) &&
          l.bold == prev->bold && l.italic == prev->italic && l.underline == prev->underline)
        start = true;
      // A new "Exhibit 8.2 ..." / "Note 3 ..." line under a heading line starts a heading.
      static const RE2 section(R"(^(?:Exhibit|Note|Item|Section|Schedule|Form|Part)s?\s+[\dA-Z])");
      static const RE2 joiner(
          R"((?:\b(?:to|of|in|and|or|the|under|see|per|with|our|your|by|on|from|for|a|an|at|Refer)|[,;(-])$)");
      if (l.bold == prev->bold && RE2::PartialMatch(l.text, section) && !EndsSentence(prev->text) &&
          !RE2::PartialMatch(prev->text, joiner))
        start = true;
    }
    // A filing's standard section caption on a line of its own is a heading by itself: the
    // next line (a sub-heading under it, "Consolidated Results, page 29") starts a new block
    // even when the caption runs to the right margin.
    if (prev && !start && !new_page && !l.text.empty() &&
        (std::isupper(static_cast<unsigned char>(l.text[0])) ||
         std::isdigit(static_cast<unsigned char>(l.text[0]))) &&
        !out.empty() && IsSectionCaption(out.back().text))
      start = true;
    // A standard section caption broken over two lines by hand ("Item 2. Management's
    // Discussion and Analysis of Financial" / "Condition and Results of Operations") is one
    // heading, whatever the line lengths say.
    if (start && prev && !new_page && !out.empty() && l.bold == prev->bold && !item_start &&
        !IsSectionCaption(out.back().text) && IsSectionCaption(out.back().text + " " + l.text))
      start = false;
    // A line that stops on a word that cannot end a heading or a sentence ("... Results of")
    // goes on in the next one ("Operations, page 12"), whatever the gap or line length says;
    // only an item number, a bullet, a lettered part ("... day rates; and" / "(c) changes
    // in ..."), a change of weight or a new page start a block there.
    if (start && prev && !new_page && l.bold == prev->bold && !item_start &&
        !StartsWithBullet(l.text) && !StartsLetteredItem(l.text) &&
        RE2::PartialMatch(prev->text, DanglingWordRe()))
      start = false;
    if (new_page) {
      start = true;
      if (!out.empty() && !EndsSentence(out.back().text) && StartsLower(l.text) && !l.bold) {
        start = false;
        out.back().page_continued = true;
      }
    }
    if (start) {
      Block b;
      b.text = l.text;
      b.bold = l.bold;
      b.underline = l.underline;
      b.italic = l.italic;
      b.page = l.page;
      b.indent = l.x0;
      if (StartsWithBullet(l.text)) b.kind = BlockKind::kListItem;
      open_letter = ListLetter(l.text);
      out.push_back(std::move(b));
    } else {
      Block& b = out.back();
      AppendLine(b.text, l.text);
      b.italic = b.italic && l.italic;
    }
    prev = &l;
  }
  return out;
}

}  // namespace corresp
