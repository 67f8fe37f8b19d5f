#include "indexer/segment/patterns.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// A heading is a line: captions seen in the corpus run to 200 characters ("Our financial
// performance could be negatively affected by ..., page 28").
constexpr size_t kMaxHeadingBytes = 220;
// ... but a risk factor's caption, a whole sentence ending on its page, runs to 350 ("Our
// amended and restated bylaws will designate ... favorable judicial forum, page 64").
constexpr size_t kMaxCaptionWithPageBytes = 400;
// Without emphasis, a heading is shorter.
constexpr size_t kMaxPlainHeadingBytes = 160;
// An emphasized line that ends like a sentence is still a heading when this short ("Note 4.").
constexpr size_t kMaxEmphasizedSentenceHeadingBytes = 60;
// A response label's colon follows "Response" within this many bytes ("Company Response to
// Comment No. 12:").
constexpr size_t kMaxLabelToColon = 40;

// "Special charges - 5 5", "Total $ 675 $ 620", "(9 )", "end of period $ XXX.X": a run of
// figures ends the text.
bool EndsWithFigures(const std::string& f) {
  std::vector<std::string> tokens;
  bool placeholder = false;
  size_t i = f.size();
  while (i > 0) {
    size_t e = i;
    while (e > 0 && f[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && f[b - 1] != ' ') --b;
    if (b == e) break;
    std::string tok = f.substr(b, e - b);
    // Proposed disclosure writes future figures as placeholders ("$ XXX.X", "XX,XXX"): two
    // X's or more stand for digits, and unlike a year or a note's number they are figures.
    size_t xs = static_cast<size_t>(std::count(tok.begin(), tok.end(), 'X'));
    if (xs >= 2) std::replace(tok.begin(), tok.end(), 'X', '0');
    bool is_placeholder = xs >= 2;
    // A comma or full stop typed after a space ("December 31 , 2022") is punctuation, no
    // figure.
    bool numeric = tok.find_first_not_of(",.") != std::string::npos;
    for (char c : tok)
      if (!std::isdigit(static_cast<unsigned char>(c)) && !std::strchr("$,.()%-", c))
        numeric = false;
    if (!numeric) break;
    placeholder = placeholder || is_placeholder;
    tokens.push_back(tok);
    i = b;
  }
  if (tokens.size() >= 3 || placeholder) return true;
  // One amount of money or share ends a table row ("... (constant currency basis) $280",
  // "... revenue 20%"): a heading ends on words, a page or a year, not on "$280".
  if (tokens.size() == 1)
    return tokens[0].find_first_of("0123456789") != std::string::npos &&
           (tokens[0].front() == '$' || tokens[0].back() == '%');
  if (tokens.size() < 2) return false;
  // Two amounts, one of them money, a share, a nil or a negative; or both grouped in
  // thousands ("Commercial real estate 301,552 162,944"), which no year or page is.
  size_t grouped = 0;
  for (const auto& t : tokens) {
    if (t == "$" || t == "-" || t.find('(') != std::string::npos || t.front() == '$' ||
        t.back() == '%')
      return true;
    if (t.size() >= 5 && t.find(',') != std::string::npos) ++grouped;
  }
  return grouped == tokens.size();
}

// Necessary for ParseItemStart's patterns: a digit, or the first letter of "SEC", "the",
// "Staff" or "Comment" (0xC5 leads U+017F, which (?i) folds to 's').
bool MayStartItem(const std::string& raw) {
  if (raw.empty()) return false;
  unsigned char c = static_cast<unsigned char>(raw[0]);
  return std::isdigit(c) ||
         std::string_view("sStTcC\xC5").find(static_cast<char>(c)) != std::string_view::npos;
}

// Necessary for a response label: "Response" or "Reply" opens one of the first three words
// ("[the Company's Response"). A word with a non-ASCII byte up front (a curly apostrophe, a
// letter (?i) may fold into ASCII) is left to the pattern.
bool MayBeResponseLabel(std::string_view t) {
  size_t i = 0;
  for (int word = 0; word < 3 && i < t.size(); ++word) {
    std::string_view head = t.substr(i, 8);
    if (IStartsWith(head, "response") || IStartsWith(head, "reply") || IStartsWith(head, "answer"))
      return true;
    for (char c : head)
      if (static_cast<unsigned char>(c) >= 0x80) return true;
    while (i < t.size() && !IsReSpace(t[i])) ++i;
    while (i < t.size() && IsReSpace(t[i])) ++i;
  }
  return false;
}

}  // namespace

