#include "indexer/segment/header_fields.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

const char* kMonth =
    R"((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)";

std::string DatePattern() { return std::string(kMonth) + R"(\s+\d{1,2}\s*,?\s*\d{4})"; }

std::optional<Date> FirstDate(const std::string& text) {
  static const std::regex re(DatePattern(), std::regex::icase);
  std::smatch m;
  if (!std::regex_search(text, m, re)) return std::nullopt;
  return Date::ParseLong(m.str());
}

bool LooksLikeCompany(const std::string& t) {
  static const std::regex re(
      R"(\b(?:Inc|Corp|Corporation|Company|Co|LLC|L\.?L\.?C|Ltd|Limited|plc|PLC|L\.?P|N\.V|S\.A|AG|SE|Incorporated|Group|Holdings|Trust|Bancorp|Bancshares)\b\.?)");
  return t.size() < 100 && std::regex_search(t, re);
}

// The company a Re: line names, or "" (a bare "Re:", a form, a "Comment Letter Dated" line):
// the label, a leading "Regarding", everything from the form or file number on, and a
// trailing defined-term parenthetical ("(“MMC”)") removed.
std::string ReLineCompany(const std::string& line, bool first) {
  static const std::regex re_label(R"(^(?:Re|RE|Subject)\s*:\s*)");
  static const std::regex regarding(R"(^(?:Regarding|In re)\s+)", std::regex::icase);
  static const std::regex letter_line(R"(^(?:Comment Letter|Letter) Dated\b)", std::regex::icase);
  static const std::regex cut(
      R"(\s*(?:Form|Forms|Registration Statement|Schedule|Amendment|Annual Report|Preliminary|Definitive|File No|Filed|Response)\b.*$)");
  // (Alternations, not bracket sets: std::regex reads UTF-8 quotes byte by byte.)
  static const std::regex defined_term(R"(\s*\((?:the\s+)?(?:"|“)[^)]{1,40}(?:"|”)\)\s*$)");
  std::string text(TruncateUtf8(line, 200));
  if (first) text = std::regex_replace(text, re_label, "");
  if (std::regex_search(text, letter_line)) return "";
  text = std::regex_replace(text, regarding, "");
  std::string name = CollapseSpace(std::regex_replace(text, cut, ""));
  static const std::regex id_note(R"(\s*\((?:CIK|File|Commission)[^)]*\)\s*$)", std::regex::icase);
  for (int k = 0; k < 2; ++k)
    name = std::regex_replace(std::regex_replace(name, defined_term, ""), id_note, "");
  // An unclosed parenthesis or a date: a sentence about a letter, not a name.
  if (std::count(name.begin(), name.end(), '(') != std::count(name.begin(), name.end(), ')') ||
      FirstDate(name))
    return "";
  while (!name.empty() && (name.back() == ',' || name.back() == ';' || name.back() == '-'))
    name.pop_back();
  return name;
}

bool IsReStart(const std::string& t) {
  static const std::regex re(R"(^(?:Re|RE|Subject)\s*:)");
  return std::regex_search(t, re);
}

}  // namespace

