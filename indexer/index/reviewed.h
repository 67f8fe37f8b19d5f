// The reviewed filings of a letter and of a thread, and their JSON form (the "reviewed" field
// of the letter record, of every item document and of the thread JSON; docs/index-schema.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/reviewed_filing.h"
#include "core/thread.h"
#include "indexer/index/letter_record.h"

namespace corresp {

// One ReviewedFiling per reference of `letter`, resolved among `filings` (the company's
// cached submissions; nullptr when the catalog has none: every reference stays unresolved
// with basis "no submissions JSON").
std::vector<ReviewedFiling> ResolveLetterReviewed(const Letter& letter,
                                                  const std::vector<CompanyFiling>* filings);

// {"form","period","filed","file_number","amendment","accession","text","basis","url"}:
// period/filed/amendment/accession null when unknown, "url" the EDGAR index page of the
// resolved filing (null when unresolved); file_number "" when none.
nlohmann::json ReviewedToJson(const ReviewedFiling& reviewed, Cik cik);
// The inverse (url ignored); missing or mistyped fields read as empty.
ReviewedFiling ReviewedFromJson(const nlohmann::json& json);

// The letter's "reviewed" value for an item document: the first resolved filing, else the
// first reference; null when the letter names none.
nlohmann::json PrimaryReviewedJson(const LetterRecord& record);

// The filings a thread reviewed: the reviewed filings of its letters in letter order, one per
// accession (unresolved ones once per text), resolved first.
std::vector<ReviewedFiling> ThreadReviewed(const ReviewThread& thread,
                                           const std::vector<LetterRecord>& records);

// https://www.sec.gov/Archives/edgar/data/CIK/NODASH/ACC-index.htm
std::string FilingIndexPageUrl(Cik cik, const Accession& accession);

}  // namespace corresp
