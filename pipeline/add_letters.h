// `corresp add`: letters obtained outside EDGAR (FOIA copies of pre-2004 letters, a firm's own
// correspondence) stored and catalogued like fetched filings, so `index` extracts, threads and
// indexes them with the company's EDGAR letters.
//
// Each file becomes one filing of `form` for `cik` whose accession is synthetic:
// Accession::OutsideEdgar(SHA-256 of the bytes) ("X-" + 16 hex digits), which no EDGAR
// accession can equal. Adding the same bytes again finds the same id: unchanged metadata is a
// no-op ("unchanged"), changed metadata (date, company, form, cik) replaces the catalog row and
// makes the letter due for re-indexing. The letter's date is `date`, else the letter date the
// extractor finds in the text; its company is `company`, else the name on the company's threads
// already in the catalog, else the company the letter itself names.
//
// A bad file is a per-file failure naming the file and the reason (unreadable, empty, no letter
// text, no date, no company name); the other files are still added.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/status.h"

namespace corresp {

class Catalog;
class DocumentStore;

struct AddLettersRequest {
  std::vector<std::filesystem::path> files;  // HTML (.htm/.html), text (.txt) or PDF (.pdf)
  Cik cik;
  std::string form;          // "UPLOAD" (staff letter) or "CORRESP" (company letter)
  std::optional<Date> date;  // the letter's date; nullopt: the date found in its text
  std::string company;       // empty: from the catalog, else from the letter
};

struct AddedLetter {
  std::filesystem::path file;
  Accession accession;  // synthetic, IsOutsideEdgar()
  Date date;
  std::string company;
  bool changed = true;  // false when the same file was added before with the same metadata
};

struct AddFailure {
  std::filesystem::path file;
  std::string reason;  // "FILE: reason"
};

struct AddLettersReport {
  std::vector<AddedLetter> added;
  std::vector<AddFailure> failures;
};

// Validates the request, then stores and catalogues each file (document store first, then one
// catalog row per file). Errors: kInvalidArgument (no files, form not UPLOAD or CORRESP),
// kIoError/kCorruption from the catalog or store. Per-file problems go to the report.
Result<AddLettersReport> AddOutsideLetters(const AddLettersRequest& request, Catalog& catalog,
                                           DocumentStore& store);

}  // namespace corresp
