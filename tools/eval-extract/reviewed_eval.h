// `eval-extract reviewed DATA_DIR`: how many letters of an index have their reviewed filing
// resolved, why the others do not, and the reviewing offices named (docs/dataset.md
// "Reviewed filing and office").
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "indexer/index/letter_record.h"

namespace corresp {

struct ReviewedShare {
  long letters = 0;   // letters in the group
  long with_re = 0;   // with at least one parsed Re: reference
  long resolved = 0;  // with at least one reference resolved to an accession
};

struct ReviewedMeasure {
  ReviewedShare comment_letters;  // UPLOAD letters of kind comment_letter
  ReviewedShare all_letters;      // every letter (UPLOAD and CORRESP)
  long references = 0, references_resolved = 0;
  long comment_letters_with_contacts = 0;
  // Why a letter with a Re: block stayed unresolved (its first reference's basis, grouped),
  // and letters without a parsed reference ("no Re: reference parsed"); comment letters only.
  std::map<std::string, long> unresolved_reasons;
  std::vector<std::string> unresolved_examples;  // "ACCESSION  reason  | Re: text"
  std::map<std::string, long> offices;           // staff letters by office ("(none)")
  std::map<std::string, long> resolved_by;       // basis of resolved references
};

// The reason category of an unresolved ReviewedFiling basis ("no 10-K for the period ..." ->
// "period not found"). Exposed for tests.
std::string UnresolvedCategory(const std::string& basis);

ReviewedMeasure MeasureReviewed(const std::vector<LetterRecord>& records);

// Every letter record stored in the index of DATA_DIR (DATA_DIR/index), opened read-only.
// Errors: kNotFound (no index), kCorruption (unreadable record), kIoError (Xapian).
Result<std::vector<LetterRecord>> ReadIndexedLetters(const std::filesystem::path& data_dir);

}  // namespace corresp