std::string StripCommentLabel(const std::string& orig) {
  static const RE2 re(
      R"((?i)^((?:SEC |the )?(?:Staff.s |Staff )?(?:Oral |Telephonic |Verbal )?Comment(?: No\.?)?\s*[:.\-]\s*))");
  std::string f = FoldPunctuation(orig);
  re2::StringPiece label;
  if (!RE2::PartialMatch(f, re, &label)) return orig;
  return OriginalSuffix(orig, label.size());
}

std::optional<ItemStart> ParseItemStart(const std::string& raw) {
  if (!MayStartItem(raw)) return std::nullopt;
  std::string text = FoldPunctuation(raw);
  // "1. We", "1.We", "2) Please", "3." alone, "Comment 1 (Prior Comment 3):"; the number is
  // followed by space, a capital, a
  // quote or bracket, or the end (RE2 has no lookahead: the next character is matched and
  // given back below).
  static const RE2 number(R"(^((\d{1,3})\s*[.)])(\s+|[A-Z"'(]|$))");
  static const RE2 comment_no(
      R"((?i)^((?:SEC |the )?(?:Staff.s |Staff )?(?:Oral |Telephonic |Verbal )?Comment\s*(?:No\.?|Number|#)?\s*(\d{1,3})\s*(?:\((?:prior|previous|original|former)\s+comments?\s*(?:No\.?|#)?\s*\d{1,3}(?:\s*(?:and|,|&)\s*\d{1,3})*\)\s*)?(?:[:.\-]\s*|\s+|$)))");
  static const RE2 comment_bare(R"((?i)^((?:Staff.s |Staff )?Comment\s*:\s*))");
  re2::StringPiece label, digits, after;
  size_t consumed = 0;
  bool labelled = false;
  char marker = 0;
  if (RE2::PartialMatch(text, number, &label, &digits, &after)) {
    consumed =
        label.size() +
        (after.size() > 0 && std::isspace(static_cast<unsigned char>(after[0])) ? after.size() : 0);
    marker = label[label.size() - 1];
  } else if (RE2::PartialMatch(text, comment_no, &label, &digits)) {
    consumed = label.size();
    labelled = true;
  } else if (RE2::PartialMatch(text, comment_bare, &label)) {
    return ItemStart{std::nullopt, OriginalSuffix(raw, label.size()), true};
  } else {
    return std::nullopt;
  }
  int n = std::stoi(std::string(digits));
  if (n == 0) return std::nullopt;
  return ItemStart{n, StripCommentLabel(OriginalSuffix(raw, consumed)), labelled, marker};
}

std::optional<std::string> ParseResponseLabel(const std::string& raw) {
  if (!MayBeResponseLabel(raw)) return std::nullopt;
  std::string text = FoldPunctuation(raw);
  static const RE2 re(
      R"((?i)^((?:\[?(?:the )?(?:Company|Management|Our|Registrant|[A-Z][A-Za-z&.]+)(?:'s|s')?\s+)?(?:Response|Reply|Answer)(?:\s+of\s+(?:the\s+)?(?:Company|Registrant|Management))?(?:\s+to\s+(?:the\s+)?(?:Staff'?s?\s+)?(?:Comment\s*(?:No\.?|Number|#)?\s*\d{0,3}(?:\([a-z]\)|\.[a-z]\b)?|Comments\s*(?:Nos?\.?)?\s*\d{1,3})(?:\s*(?:,|and|&)\s*(?:No\.?\s*)?\d{1,3}(?:\([a-z]\))?)*|\s*(?:No\.?|Number|#)\s*\d{1,3}(?:\([a-z]\)|\.[a-z]\b)?|\s+\d{1,3}(?:\([a-z]\)|\.[a-z]\b)?)?\s*\]?\s*(?:[:.\-]\s*|$)))");
  re2::StringPiece label;
  if (!RE2::PartialMatch(text, re, &label)) return std::nullopt;
  std::string rest = OriginalSuffix(raw, label.size());
  // "Response" must be a label, not the start of a sentence ("Responses were...").
  if (!rest.empty()) {
    size_t colon = text.find_first_of(":.-");
    static const RE2 word(R"((?i)\b(respon|reply|answer))");
    re2::StringPiece found;
    if (!RE2::PartialMatch(text, word, &found)) return std::nullopt;
    size_t resp = static_cast<size_t>(found.data() - text.data());
    if (colon == std::string::npos || colon > resp + kMaxLabelToColon) return std::nullopt;
  }
  return rest;
}

std::vector<int> ResponseLabelNumbers(const std::string& raw) {
  std::optional<std::string> rest = ParseResponseLabel(raw);
  if (!rest) return {};
  std::string label = raw.substr(0, raw.size() - std::min(raw.size(), rest->size()));
  static const RE2 number(R"((\d{1,3}))");
  re2::StringPiece input(label);
  std::vector<int> out;
  int n = 0;
  while (RE2::FindAndConsume(&input, number, &n))
    if (n > 0) out.push_back(n);
  return out;
}

std::optional<int> ResponseLabelNumber(const std::string& raw) {
  std::vector<int> numbers = ResponseLabelNumbers(raw);
  if (numbers.empty()) return std::nullopt;
  return numbers.front();
}

bool IsStaffClosing(const std::string& raw) {
  static const RE2 re(
      R"((?i)^(?:We urge all persons|We remind you|You may contact|Please contact|Sincerely|In closing|\* ?\* ?\*|In connection with responding to our comments|If you have any questions|Please direct|Very truly yours|Please (?:amend your [^.]{0,60}?and )?respond to (?:these|this) comments? within|As appropriate, please (?:amend your (?:filing|registration statement|document|amendment)s?|respond to (?:these|this|our) comments?)|Please (?:file|furnish) your (?:response|cover letter|amendment)|Closing Comments?\s*$|Please furnish a cover letter|Notwithstanding our comments, in the event|We will consider (?:a written request for acceleration|qualifying your offering statement)|Please allow adequate time|Refer to Rules 460 and 461|Division of Corporation Finance$))");
  return RE2::PartialMatch(FoldPunctuation(raw), re);
}

bool IsCompanyClosing(const std::string& raw) {
  static const RE2 re(
      R"((?i)^(?:If you have any (?:further |additional )?questions|Should you have any|Please (?:do not hesitate|feel free|direct|contact|call)|Sincerely|Very truly yours|Respectfully(?: submitted)?,?$|Yours (?:truly|sincerely|faithfully|very truly)|Faithfully yours|(?:Best |Kind )?Regards,?$|Cordially,?$|Thank you for your|We (?:appreciate|thank) |\* ?\* ?\*|In connection with (?:the (?:above|foregoing) |these |its |our )?(?:responding|responses?\b|the Company's response)|If the Staff has any|cc:|We hope (?:that )?(?:the foregoing|this letter|these responses|our responses|this response)|(?:The Company|The Registrant|The undersigned|We)(?:,? on behalf of [^,]{1,60},)? (?:hereby )?acknowledges? that(?:\s*:|\s+(?:it|the Company|we|the Registrant|its management)\s+(?:is|are)\s+responsible)|(?:The Company|We) believes? (?:that )?(?:the foregoing|this letter|the information (?:contained|provided) in this letter)))");
  return RE2::PartialMatch(FoldPunctuation(raw), re);
}

namespace {

// What only the company says, on folded text (SpeaksAsCompany, SpeaksAsStaff).
const RE2& CompanyVoiceRe() {
  static const RE2 re(
      R"((?i)\b(?:the company|the registrant|the staff|staff's|we respectfully|respectfully|we will|we would|we believe|we confirm|we acknowledge|we advise|we have (?:revised|considered|reviewed|included|updated|added|expanded)|in response|please see|please refer to (?:our|the (?:company|enclosed|attached|revised))|see (?:our|annex|exhibit|appendix))\b)");
  return re;
}

}  // namespace

bool SpeaksAsCompany(const std::string& raw) {
  return RE2::PartialMatch(FoldPunctuation(raw), CompanyVoiceRe());
}

bool SpeaksAsStaff(const std::string& raw) {
  std::string text = FoldPunctuation(raw);
  if (RE2::PartialMatch(text, CompanyVoiceRe())) return false;
  static const RE2 staff(
      R"((?i)(?:\bplease\b|\btell us\b|\bshow us\b|\byour\b|\byou\b|^(?:[^\w]*)(?:revise|provide|explain|disclose|describe|clarify|quantify|expand|discuss|identify|address|confirm|refer to)\b))");
  return RE2::PartialMatch(text, staff);
}

namespace {

std::string DropAbbreviationDots(const std::string& folded) {
  // "No. 1", "U.S. Federal", "Inc.", "J. Smith": a dot that ends an abbreviation or an
  // initial ends no sentence.
  static const RE2 abbreviation(
      R"(\b(No|Nos|Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|U\.S|U\.K|L\.P|N\.A|S\.A|[A-Z])\.)");
  // "Notes to Financial Statements - Note 6. Fair Value": a section's number ends no sentence.
  // So does the last of several ("Items 1 and 2. Business and Properties").
  static const RE2 section_number(
      R"((\b(?:Note|Item|Section|Part|Schedule|Exhibit|Article)s?\s+[\w.-]{1,6}?(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+through\s+)[\w-]{1,6}?)*)\.(\s))");
  std::string out = folded;
  RE2::GlobalReplace(&out, abbreviation, R"(\1)");
  RE2::GlobalReplace(&out, section_number, R"(\1\2)");
  return out;
}

}  // namespace

bool IsHeadingLike(const Block& b) {
  const std::string& t = b.text;
  // A risk factor's caption is a sentence printed with its page ("Our certificate of
  // incorporation will provide that ... our stockholders, page 58"): it may run longer than
  // a heading, and without emphasis to a heading's full length.
  static const RE2 ends_on_its_page(R"((?i),\s*pages?\s+(?:[A-Z]-)?\d+\s*$)");
  const bool on_its_page = RE2::PartialMatch(t, ends_on_its_page);
  if (t.empty() || t.size() > (on_its_page ? kMaxCaptionWithPageBytes : kMaxHeadingBytes))
    return false;
  if (b.kind == BlockKind::kListItem || StartsWithBullet(t)) return false;
  // Lower case opens no heading, except a caption lettered as a sub-section ("c) Loss
  // Development Tables, page F-46") when it is emphasized or ends on its page.
  if (std::islower(static_cast<unsigned char>(t[0])) &&
      !((b.bold || b.underline || on_its_page) && StartsLetteredCaption(t)))
    return false;
  if (ParseResponseLabel(t)) return false;
  std::string f = FoldPunctuation(t);
  // "Comment", "Staff Comment:", "Comment No. 1", "Comments and Responses", a two-column
  // table's header row "SEC Staff Comment | Company Response": the letter's own labels of its
  // restated comments, not sections of the filing reviewed.
  static const RE2 comment_label(
      R"((?i)^(?:SEC |the )?(?:Staff.s |Staff )?(?:Oral |Telephonic |Verbal )?Comments?(?:\s*(?:No\.?|Number|#)?\s*\d{1,3}|\s+and\s+Responses?|\s*[/|]?\s*(?:(?:the )?(?:Company|Registrant|Issuer|Our)(?:.s)? )?Responses?)?\s*[:.]?$)");
  if (RE2::FullMatch(f, comment_label)) return false;
  // A sentence may end inside its closing quote or bracket: ... income." / ... (ASC 220).),
  // or before a redaction: ... Regulation S-K. [***]
  size_t end = f.find_last_not_of("\"')]");
  char last = end == std::string::npos ? f.back() : f[end];
  bool sentence_end = last == '.' || last == ':' || last == ';' || last == ',' ||
                      (f.back() == ']' && EndsSentence(f));
  static const RE2 abbrev(R"((?:Inc|Corp|Co|Ltd|L\.P|N\.A|S\.A|plc|LLC)\.$)");
  if (last == '.' && RE2::PartialMatch(f, abbrev)) sentence_end = false;
  // A letterhead's address line ("... | Ankeny, Iowa | 50021-9672 | caseys.com | 515-965-6100")
  // names no part of a filing: a telephone number, a web or e-mail address is no caption's.
  if (NamesContactDetails(t)) return false;
  // Table rows of figures ("Special charges — 5 5", "Total $ 675") are not headings.
  if (!PageRef(t) && EndsWithFigures(f)) return false;
  // A short emphasized sentence ("Note 4.") may be a heading; a request is a restated comment
  // ("Please disclose backlog at each balance sheet date.").
  if (b.kind == BlockKind::kHeading || b.bold || b.underline)
    return !sentence_end || (t.size() < kMaxEmphasizedSentenceHeadingBytes && !SpeaksAsStaff(t));
  size_t limit = on_its_page ? kMaxCaptionWithPageBytes : kMaxPlainHeadingBytes;
  if (t.size() > limit || sentence_end) return false;
  // Plain text: a heading has few words and no sentence inside it.
  std::string plain = DropAbbreviationDots(f);
  size_t stop = plain.find(". ");
  if (stop != std::string::npos && stop < plain.size() - 2) {
    static const RE2 numbered(
        R"((?i)^(?:Note|Item|Section|Part|Exhibit|Schedule)?\s*[\w.()-]{1,10}\. )");
    if (!RE2::PartialMatch(plain, numbered)) return false;
  }
  return true;
}

// "Form 10-K for the Fiscal Year Ended ...", "NRG Energy, Inc. Form 10-K ...", "Amendment
// No. 2 to Registration Statement ...", "Draft Registration Statement on Form S-1 ...", a
// fund's "Prospectus", "Statement of Additional Information" and "Part C": the filing (or the
// document of it) a letter's comments are about, the top of their heading paths.
bool IsDocumentHeading(const std::string& h) {
  static const RE2 doc(
      R"((?i)^(?:(?:[A-Z][^:]{0,60}?\s)?Forms?\s+[0-9A-Z]|Amendment No|Registration Statement|Draft Registration|Draft Offering|Schedule\s+(?:14|13|TO)|Annual Report|Quarterly Report|Preliminary|Definitive|Offering Statement|Offer to Purchase\b|Prospectus(?:\s*$|\s+-\s|\s*,\s*pages?\s)|Statement of Additional Information|Part C\b))");
  // "Form of Proxy Card", "Form of Warrant": a form a filing contains, not a filing's form.
  static const RE2 form_of(R"((?i)^(?:[A-Z][^:]{0,60}?\s)?Forms?\s+of\b)");
  return RE2::PartialMatch(h, doc) && !RE2::PartialMatch(h, form_of);
}

std::optional<std::string> PageRef(const std::string& heading) {
  static const RE2 re(
      R"((?i)\b(pages?)\s+((?:[A-Z]-)?\d+(?:\s*(?:-|–|and|through|to)\s*(?:[A-Z]-)?\d+)?))");
  re2::StringPiece input(heading);
  std::string word, pages, last;
  while (RE2::FindAndConsume(&input, re, &word, &pages)) last = AsciiLower(word) + " " + pages;
  if (last.empty()) return std::nullopt;
  return last;
}

}  // namespace corresp
