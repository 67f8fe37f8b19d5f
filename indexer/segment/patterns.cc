#include "indexer/segment/patterns.h"

#include <cctype>
#include <cstring>
#include <regex>
#include <vector>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// Strips a leading "Staff's comment:" / "Comment:" label from restated text.
std::string StripCommentLabel(const std::string& orig) {
  static const std::regex re(R"(^(?:SEC |the )?(?:Staff.s |Staff )?Comment(?: No\.?)?\s*[:.\-]\s*)",
                             std::regex::icase);
  std::string f = FoldPunctuation(TruncateUtf8(orig, 300));
  std::smatch m;
  if (!std::regex_search(f, m, re)) return orig;
  return OriginalSuffix(orig, static_cast<size_t>(m.length(0)));
}

// "Special charges - 5 5", "Total $ 675 $ 620", "(9 )": a run of figures ends the text.
bool EndsWithFigures(const std::string& f) {
  std::vector<std::string> tokens;
  size_t i = f.size();
  while (i > 0) {
    size_t e = i;
    while (e > 0 && f[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && f[b - 1] != ' ') --b;
    if (b == e) break;
    std::string tok = f.substr(b, e - b);
    bool numeric = true;
    for (char c : tok)
      if (!std::isdigit(static_cast<unsigned char>(c)) && !std::strchr("$,.()%-", c))
        numeric = false;
    if (!numeric) break;
    tokens.push_back(tok);
    i = b;
  }
  if (tokens.size() >= 3) return true;
  if (tokens.size() < 2) return false;
  for (const auto& t : tokens)
    if (t == "$" || t == "-" || t.find('(') != std::string::npos) return true;
  return false;
}

}  // namespace

// The patterns below only look at a block's first bytes: libstdc++'s std::regex recurses per
// character, so matching a whole (possibly megabyte-long) block could exhaust the stack.
constexpr size_t kHead = 300;

