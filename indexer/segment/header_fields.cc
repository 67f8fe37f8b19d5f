#include "indexer/segment/header_fields.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

const char* kMonth =
    R"((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)";

// "May 3, 2006", "May 3rd, 2006", "3 May 2006".
std::string DatePattern() {
  return "(?:" + std::string(kMonth) + R"(\s+\d{1,2}(?:st|nd|rd|th)?\s*,?\s*\d{4}|\b\d{1,2}\s+)" +
         kMonth + R"(\s*,?\s+\d{4}))";
}

// Where re first matches in text, searching from offset from: group 0 and up to n - 1
// capturing groups in m. A match is never empty (every pattern here needs a character).
bool FindFrom(std::string_view text, size_t from, const RE2& re, re2::StringPiece* m, int n) {
  return from <= text.size() && re.Match(text, from, text.size(), RE2::UNANCHORED, m, n);
}

size_t EndOf(std::string_view text, const re2::StringPiece& m) {
  return static_cast<size_t>(m.data() - text.data()) + m.size();
}

std::optional<Date> FirstDate(std::string_view text) {
  static const RE2 re("(?i)" + DatePattern());
  re2::StringPiece m;
  if (!FindFrom(text, 0, re, &m, 1)) return std::nullopt;
  return Date::ParseLong(std::string_view(m.data(), m.size()));
}

bool LooksLikeCompany(const std::string& t) {
  static const RE2 re(
      R"(\b(?:Inc|Corp|Corporation|Company|Co|LLC|L\.?L\.?C|Ltd|Limited|plc|PLC|L\.?P|N\.V|S\.A|AG|SE|Incorporated|Group|Holdings|Trust|Bancorp|Bancshares)\b\.?)");
  return t.size() < 100 && RE2::PartialMatch(t, re);
}

// The label that opens a Re: block ("Re:", "RE :", "Subject:") with the spaces after it.
const RE2& ReLabel() {
  static const RE2 re(R"(^(?:Re|RE|Subject)\s*:\s*)");
  return re;
}

// The company a Re: line names, or "" (a bare "Re:", a form, a "Comment Letter Dated" line):
// the label, a leading "Regarding", everything from the form or file number on, and a
// trailing defined-term parenthetical ("(“MMC”)") removed.
std::string ReLineCompany(const std::string& line, bool first) {
  static const RE2 regarding(R"((?i)^(?:Regarding|In re)\s+)");
  static const RE2 letter_line(R"((?i)^(?:Comment Letter|Letter) Dated\b)");
  static const RE2 cut(
      R"(\s*(?:Form|Forms|Registration Statement|Schedule|Amendment|Annual Report|Preliminary|Definitive|File No|Filed|Response)\b)");
  static const RE2 defined_term(R"(\s*\((?:the\s+)?["“][^)]{1,40}["”]\)\s*$)");
  static const RE2 id_note(R"((?i)\s*\((?:CIK|File|Commission)[^)]*\)\s*$)");
  std::string text = line;
  if (first) RE2::Replace(&text, ReLabel(), "");
  if (RE2::PartialMatch(text, letter_line)) return "";
  RE2::Replace(&text, regarding, "");
  // Cut where the first form word starts (not "...\b.*$": "." matches no invalid UTF-8).
  re2::StringPiece m;
  if (FindFrom(text, 0, cut, &m, 1)) text.resize(static_cast<size_t>(m.data() - text.data()));
  std::string name = CollapseSpace(text);
  for (int k = 0; k < 2; ++k) {
    RE2::Replace(&name, defined_term, "");
    RE2::Replace(&name, id_note, "");
  }
  // An unclosed parenthesis or a date: a sentence about a letter, not a name.
  if (std::count(name.begin(), name.end(), '(') != std::count(name.begin(), name.end(), ')') ||
      FirstDate(name))
    return "";
  while (!name.empty() && (name.back() == ',' || name.back() == ';' || name.back() == '-'))
    name.pop_back();
  return name;
}

bool IsReStart(const std::string& t) { return RE2::PartialMatch(t, ReLabel()); }

bool IsSalutation(const std::string& t) {
  static const RE2 re(R"((?i)^(?:Dear|Ladies|To Whom|Gentlemen|Dear Sir|Madam)\b)");
  return RE2::PartialMatch(t, re);
}

// The file numbers after the first "File No." / "File Numbers:" in text.
std::vector<std::string> FileNumbers(std::string_view text) {
  static const RE2 context(R"((?i)File\s+(?:Nos?|Numbers?)\.?\s*:?)");
  static const RE2 number(R"(\b(\d{1,3}-\d{3,6}|\d{3}-\d{5,6}-\d{2})\b)");
  std::vector<std::string> numbers;
  re2::StringPiece m[2];
  if (!FindFrom(text, 0, context, m, 1)) return numbers;
  // The numbers are searched in the text after the label alone, as if it began there.
  std::string_view tail = text.substr(EndOf(text, m[0]));
  for (size_t pos = 0; FindFrom(tail, pos, number, m, 2); pos = EndOf(tail, m[0]))
    numbers.emplace_back(m[1].data(), m[1].size());
  return numbers;
}

}  // namespace

