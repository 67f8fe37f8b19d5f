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

// ACME's staff letter of 2020-01-10 with one comment (on its revenue policy) and its reply of
// 2020-02-01 answering it.
struct StaffAndReply {
  LetterRecord staff, reply;
};
inline StaffAndReply OneCommentAnswered() {
  StaffAndReply out{
      TestLetter("0000000000-20-000001", "UPLOAD", LetterKind::kCommentLetter, {2020, 1, 10}),
      TestLetter("0000000042-20-000001", "CORRESP", LetterKind::kResponse, {2020, 2, 1})};
  out.staff.letter.comments.push_back(Comment{1, {}, {}, "Please revise your revenue policy.", {}});
  out.reply.letter.responses.push_back(Response{1, {}, "", "We revised it."});
  return out;
}

}  // namespace corresp::testing
