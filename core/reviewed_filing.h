// The filing a letter reviews: a "Re:" reference (core/letter.h) resolved to an accession
// among the company's filings, as listed by its EDGAR submissions JSON. Pure logic; the
// crawler fetches the list and the catalog caches it (docs/crawler.md "Submissions JSON").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/letter.h"

namespace corresp {

// One filing of a company, as its submissions JSON lists it.
struct CompanyFiling {
  Accession accession;
  std::string form;                 // "10-K", "S-4/A", "DEF 14A", "DRS"
  std::optional<Date> filed;        // filingDate
  std::optional<Date> report_date;  // reportDate: the period of a periodic report
  std::string file_number;          // "001-15405", "333-215000"; "" when none
};

// A reference and what it resolved to.
struct ReviewedFiling {
  std::string form;  // as the Re: block names it: "10-K", "S-4" (with amendment 2), "14A"
  std::optional<Date> period;
  std::optional<Date> filed;
  std::string file_number;             // the first file number named, "" when none
  std::optional<int> amendment;        // "Amendment No. 2" -> 2
  std::optional<Accession> accession;  // nullopt when unresolved
  std::string text;                    // the Re: words naming the filing
  // How it resolved ("filed", "period", "amendment", "only" — the single filing of its form
  // before the letter — joined by '+'), or why not ("no form named", "no 10-K filed on
  // 2017-02-23 or for the period 2016-12-31", "2 filings match", "no submissions JSON").
  std::string basis;
};

// Slack between a date the letter gives and EDGAR's: a filing accepted after 17:30 gets the
// next business day as its filing date (up to 3 days over a weekend) while letters quote the
// day it was sent.
inline constexpr int kFiledDateSlackDays = 4;
// A 52/53-week fiscal year ends on a Saturday near the month end ("fiscal year ended
// September 30, 2017" for a year that ended on October 1): up to 6 days apart.
inline constexpr int kPeriodSlackDays = 7;

// EDGAR form types a referenced form may be filed as, preferred first: "14A" -> PRE 14A,
// DEF 14A, ...; "TO-I" -> SC TO-I; "S-4/A" -> S-4/A; a draft "S-1" -> DRS. Amendments
// (`amended`) get the "/A" forms. Exposed for tests.
std::vector<std::string> EdgarFormsFor(const std::string& form, bool amended, bool draft);

// Resolves `ref` among `filings` (any order) for a letter dated `letter_date` (filings after it
// are not candidates; nullopt: no limit). Decision, in order: the form (amended or not); the
// file number when one of the candidates carries it; the filed date (nearest within
// kFiledDateSlackDays); the period (reportDate within kPeriodSlackDays); the amendment number
// (the N-th amendment by filing date) when no filed date picked one; a single candidate left
// resolves, several with the same form preference are "N filings match". Never fails.
ReviewedFiling ResolveReviewed(const Reference& ref, const std::vector<CompanyFiling>& filings,
                               std::optional<Date> letter_date);

// An unresolved ReviewedFiling for `ref` with `why` as its basis.
ReviewedFiling Unresolved(const Reference& ref, std::string why);

}  // namespace corresp