std::vector<Reference> ParseReferences(const std::string& raw) {
  std::string text = FoldPunctuation(raw);
  std::vector<Reference> refs;
  // Group 1: the amendment number of "Amendment No. 2 to ..."; group 2: the form; group 3: a
  // form named without "Form"/"Schedule" ("PREC14A filed ...", "Citigroup Inc. 10-K for ...").
  static const RE2 form_re(
      R"((?i)\b(?:Forms?|Schedule|(?:Draft\s+)?Registration Statement on Form|Amendment No\.?\s*(\d{1,2}) to (?:(?:Draft\s+)?Registration Statement on |Preliminary Proxy Statement on |Annual Report on )?(?:Form|Schedule))\s+((?:\d{1,2}-\d{1,2}[BG](?:/A)?)|(?:\d{1,2}-[A-Z]{1,2}(?:/A)?)|(?:[A-Z]{1,3}-\d{1,2}[A-Z]?(?:/A)?)|(?:TO-[A-Z](?:/A)?)|(?:14[AC]|13[DEG](?:-\d)?|DEF ?14A|PRE ?14A))\b|\b((?:PRE[MCR]?|DEF[AMCR]?|DFAN) ?14[AC]|10-[KQ](?:/A)?|20-F(?:/A)?|8-K(?:/A)?)\s+(?:for|filed|furnished|dated|and)\b)");
  static const RE2 period_re(R"((?i)(?:year|period|quarter|quarterly period|months)\s+ended\s+()" +
                             DatePattern() + ")");
  static const RE2 filed_re(R"((?i)(?:Filed|furnished|submitted)(?:\s+on)?\s+()" + DatePattern() +
                            ")");
  static const RE2 draft_re(R"((?i)\bDraft\s+Registration\s+Statement\b)");

  // Split text at each form mention.
  struct Start {
    size_t at;
    std::string form;
    std::optional<int> amendment;
  };
  std::vector<Start> starts;
  re2::StringPiece m[4];
  for (size_t pos = 0; FindFrom(text, pos, form_re, m, 4); pos = EndOf(text, m[0])) {
    // A bare form ("PREC14A filed ...", "10-K for Fiscal Year ...") ends at the form itself.
    const re2::StringPiece& named = m[2].data() != nullptr ? m[2] : m[3];
    if (m[2].data() == nullptr) m[0] = re2::StringPiece(m[3].data(), m[3].size());
    std::string form(named.data(), named.size());
    for (char& c : form) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::optional<int> amendment;
    if (!m[1].empty()) amendment = std::stoi(std::string(m[1].data(), m[1].size()));
    starts.push_back({static_cast<size_t>(m[0].data() - text.data()), form, amendment});
  }
  std::vector<std::string> numbers = FileNumbers(text);
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = i + 1 < starts.size() ? starts[i + 1].at : text.size();
    std::string part = text.substr(starts[i].at, end - starts[i].at);
    Reference r;
    r.form = starts[i].form;
    r.amendment = starts[i].amendment;
    r.draft = RE2::PartialMatch(part, draft_re);
    std::string date;
    if (RE2::PartialMatch(part, period_re, &date)) r.period = Date::ParseLong(date);
    if (RE2::PartialMatch(part, filed_re, &date)) r.filed = Date::ParseLong(date);
    r.file_numbers = numbers;
    r.text = CollapseSpace(part);
    refs.push_back(std::move(r));
  }
  if (refs.empty() && !numbers.empty()) {
    Reference r;
    r.file_numbers = numbers;
    r.text = CollapseSpace(text);
    refs.push_back(std::move(r));
  }
  return refs;
}

// The Re: block runs to at most this many lines when no salutation closes it.
constexpr size_t kMaxReBlockLines = 8;

