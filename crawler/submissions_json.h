// A company's EDGAR submissions JSON (data.sec.gov/submissions/CIK##########.json and the
// CIK##########-submissions-NNN.json pages its "filings.files" lists) -> its filings; and
// when the cached copy must be fetched again. See docs/crawler.md "Submissions JSON".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/reviewed_filing.h"
#include "core/status.h"

namespace corresp {

// A further page named in "filings.files".
struct SubmissionsPageRef {
  std::string name;               // "CIK0000831001-submissions-001.json"
  std::optional<Date> filing_to;  // "filingTo": its newest filing date (nullopt when absent)
};

struct SubmissionsPage {
  std::vector<CompanyFiling> filings;
  std::vector<SubmissionsPageRef> more_pages;  // first page only
};

// Pages listing only filings older than this before a company's oldest letter are not
// fetched: a comment letter reviews a filing of the last year or so (a 10-K filed 13 months
// before its letter is the oldest the corpus shows), so older pages cost requests for nothing.
inline constexpr long kPageLookbackDays = 400;

// Whether a page is worth a request for a company whose oldest letter was filed on
// `oldest_letter` (nullopt: fetch every page).
bool PageNeeded(const SubmissionsPageRef& page, const std::optional<Date>& oldest_letter);

// Parses one file. `first_page`: the filings are in "filings.recent" and the other pages are
// named in "filings.files"; otherwise the file itself holds the column arrays. Rows without a
// valid accession number are skipped; a page name that is not "CIK<10 digits>-submissions-
// <digits>.json" is ignored. Errors: kParse (not JSON, or the accessionNumber/form/filingDate
// arrays are missing or of different lengths), naming what was expected.
Result<SubmissionsPage> ParseSubmissionsJson(std::string_view body, bool first_page);

// "submissions/CIK0000831001.json" / "submissions/CIK0000831001-submissions-001.json".
std::string SubmissionsPath(Cik cik);
std::string SubmissionsPagePath(const std::string& page);

// Where submissions JSON comes from: https://data.sec.gov for an sec.gov base URL (EDGAR
// serves it from that host alone), else the base URL itself (a mirror lays it out at its root).
std::string SubmissionsBaseUrl(const std::string& base_url);

// The refetch rule. A company's submissions JSON is fetched when it was never checked, or when
// its newest fetched letter was filed on or after the day of the last check: a reviewed filing
// precedes its letter, so a copy checked after the letter's filing day already lists it.
// `checked_at` is a UTC ISO timestamp ("2026-11-30T23:00:00Z"); an unreadable one counts as
// never. No letter: no fetch.
bool NeedsSubmissionsFetch(const std::optional<std::string>& checked_at,
                           const std::optional<Date>& newest_letter);

}  // namespace corresp
