// A hand-built LetterRecord for the pure-logic tests of threads and the comment lifecycle:
// company ACME (CIK 42), the given accession, form, kind and filing date, no items. Tests add
// the comments, responses, references or named dates their case needs.
#pragma once

#include <string>

#include "core/date.h"
#include "indexer/index/letter_record.h"

namespace corresp::testing {

inline LetterRecord TestLetter(const std::string& accession, const std::string& form,
                               LetterKind kind, Date filed) {
  LetterRecord r;
  r.accession = *Accession::Parse(accession);
  r.cik = Cik{42};
  r.company = "ACME";
  r.form = form;
  r.date_filed = filed;
  r.letter.kind = kind;
  return r;
}

}  // namespace corresp::testing