LetterHead ReadLetterHead(const std::vector<Block>& blocks, bool staff_letter,
                          const std::vector<std::string>& page_header_lines) {
  LetterHead head;
  size_t limit = std::min<size_t>(blocks.size(), 60);
  size_t re_at = limit, dear_at = limit;
  for (size_t i = 0; i < limit; ++i) {
    const std::string& t = blocks[i].text;
    if (re_at == limit && IsReStart(t)) re_at = i;
    if (IsSalutation(t)) {
      dear_at = i;
      break;
    }
  }
  head.has_salutation = dear_at < limit;
  head.body_start = head.has_salutation ? dear_at + 1 : 0;
  // Letter date: the first full date before the Re: block (or in the first blocks).
  // A date may be split over two lines ("June 5," / "2009"); split_date_at is the first.
  size_t split_date_at = limit;
  size_t head_end = std::min(re_at, dear_at);
  if (head_end == limit) head_end = std::min<size_t>(limit, 12);
  size_t date_at = limit;
  for (size_t i = 0; i < head_end && !head.date; ++i) {
    date_at = i;
    head.date = FirstDate(blocks[i].text);
    if (!head.date && i + 1 < head_end) {
      head.date = FirstDate(blocks[i].text + " " + blocks[i + 1].text);
      if (head.date && !FirstDate(blocks[i + 1].text)) split_date_at = i;
    }
  }
  if (!head.date) date_at = limit;
  // "DATE: August 30, 2004" is a fax cover sheet's or a transmittal form's field: the letter
  // behind it prints its own date.
  static const RE2 date_field(R"((?i)^date\s*:)");
  size_t date_line = head.date && !FirstDate(blocks[date_at].text) ? date_at + 1 : date_at;
  if (head.date && split_date_at == limit && date_line < head_end &&
      RE2::PartialMatch(blocks[date_line].text, date_field)) {
    for (size_t i = date_line + 1; i < head_end; ++i)
      if (std::optional<Date> later = FirstDate(blocks[i].text)) {
        head.date = later;
        date_at = i;
        break;
      }
  }
  if (split_date_at < limit) date_at = split_date_at + 1;
  for (size_t i = date_at + 1; i < head_end; ++i) {
    const std::string& t = blocks[i].text;
    if (IContains(t, "securities and exchange commission") ||
        IContains(t, "division of corporation finance") || IContains(t, "20549"))
      head.addressed_to_commission = true;
  }
  // ... or a date alone on its line below the Re: block, before the salutation (a letter that
  // prints its date right-aligned under a long Re: block) ...
  const size_t date_scan_end = std::min(dear_at, head_end + kMaxReBlockLines);
  for (size_t i = head_end; !head.date && i < date_scan_end; ++i)
    if (IsLongDate(blocks[i].text)) head.date = FirstDate(blocks[i].text);
  // ... or the date its running headers print ("Securities and Exchange Commission" / "August
  // 25, 2017" / "Page 2"), when the head prints none ...
  for (size_t i = 0; !head.date && i < page_header_lines.size(); ++i)
    head.date = FirstDate(page_header_lines[i]);
  // ... or a short line's date right below the Re: block.
  if (!head.date && head_end < blocks.size()) {
    for (size_t i = head_end; i < std::min(blocks.size(), head_end + 3) && !head.date; ++i)
      if (blocks[i].text.size() < 40) head.date = FirstDate(blocks[i].text);
  }
  // Re: block: from "Re:" up to the salutation.
  if (re_at < limit) {
    std::string re_text;
    size_t end = dear_at < limit ? dear_at : std::min(limit, re_at + kMaxReBlockLines);
    for (size_t i = re_at; i < end; ++i) re_text += blocks[i].text + " ";
    head.references = ParseReferences(re_text);
    // "Re: Citigroup, Inc." names the company when it is not a form; so may the next lines
    // after a bare "Re:" or a "Comment Letter Dated ..." line ("Regarding Weyerhaeuser
    // Company", "Marsh & McLennan Companies, Inc. ("MMC")").
    for (size_t i = re_at; i < end && i < re_at + 4 && head.company.empty(); ++i) {
      std::string name = ReLineCompany(blocks[i].text, i == re_at);
      if (name.empty()) continue;
      if (name.size() < 80 && (staff_letter || LooksLikeCompany(name)) &&
          !std::isdigit(static_cast<unsigned char>(name[0])))
        head.company = name;
      if (staff_letter) break;  // a staff letter names the company on its first Re: line
    }
  }
  // Addressee and company from the address block.
  size_t addr_end = std::min(re_at, dear_at);
  if (addr_end == limit) addr_end = std::min<size_t>(limit, 10);
  // The staff's letterhead set over several lines ("UNITED STATES" / "SECURITIES AND EXCHANGE
  // COMMISSION" / "WASHINGTON, D.C. 20549-7010" / "DIVISION OF" / "CORPORATION FINANCE" or
  // "INVESTMENT MANAGEMENT").
  static const RE2 letterhead_line(
      R"((?i)united states|(?:the )?securities and exchange commission|division of|corporation finance|investment management|trading and markets|washington,? d\.?\s?c\.?(?:\s+\d{5}(?:-\d{4})?)?)");
  for (size_t i = 0; i < addr_end; ++i) {
    const std::string& t = blocks[i].text;
    if (FirstDate(t) || i == split_date_at || i == split_date_at + 1 || IContains(t, "mail stop") ||
        IContains(t, "mailstop") || IContains(t, "via e") || IContains(t, "via edgar") ||
        IContains(t, "by u.s.") || IContains(t, "facsimile") ||
        IContains(t, "united states securities") || IContains(t, "division of corporation") ||
        RE2::FullMatch(t, letterhead_line))
      continue;
    if (head.addressee.empty() && staff_letter && t.size() < 60 && !LooksLikeCompany(t)) {
      head.addressee = t;
      continue;
    }
    if (head.company.empty() && staff_letter && LooksLikeCompany(t)) head.company = t;
  }
  if (!staff_letter) {
    // A company letter is addressed to the SEC; the addressee is the staff member or office.
    for (size_t i = 0; i < addr_end; ++i) {
      const std::string& t = blocks[i].text;
      if (IContains(t, "securities and exchange commission") || IContains(t, "division of")) {
        head.addressee = t.size() < 120 ? t : FirstWords(t, 12);
        break;
      }
    }
  }
  return head;
}

}  // namespace corresp
