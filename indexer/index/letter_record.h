// What the index keeps about one letter: the catalog's filing metadata plus the extracted
// Letter. Stored as JSON in the Xapian metadata (key letter:<CIK10>:<ACCESSION>), so threads
// can be re-linked and a company's documents rebuilt without re-extracting its letters.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/filing.h"
#include "core/ids.h"
#include "core/letter.h"
#include "core/reviewed_filing.h"
#include "core/status.h"

namespace corresp {

struct LetterRecord {
  Accession accession;
  Cik cik;
  std::string company;
  std::string form;  // UPLOAD / CORRESP (catalog form, else the extractor's)
  std::optional<Date> date_filed;
  // Day EDGAR released the letter (the daily index that listed it). EDGAR releases a whole
  // review together, so a shared release day is strong evidence of one thread. nullopt when
  // unknown or only known to the quarter (full index).
  std::optional<Date> released;
  std::string sic;
  std::string state;
  std::string file_number;
  std::string document;  // filename of the letter document inside the filing
  Letter letter;
  // The filings its Re: block names, resolved against the company's submissions JSON when the
  // catalog had it (indexer/index/reviewed.h); one per Letter::references entry.
  std::vector<ReviewedFiling> reviewed;

  // The date the letter is ordered and filtered by: date filed, else letter date, else epoch.
  corresp::Date SortDate() const;
  // The letter date, else the date filed.
  corresp::Date LetterDate() const;
  // sec.gov URL of the letter document (the filing folder when no document is known); empty
  // for a letter from outside EDGAR.
  std::string Url() const;
  // schema::kSourceOutsideEdgar for a letter added from outside EDGAR (synthetic accession),
  // else schema::kSourceEdgar.
  std::string_view Source() const;
};

// Builds the record of a fetched filing and its extracted letter.
LetterRecord MakeLetterRecord(const Filing& filing, const std::string& document, Letter letter);

// The whole Letter as JSON: the `extract --json` shape (LetterToJson) plus "body", and
// "unreadable" when set. LetterFromFullJson(LetterToFullJson(l)) == l; missing or mistyped
// fields read as empty.
nlohmann::json LetterToFullJson(const Letter& letter);
Letter LetterFromFullJson(const nlohmann::json& json);

nlohmann::json LetterRecordToJson(const LetterRecord& record);
// kParse when a required field (accession, cik) is missing or malformed.
Result<LetterRecord> LetterRecordFromJson(const nlohmann::json& json);

// Item ids of a letter, in order: comments first, then responses. "ACC#N" for a numbered item,
// "ACC#uK" for the K-th unnumbered (or repeated-number) one, counting from 1.
struct ItemIds {
  std::vector<std::string> comments;
  std::vector<std::string> responses;
};
ItemIds MakeItemIds(const LetterRecord& record);

}  // namespace corresp
