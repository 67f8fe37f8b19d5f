// What EDGAR tells us about a filing before and after we fetch it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"

namespace corresp {

// One row of an EDGAR form/master/company index file.
struct IndexEntry {
  std::string form;     // "UPLOAD", "CORRESP", as printed in the index
  std::string company;  // company name as printed
  Cik cik;
  Date date_filed;      // the "Date Filed" column (often weeks before index_day)
  std::string path;     // "edgar/data/1090872/0001090872-16-000078.txt"
  Accession accession;  // parsed from path
  Date index_day;       // the day (daily index) or quarter start (full index) that listed it
};

// One <DOCUMENT> of a submission, as recorded in the catalog.
struct DocumentInfo {
  int sequence = 0;
  std::string type;      // "UPLOAD", "CORRESP", "GRAPHIC", ...
  std::string filename;  // "filename1.pdf"
  std::string description;
  std::string content_type;  // "application/pdf", "text/html", "text/plain", ...
  std::string sha256;        // hex of the original bytes, the key in the document store
  std::uint64_t size = 0;    // bytes
};

// Lifecycle of a filing in the catalog.
enum class FetchState {
  kDiscovered,  // listed by an index, not yet fetched
  kFetched,     // every document stored
  kFailed,      // last attempt failed for a transient reason; the next run retries
  kPermanent,   // failed for a reason a retry cannot fix (corrupt document); kept, not retried
};
const char* FetchStateName(FetchState state);
std::optional<FetchState> ParseFetchState(std::string_view name);

// Header fields of a submission (the SGML header of ACCESSION.txt) plus catalog bookkeeping.
struct Filing {
  Accession accession;
  Cik cik;
  std::string company;
  std::string form;  // "UPLOAD" / "CORRESP" / ...
  std::optional<Date> date_filed;
  std::optional<Date> index_day;  // day of the index that listed it
  std::optional<Date> dissemination_date;
  std::string sic;                // "3826" (code only)
  std::string state;              // state of incorporation, "DE"
  std::string fiscal_year_end;    // "1031"
  std::string file_number;        // "001-09924" when present
  std::string source_url;         // where it was fetched from
  std::string submission_sha256;  // store key of the complete submission .txt, if kept
  std::uint64_t total_bytes = 0;  // bytes fetched for this filing
  std::string fetched_at;         // UTC ISO-8601, set by the catalog
  int indexed_version = 0;        // extractor version that indexed it; 0 = not indexed
  FetchState fetch_state = FetchState::kDiscovered;
  int attempts = 0;
  std::string last_error;
  std::vector<DocumentInfo> documents;
};

}  // namespace corresp