std::optional<ItemStart> ParseItemStart(const std::string& raw) {
  std::string text = FoldPunctuation(TruncateUtf8(raw, kHead));
  static const std::regex number(R"(^(\d{1,3})\s*[.)](?:\s+|(?=[A-Z"'(])|$))");
  static const std::regex comment_no(
      R"(^(?:SEC |the )?(?:Staff.s |Staff )?Comment\s*(?:No\.?|Number|#)?\s*(\d{1,3})\s*(?:[:.\-]\s*|\s+|$))",
      std::regex::icase);
  static const std::regex comment_bare(R"(^(?:Staff.s |Staff )?Comment\s*:\s*)", std::regex::icase);
  std::smatch m;
  for (const std::regex* re : {&number, &comment_no}) {
    if (!std::regex_search(text, m, *re)) continue;
    int n = std::stoi(m[1].str());
    if (n == 0) return std::nullopt;
    return ItemStart{n, StripCommentLabel(OriginalSuffix(raw, static_cast<size_t>(m.length(0))))};
  }
  if (std::regex_search(text, m, comment_bare))
    return ItemStart{std::nullopt, OriginalSuffix(raw, static_cast<size_t>(m.length(0)))};
  return std::nullopt;
}

std::optional<std::string> ParseResponseLabel(const std::string& raw) {
  std::string text = FoldPunctuation(TruncateUtf8(raw, kHead));
  static const std::regex re(
      R"(^(?:\[?(?:the )?(?:Company|Management|Our|Registrant|[A-Z][A-Za-z&.]+)(?:'s|s')?\s+)?(?:Response|Reply)(?:\s+to\s+(?:the\s+)?(?:Staff'?s?\s+)?Comment\s*(?:No\.?|Number|#)?\s*\d{0,3})?\s*\]?\s*(?:[:.\-]\s*|$))",
      std::regex::icase);
  std::smatch m;
  if (!std::regex_search(text, m, re)) return std::nullopt;
  std::string rest = OriginalSuffix(raw, static_cast<size_t>(m.length(0)));
  // "Response" must be a label, not the start of a sentence ("Responses were...").
  if (!rest.empty()) {
    size_t colon = text.find_first_of(":.-");
    size_t resp = AsciiLower(text).find("respon");
    if (colon == std::string::npos || colon > resp + 40) return std::nullopt;
  }
  return rest;
}

bool IsStaffClosing(const std::string& raw) {
  std::string t = FoldPunctuation(TruncateUtf8(raw, kHead));
  static const std::regex re(
      R"(^(?:We urge all persons|We remind you|You may contact|Please contact|Sincerely|In closing|\* ?\* ?\*|In connection with responding to our comments|If you have any questions|Please direct|Very truly yours|Please respond to (?:these|this) comments? within|Please furnish a cover letter|Notwithstanding our comments, in the event|We will consider a written request for acceleration|Please allow adequate time|Refer to Rules 460 and 461|Division of Corporation Finance$))",
      std::regex::icase);
  return std::regex_search(t, re);
}

bool IsCompanyClosing(const std::string& raw) {
  std::string t = FoldPunctuation(TruncateUtf8(raw, kHead));
  static const std::regex re(
      R"(^(?:If you have any (?:further |additional )?questions|Should you have any|Please (?:do not hesitate|feel free|direct|contact|call)|Sincerely|Very truly yours|Respectfully(?: submitted)?,?$|Yours (?:truly|sincerely)|Thank you for your|We (?:appreciate|thank) |\* ?\* ?\*|In connection with (?:responding|the Company's response)|If the Staff has any|cc:))",
      std::regex::icase);
  return std::regex_search(t, re);
}

bool IsHeadingLike(const Block& b) {
  const std::string& t = b.text;
  if (t.empty() || t.size() > 220) return false;
  if (b.kind == BlockKind::kListItem) return false;
  if (std::islower(static_cast<unsigned char>(t[0]))) return false;
  if (ParseResponseLabel(t)) return false;
  std::string f = FoldPunctuation(t);
  // A sentence may end inside its closing quote or bracket: ... income." / ... (ASC 220).)
  size_t end = f.find_last_not_of("\"')]");
  char last = end == std::string::npos ? f.back() : f[end];
  bool sentence_end = last == '.' || last == ':' || last == ';' || last == ',';
  static const std::regex abbrev(R"((?:Inc|Corp|Co|Ltd|L\.P|N\.A|S\.A|plc|LLC)\.$)");
  if (last == '.' && std::regex_search(f, abbrev)) sentence_end = false;
  // Table rows of figures ("Special charges — 5 5", "Total $ 675") are not headings.
  if (!PageRef(t) && EndsWithFigures(f)) return false;
  if (b.kind == BlockKind::kHeading || b.bold || b.underline) return !sentence_end || t.size() < 60;
  if (t.size() > 160 || sentence_end) return false;
  // Plain text: a heading has few words and no sentence inside it.
  if (f.find(". ") != std::string::npos && f.find(". ") < f.size() - 2) {
    static const std::regex numbered(
        R"(^(?:Note|Item|Section|Part|Exhibit|Schedule)?\s*[\w.()-]{1,10}\. )", std::regex::icase);
    if (!std::regex_search(f, numbered)) return false;
  }
  return true;
}

std::optional<std::string> PageRef(const std::string& heading) {
  static const std::regex re(
      R"(\b(pages?)\s+((?:[A-Z]-)?\d+(?:\s*(?:-|–|and|through|to)\s*(?:[A-Z]-)?\d+)?))",
      std::regex::icase);
  std::smatch m;
  std::string last;
  std::string s = heading;
  while (std::regex_search(s, m, re)) {
    last = AsciiLower(m[1].str()) + " " + m[2].str();
    s = m.suffix();
  }
  if (last.empty()) return std::nullopt;
  return last;
}

std::vector<int> PriorRefs(const std::string& text) {
  std::vector<int> out;
  static const std::regex re(
      R"(\b(?:prior|previous|our|earlier|original)\s+comments?\s+(?:nos?\.?\s*|numbers?\s*|#\s*)?(\d{1,3})(?:\s*(?:,|and|&)\s*(\d{1,3}))?(?:\s*(?:,|and|&)\s*(\d{1,3}))?)",
      std::regex::icase);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    for (int g = 1; g <= 3; ++g) {
      if (!(*it)[g].matched) continue;
      int n = std::stoi((*it)[g].str());
      bool seen = false;
      for (int x : out) seen = seen || x == n;
      if (!seen && n > 0) out.push_back(n);
    }
  }
  return out;
}

}  // namespace corresp