std::vector<Reference> ParseReferences(const std::string& raw) {
  std::string text = FoldPunctuation(raw);
  std::vector<Reference> refs;
  static const std::regex form_re(
      R"(\b(?:Forms?|Schedule|Registration Statement on Form|Amendment No\. \d+ to (?:Registration Statement on )?Form)\s+((?:\d{1,2}-[A-Z]{1,2}(?:/A)?)|(?:[A-Z]{1,3}-\d{1,2}[A-Z]?(?:/A)?)|(?:TO-[A-Z](?:/A)?)|(?:14[AC]|13[DEG](?:-\d)?|DEF ?14A|PRE ?14A))\b)",
      std::regex::icase);
  static const std::regex period_re(
      std::string(R"((?:year|period|quarter|quarterly period|months)\s+ended\s+()") +
          DatePattern() + ")",
      std::regex::icase);
  static const std::regex filed_re(
      std::string(R"((?:Filed|furnished|submitted)(?:\s+on)?\s+()") + DatePattern() + ")",
      std::regex::icase);
  static const std::regex fileno_re(R"(\b(\d{1,3}-\d{3,6}|\d{3}-\d{5,6}-\d{2})\b)");
  static const std::regex fileno_ctx(R"(File\s+(?:Nos?|Numbers?)\.?\s*:?)", std::regex::icase);

  // Split text at each form mention.
  std::vector<std::pair<size_t, std::string>> starts;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), form_re);
       it != std::sregex_iterator(); ++it) {
    std::string form = (*it)[1].str();
    for (char& c : form) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    starts.emplace_back(static_cast<size_t>(it->position(0)), form);
  }
  std::smatch m;
  std::vector<std::string> numbers;
  std::smatch ctx;
  if (std::regex_search(text, ctx, fileno_ctx)) {
    std::string tail = ctx.suffix();
    for (auto it = std::sregex_iterator(tail.begin(), tail.end(), fileno_re);
         it != std::sregex_iterator(); ++it)
      numbers.push_back((*it)[1].str());
  }
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = i + 1 < starts.size() ? starts[i + 1].first : text.size();
    std::string part = text.substr(starts[i].first, end - starts[i].first);
    Reference r;
    r.form = starts[i].second;
    if (std::regex_search(part, m, period_re)) r.period = Date::ParseLong(m[1].str());
    if (std::regex_search(part, m, filed_re)) r.filed = Date::ParseLong(m[1].str());
    r.file_numbers = numbers;
    refs.push_back(std::move(r));
  }
  if (refs.empty() && !numbers.empty()) {
    Reference r;
    r.file_numbers = numbers;
    refs.push_back(std::move(r));
  }
  return refs;
}

LetterHead ReadLetterHead(const std::vector<Block>& blocks, bool staff_letter) {
  LetterHead head;
  size_t limit = std::min<size_t>(blocks.size(), 60);
  size_t re_at = limit, dear_at = limit;
  for (size_t i = 0; i < limit; ++i) {
    const std::string& t = blocks[i].text;
    if (re_at == limit && IsReStart(t)) re_at = i;
    static const std::regex dear(R"(^(?:Dear|Ladies|To Whom|Gentlemen|Dear Sir|Madam)\b)",
                                 std::regex::icase);
    if (std::regex_search(t, dear)) {
      dear_at = i;
      break;
    }
  }
  head.has_salutation = dear_at < limit;
  head.body_start = head.has_salutation ? dear_at + 1 : 0;
  // Letter date: the first full date before the Re: block (or in the first blocks).
  std::string joined;
  size_t head_end = std::min(re_at, dear_at);
  if (head_end == limit) head_end = std::min<size_t>(limit, 12);
  for (size_t i = 0; i < head_end; ++i) {
    joined += blocks[i].text + " ";
    if (!head.date) {
      head.date = FirstDate(blocks[i].text);
      if (!head.date && i + 1 < head_end)
        head.date = FirstDate(blocks[i].text + " " + blocks[i + 1].text);
    }
  }
  if (!head.date && head_end < blocks.size()) {
    for (size_t i = head_end; i < std::min(blocks.size(), head_end + 3) && !head.date; ++i)
      if (blocks[i].text.size() < 40) head.date = FirstDate(blocks[i].text);
  }
  // Re: block: from "Re:" up to the salutation.
  if (re_at < limit) {
    std::string re_text;
    size_t end = dear_at < limit ? dear_at : std::min(limit, re_at + 8);
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
  for (size_t i = 0; i < addr_end; ++i) {
    const std::string& t = blocks[i].text;
    if (FirstDate(t) || IContains(t, "mail stop") || IContains(t, "mailstop") ||
        IContains(t, "via e") || IContains(t, "via edgar") || IContains(t, "by u.s.") ||
        IContains(t, "facsimile") || IContains(t, "united states securities") ||
        IContains(t, "division of corporation"))
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
