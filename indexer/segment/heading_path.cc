#include "indexer/segment/heading_path.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "indexer/extract/text_util.h"
#include "indexer/segment/patterns.h"

namespace corresp {

// A part of the filing a caption names, as the filing's own table of contents lists it: the
// sections of an annual or quarterly report ("Item 7. Management's Discussion and Analysis",
// "Risk Factors", "Financial Statements"), of a prospectus ("Prospectus Summary", "Use of
// Proceeds, page 68", "Management") and of a proxy statement ("Compensation Discussion and
// Analysis", "Pay Versus Performance", "Proposal No. 2"), of a merger's proxy statement or
// prospectus ("Questions and Answers", "Background of the Merger", "Unaudited Pro Forma ...")
// of a Regulation A offering circular (Form 1-A's "Compensation of Directors and Executive
// Officers", "Securities Being Offered") and of a fund's prospectus ("Fees and Expenses",
// "Principal Risks"), alone or with a page reference. A short common word ("Business",
// "Management", "Dilution") is a part only as the whole caption.
bool IsFilingPart(const std::string& heading) {
  static const RE2 part(
      R"((?i)^(?:Items?\s+\d+[A-C]?(?:\s*(?:,|and|&)\s*\d+[A-C]?)*\.?\s*[-–—:]?\s*)?(?:(?:Management.s Discussion and Analysis|(?:Consolidated |Combined )?Financial Statements|Notes to (?:the )?(?:(?:Interim|Unaudited|Condensed|Consolidated|Combined)\s+)*Financial Statements|Risk Factors|Legal Proceedings|Executive Compensation|Compensation of Directors and (?:Executive )?Officers|Directors, Executive Officers and Significant Employees|Security Ownership of Management and Certain Securityholders|Interest of Management and Others in Certain Transactions|Securities Being Offered|Compensation Discussion and Analysis|Quantitative and Qualitative Disclosures?|Controls and Procedures|Selected (?:Consolidated )?Financial Data|Prospectus Summary|Use of Proceeds|Dividend Policy|Certain Relationships and Related|(?:Certain )?Related Party Transactions|Principal (?:and Selling )?(?:Stockholders|Shareholders)|Security Ownership of Certain Beneficial Owners|Description of (?:Our )?(?:Capital Stock|Share Capital|Securities|the Notes)|Shares Eligible for Future Sale|Material (?:U\.S\. )?(?:Federal )?(?:Income )?Tax|Plan of Distribution|Selling (?:Stockholders|Shareholders)|Pay Versus Performance|Summary Compensation Table|Grants of Plan.Based Awards|Outstanding Equity Awards|Option Exercises and Stock Vested|Pension Benefits|Nonqualified Deferred Compensation|Potential Payments Upon Termination|Director Compensation|Pay Ratio\b|CEO Pay Ratio|Equity Compensation Plan Information|(?:Certain )?Related Person Transactions|Audit Committee Report|Compensation Committee Report|Delinquent Section 16|Corporate Governance|Election of Directors|Proposal (?:No\.\s*)?\d+\b|(?:Certain |Material )+(?:U\.S\. )?(?:Federal )?(?:Income )?Tax|Enforceability of Civil Liabilities|Questions and Answers|Background of the (?:Business Combination|Merger|Offer|Transaction)|The Business Combination|The Merger\b|Unaudited Pro Forma|Comparative Per Share|Comparison of (?:Stockholder|Shareholder)s?.? Rights|Fees and Expenses|Investment Objectives?\b|Principal Investment Strategies|Principal (?:Investment )?Risks|Financial Highlights|Purchase and Sale of (?:Fund )?Shares|Portfolio Turnover)|(?:(?:Prospectus |Offering Circular )?(?:Summary|Cover Page)|General|The Offering|Business|Our Business|Properties|Business and Properties|Management|Dilution|Capitalization|Underwriting|Legal Matters|Experts|Industry|Taxation|Regulations?|Exhibits(?: and Financial Statement Schedules)?)(?:\s*[,–—-]\s*pages?\s+\S+)?\s*$))");
  return RE2::PartialMatch(FoldPunctuation(heading), part);
}

namespace {

// An exhibit or annex that holds a document reviewed ("Exhibit 99.1 - Information Statement",
// "Annex A"); one with a page ("Exhibit 96.2, page E-49") is a section reviewed.
bool HoldsDocument(const std::string& heading) {
  static const RE2 container(R"((?i)^(?:Exhibit|Annex|Appendix)\s+[\dA-Z])");
  return RE2::PartialMatch(heading, container) && !PageRef(heading);
}

// How a caption marks its place among siblings: 'A' for a capital letter and a full stop ("K.
// Income Taxes"), '(' for a number in parentheses ("(15) Segment Information"); nullopt for
// neither.
std::optional<char> SiblingMark(const std::string& caption) {
  static const RE2 lettered(R"(^[A-Z]\.\s+[A-Z])");
  static const RE2 parenthesized(R"(^\(\d{1,3}\)\s+[A-Z])");
  if (RE2::PartialMatch(caption, lettered)) return 'A';
  if (RE2::PartialMatch(caption, parenthesized)) return '(';
  return std::nullopt;
}

// True if `caption` names Management's Discussion and Analysis (with any item number or page).
bool NamesMdna(const std::string& caption) {
  static const RE2 mdna(R"((?i)Management.s Discussion and Analysis)");
  return RE2::PartialMatch(FoldPunctuation(caption), mdna);
}

// True if `caption` names a standard section of the filing part `part`: the sections of MD&A
// ("Results of Operations", "Critical Accounting Estimates", "Liquidity and Capital
// Resources", ...) and the notes of the financial statements ("Note 7 - Leases").
bool IsSectionOf(const std::string& caption, const std::string& part) {
  static const RE2 mdna_section(
      R"((?i)^(?:Overview|Executive Summary|(?:Consolidated |Segment )?Results of Operations|Liquidity\b|Capital Resources|Critical Accounting (?:Policies|Estimates)|Off-Balance Sheet|Contractual Obligations|Non-GAAP|Key (?:Performance|Operating|Business) (?:Metrics|Indicators|Measures)|Comparison of|Segment (?:Results|Information|Performance)))");
  static const RE2 statements(R"((?i)Financial Statements)");
  static const RE2 note(R"((?i)^Note\s+\d)");
  const std::string folded = FoldPunctuation(caption);
  return (NamesMdna(part) && RE2::PartialMatch(folded, mdna_section)) ||
         (RE2::PartialMatch(part, statements) && RE2::PartialMatch(folded, note));
}

// A financial statement schedule or the supplementary information printed with the financial
// statements: "Schedule II - Valuation and Qualifying Accounts", "Supplemental Oil and Gas
// Information (Unaudited), page F-38", "Supplementary Insurance Information".
bool IsSupplementToStatements(const std::string& caption) {
  static const RE2 supplement(
      R"((?i)^(?:Schedule [IVX]+\b|Supplement(?:al|ary) (?:Oil and (?:Natural )?Gas |Financial |Insurance )?(?:Information|Data)\b))");
  return RE2::PartialMatch(caption, supplement);
}

// The first page of a caption's plain page reference ("page 16" -> 16, "pages 12-13" -> 12);
// nullopt for none or a lettered page ("page F-6", another series of pages).
std::optional<int> PlainPage(const std::string& caption) {
  std::optional<std::string> ref = PageRef(caption);
  if (!ref) return std::nullopt;
  size_t digits = ref->find(' ') + 1;
  if (digits >= ref->size() || !std::isdigit(static_cast<unsigned char>((*ref)[digits])))
    return std::nullopt;
  return std::atoi(ref->c_str() + digits);
}

// The financial statements' own caption, not their notes' ("Item 18. Financial Statements",
// "Consolidated Financial Statements", "Financial Statements and Supplementary Data"), printed
// without a page: a part that holds sections.
bool IsStatementsPart(const std::string& caption) {
  static const RE2 statements(
      R"((?i)^(?:Item\s+\S+\s*)?(?:Consolidated |Combined )?Financial Statements)");
  return IsFilingPart(caption) && !PageRef(caption) && RE2::PartialMatch(caption, statements);
}

// "Notes to the Consolidated Financial Statements": a section of the statements.
bool IsNotesCaption(const std::string& caption) {
  static const RE2 notes(R"((?i)^Notes to\b)");
  return RE2::PartialMatch(caption, notes);
}

// The word a numbered section's caption opens with, in lower case ("Item 5. Operating ..." ->
// "item", "NOTE 3 - Leases" -> "note"): captions opening with the same word are siblings.
std::optional<std::string> SectionWord(const std::string& caption) {
  static const RE2 section(
      R"(^((?i:Note|Item|Section|Exhibit|Schedule|Part|Form))(?i:s)?\s+[\dA-Z])");
  std::string word;
  if (!RE2::PartialMatch(caption, section, &word)) return std::nullopt;
  return AsciiLower(word);
}

// The number of a numbered section: "Item 5.B Liquidity" -> {5, sub}, "Item 7A." -> {7, not
// sub} (Form 10-K's Item 7A is an item of its own), "Note 3 - Leases" -> {3, not sub}.
struct SectionNumber {
  std::optional<int> major;
  bool sub = false;  // a part of the section: a dot and a letter or digit ("5.B", "3.D.", "4.1")
};
SectionNumber NumberOf(const std::string& caption) {
  static const RE2 number(R"(^\S+\s+(\d{1,3})[A-Z]?(\.[A-Z0-9])?)");
  std::string major, sub;
  if (!RE2::PartialMatch(caption, number, &major, &sub)) return {};
  return {std::atoi(major.c_str()), !sub.empty()};
}

// One of the financial statements ("Consolidated Statements of Cash Flows, page 62",
// "Condensed Consolidated Balance Sheets"): a place in the financial statements, never a
// section of MD&A.
bool IsFinancialStatement(const std::string& caption) {
  static const RE2 statement(
      R"((?i)^(?:(?:Consolidated|Combined|Condensed|Audited|Unaudited)\s+)*(?:Statements?\s+of\s+(?:Cash\s+Flows|Operations|(?:Comprehensive\s+)?(?:Income|Earnings|Loss)|Financial\s+(?:Position|Condition)|Changes\s+in|(?:Stockholders|Shareholders|Members|Partners).?\s|Equity)|Balance\s+Sheets?\b))");
  return RE2::PartialMatch(FoldPunctuation(caption), statement);
}

// A caption that says where it is without the path above it: a part of the filing, a filing,
// an exhibit or annex, "General", a numbered section ("Note 5", "Item 5.", "Schedule II") or
// one of the financial statements.
bool NamesPlaceOfItsOwn(const std::string& caption) {
  static const RE2 annex(R"((?i)^(?:Annex|Appendix)\s+[\dA-Z])");
  static const RE2 general(R"((?i)^general\s*[:.]?$)");
  return IsFilingPart(caption) || IsSupplementToStatements(caption) || IsDocumentHeading(caption) ||
         HoldsDocument(caption) || SectionWord(caption) || IsFinancialStatement(caption) ||
         RE2::PartialMatch(caption, annex) || RE2::PartialMatch(caption, general);
}

// Whether a run of captions opening with `caption` goes on inside MD&A (`part`): its sections
// are the company's own ("Asset Quality", "Net Interest Income", "Fiscal 2023 Compared with
// Fiscal 2022"), while the parts that follow it in a filing are the standard ones IsFilingPart
// knows, so a caption naming no place of its own is one more section of MD&A. The parts of a
// prospectus or proxy statement are too varied ("The Spin-Off", "Proxy Statement/Prospectus")
// to tell a section from a new part there.
bool GoesOnInside(const std::string& caption, const std::string& part) {
  return NamesMdna(part) && !PageRef(part) && !NamesPlaceOfItsOwn(caption);
}

// Whether `caption`, printed with a page, is a section of the "Discussion and Analysis" part
// printed with its page right above it ("Compensation Discussion and Analysis, page 14" /
// "Benchmarking, page 16"; "Management's Discussion and Analysis ..., page 30" / "Results of
// Operations, page 32"): those parts' sections are the company's own, so any caption naming
// no place of its own, on a page of the same series at or after the part's, is one.
bool OnPagesOfDiscussion(const std::string& caption, const std::string& part) {
  // The part's caption alone, not run together with a section's ("... Results of Operations
  // Overview, page 34", a company's copy of two caption lines: a comment's own caption).
  static const RE2 discussion(
      R"((?i)^(?:Item\s+\d+[A-Z]?\.?\s*[-–—:]?\s*)?(?:Management.s|Compensation) Discussion and Analysis(?: of Financial Condition and Results of Operations?)?(?:\s*\([^)]{0,12}\))?\s*[,–—-]?\s*pages?\s+\d+\s*$)");
  if (!RE2::PartialMatch(part, discussion) || NamesPlaceOfItsOwn(caption)) return false;
  std::optional<int> part_page = PlainPage(part), page = PlainPage(caption);
  return part_page && page && *page >= *part_page;
}

// The index of the innermost caption of `path` that `test` accepts; nullopt when none does.
template <typename Test>
std::optional<size_t> Innermost(const std::vector<std::string>& path, Test test) {
  for (size_t k = path.size(); k > 0; --k)
    if (test(path[k - 1])) return k - 1;
  return std::nullopt;
}

// `caption` in place of path[at] and everything below it.
void ReplaceFrom(std::vector<std::string>& path, size_t at, const std::string& caption) {
  path.resize(at);
  path.push_back(caption);
}

// "Management's Discussion and Analysis (continued)" -> "Management's Discussion and
// Analysis": a caption without the mark of its repetition after a page break ("Discontinued
// Operations" keeps its word).
std::string WithoutContinued(const std::string& caption) {
  static const RE2 continued(
      R"((?i)(?:\s*[(\[]\s*(?:continued|cont.d|cont\.)\s*[)\]]|\s*[-–—,:]\s*(?:continued|cont.d)|\s+(?:continued|cont.d))\s*$)");
  std::string out = caption;
  RE2::Replace(&out, continued, "");
  return out.empty() ? caption : out;
}

}  // namespace

void UpdateHeadingPath(std::vector<std::string>& path,
                       const std::vector<std::string>& printed_stack, const CaptionStyles* styles) {
  if (printed_stack.empty()) return;
  // A caption printed again after a page break with "(continued)" is the caption it continues;
  // alone, it restates where the path already is.
  std::vector<std::string> stack = printed_stack;
  for (std::string& caption : stack) caption = WithoutContinued(caption);
  if (stack.size() == 1 && stack.front() != printed_stack.front() &&
      std::find(path.begin(), path.end(), stack.front()) != path.end())
    return;
  if (stack.size() >= 2 || path.empty()) {
    // A new section path under the same filing keeps the filing's heading on top, also when
    // the run restates captions of the path (a reply that prints the staff's captions above
    // each comment, the filing's once at the top).
    // ... and so does the exhibit holding the document reviewed, right under it ("Exhibit
    // 99.1 - Information Statement").
    // (also when that exhibit is the letter's outermost caption, no filing's above it).
    bool keep_document =
        !path.empty() && IsDocumentHeading(path.front()) && !IsDocumentHeading(stack.front());
    std::vector<std::string> documents;
    if (keep_document) documents.push_back(path.front());
    if (!keep_document && !path.empty() && HoldsDocument(path.front()) &&
        !HoldsDocument(stack.front()) && !IsDocumentHeading(stack.front()))
      documents.push_back(path.front());
    if (keep_document && path.size() > 1 && HoldsDocument(path[1]) && !HoldsDocument(stack.front()))
      documents.push_back(path[1]);
    // ... and so does the part of the filing the run's first caption belongs to, printed once
    // further up ("Management's Discussion and Analysis" / ... / "Critical Accounting
    // Estimates" / "Stock-Based Compensation, page 97"): a standard section of that part, in
    // MD&A any caption that names no place of its own (GoesOnInside), and under the financial
    // statements' own caption their notes or supplementary information ("Supplemental Oil and
    // Gas Information (Unaudited)" / "Standardized Measure ..., page F-38").
    for (size_t k = path.size(); k > documents.size(); --k)
      if (IsFilingPart(path[k - 1])) {
        // The supplementary information sits beside the notes, under the statements' caption.
        if (IsSupplementToStatements(stack.front()) && IsNotesCaption(path[k - 1])) continue;
        if ((!IsFilingPart(stack.front()) && (IsSectionOf(stack.front(), path[k - 1]) ||
                                              GoesOnInside(stack.front(), path[k - 1]))) ||
            ((IsNotesCaption(stack.front()) || IsSupplementToStatements(stack.front())) &&
             IsStatementsPart(path[k - 1])))
          documents.assign(path.begin(), path.begin() + static_cast<long>(k));
        break;
      }
    // ... and so do the places the path holds above the numbered section the run's first
    // caption is a sibling of ("Part I" above "Item 3." when the run opens with "Item 5."),
    // unless the run restates a caption of the path.
    bool restates = std::find(path.begin(), path.end(), stack.front()) != path.end();
    if (std::optional<std::string> word = SectionWord(stack.front()); word && !restates)
      for (size_t k = path.size(); k > documents.size(); --k)
        if (SectionWord(path[k - 1]) == word) {
          bool places = std::all_of(path.begin() + static_cast<long>(documents.size()),
                                    path.begin() + static_cast<long>(k - 1), NamesPlaceOfItsOwn);
          if (k - 1 > documents.size() && places)
            documents.assign(path.begin(), path.begin() + static_cast<long>(k - 1));
          break;
        }
    path = stack;
    path.insert(path.begin(), documents.begin(), documents.end());
    return;
  }
  const std::string& h = stack.front();
  // "Note 23. ..." after "Note 4. ...", "Items 1 and 2. ..." after "Item 7. ...", "FORM 8-K
  // FILED ..." after "Form 10-K for ...": a sibling section replaces its predecessor.
  // A sub-item ("Item 3.D. Risk Factors") goes under its item ("Item 3. Key Information"); an
  // item ("Item 15. ...") replaces the item a sub-item of the path belongs to ("Item 5. ..." /
  // "Item 5.B ...").
  if (std::optional<std::string> word = SectionWord(h)) {
    const SectionNumber number = NumberOf(h);
    for (size_t k = path.size(); k > 0; --k) {
      if (SectionWord(path[k - 1]) != word) continue;
      const SectionNumber above = NumberOf(path[k - 1]);
      if (number.sub && !above.sub && number.major && number.major == above.major) {
        path.resize(k);
        path.push_back(h);
        return;
      }
      if (!number.sub && above.sub) continue;
      path.resize(k - 1);
      path.push_back(h);
      return;
    }
  }
  // A lettered section ("K. Income Taxes, page F-38") or one numbered in parentheses ("(15)
  // Segment Information") replaces its sibling marked alike ("C. Collaborative Arrangements",
  // "(8) Reinsurance, page F-34") and what the path holds below it, as a numbered note does.
  if (std::optional<char> mark = SiblingMark(h))
    if (auto sibling =
            Innermost(path, [&](const std::string& c) { return SiblingMark(c) == mark; })) {
      ReplaceFrom(path, *sibling, h);
      return;
    }
  // A note of the financial statements ("Note 4 - Loans, page 118") or one of the statements
  // after MD&A's captions is MD&A's sibling, never one of its sections.
  if (SectionWord(h) == "note" || IsFinancialStatement(h))
    if (auto mdna =
            Innermost(path, [](const std::string& c) { return IsFilingPart(c) && NamesMdna(c); })) {
      ReplaceFrom(path, *mdna, h);
      return;
    }
  // A standard section of a part in the path ("Liquidity and Capital Resources, page 40" in
  // MD&A, "Note 9 - Debt" in the financial statements) sits right under that part, whatever
  // sub-sections the path went through ("Asset Quality" / "Allowance for Credit Losses"). A
  // part printed with a page is a caption of its own comment ("Management's Discussion and
  // Analysis ... Overview, page 34"), not a section holding others. The sections MD&A's
  // results are told by ("Segment Results - Flow Control, page 38", "Comparison of 2018 to
  // 2017") are often inside "Results of Operations": they move as any caption does.
  static const RE2 inside_results(
      R"((?i)^(?:Comparison of|Segment (?:Results|Information|Performance)))");
  if (auto part = Innermost(path, IsFilingPart))
    if (!PageRef(path[*part]) && IsSectionOf(h, path[*part]) &&
        !RE2::PartialMatch(h, inside_results)) {
      ReplaceFrom(path, *part + 1, h);
      return;
    }
  // The notes ("Notes to the Consolidated Financial Statements"), a schedule ("Schedule II -
  // Valuation and Qualifying Accounts") and the supplementary information ("Supplemental Oil
  // and Gas Information (Unaudited), page F-38") sit under the financial statements' own
  // caption ("Item 18. Financial Statements") when the path has it (not under their notes)...
  if (IsNotesCaption(h) || IsSupplementToStatements(h))
    if (auto statements = Innermost(path, IsStatementsPart)) {
      ReplaceFrom(path, *statements + 1, h);
      return;
    }
  // A part of the filing ("Risk Factors, page 12", "Notes to Consolidated Financial Statements
  // - Note 6 ...", a prospectus's "Use of Proceeds, page 68") after another ("Management's
  // Discussion and Analysis") is its sibling (... and so is a supplement to the financial
  // statements printed without them): the path goes back to where the other part began. With
  // no other part in the path, it sits right under the filing's heading...
  if (IsFilingPart(h) || IsSupplementToStatements(h)) {
    if (auto part = Innermost(path, IsFilingPart)) {
      ReplaceFrom(path, *part, h);
      return;
    }
    // ... or under the exhibit or annex that holds the document.
    size_t keep = path.size();
    while (keep > 0 && !IsDocumentHeading(path[keep - 1]) && !HoldsDocument(path[keep - 1])) --keep;
    path.resize(keep);
    path.push_back(h);
    return;
  }
  // "General" heads the comments on the filing as a whole: the next caption is its sibling,
  // not a section inside it ("General" / "Prospectus Summary, page 1").
  static const RE2 general(R"((?i)^general\s*[:.]?$)");
  if (RE2::FullMatch(path.back(), general)) {
    path.back() = h;
    return;
  }
  // Another filing's caption ("II. Form 8-K Filed May 2, 2019") starts the path again.
  if (IsDocumentHeading(h)) {
    path = {h};
    return;
  }
  // Set unlike the innermost caption and like one further up: that one's sibling.
  if (styles) {
    auto style_of = [styles](const std::string& caption) -> const CaptionStyle* {
      auto it = styles->find(caption);
      return it == styles->end() ? nullptr : &it->second;
    };
    const CaptionStyle* own = style_of(h);
    const CaptionStyle* innermost = style_of(path.back());
    if (own && innermost && !(*own == *innermost))
      for (size_t k = path.size() - 1; k > 0; --k) {
        const CaptionStyle* above = style_of(path[k - 1]);
        if (above && *above == *own && !IsDocumentHeading(path[k - 1])) {
          path.resize(k - 1);
          path.push_back(h);
          return;
        }
      }
  }
  bool h_page = PageRef(h).has_value();
  bool last_page = PageRef(path.back()).has_value();
  // The filing's caption stays on top ("Form S-3" / "Plan of Distribution, page 18" /
  // "Exhibit 5.1 - Opinion of Counsel").
  auto pop = [&path] {
    if (!path.empty() && !(path.size() == 1 && IsDocumentHeading(path.front()))) path.pop_back();
  };
  if (h_page && OnPagesOfDiscussion(h, path.back())) {
    path.push_back(h);
    return;
  }
  if (h_page) {
    if (last_page) pop();
  } else {
    if (last_page) pop();
    pop();
  }
  path.push_back(h);
}

}  // namespace corresp
