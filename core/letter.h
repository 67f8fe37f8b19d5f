// A letter after extraction and segmentation: the unit the index is built from.
// Produced by indexer/extract; consumed by the index writer and the `extract` command.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace corresp {

enum class LetterKind {
  kCommentLetter,        // staff comments, first round or follow-up
  kClosing,              // "we have completed our review"
  kNoReview,             // "we will not review" / "do not intend to review"
  kResponse,             // company answers to comments
  kExtensionRequest,     // company asks for more time to respond
  kAccelerationRequest,  // Rule 461 request to accelerate effectiveness
  kOther,
};
const char* LetterKindName(LetterKind kind);  // "comment_letter", "closing", ...
std::optional<LetterKind> ParseLetterKind(std::string_view name);

// A filing named in the "Re:" block.
struct Reference {
  std::string form;            // "10-K", "20-F", "S-1", "10-Q"
  std::optional<Date> period;  // fiscal period end, "Fiscal Year Ended December 31, 2006"
  std::optional<Date> filed;   // "Filed February 23, 2007"
  std::vector<std::string> file_numbers;  // "001-09924"
  std::optional<int> amendment;  // "Amendment No. 2 to ..." -> 2; "10-K/A" alone -> nullopt
  bool draft = false;            // "Draft Registration Statement": filed on EDGAR as DRS(/A)
  std::string text;              // the words of the Re: block naming this filing
};

struct Comment {
  std::optional<int> number;            // nullopt for unnumbered comments
  std::vector<std::string> headings;    // outermost first
  std::optional<std::string> page_ref;  // "page 148"
  std::string text;                     // full text, paragraphs separated by "\n\n"
  std::vector<int> prior_refs;          // "prior comment 3" -> 3
};

struct Response {
  std::optional<int> number;  // the comment it answers
  std::vector<std::string> headings;
  std::string comment_text;  // the restated staff comment ("" when not restated)
  std::string text;          // the company's answer
};

struct Letter {
  std::string file;                 // what was read (path or store key)
  std::optional<std::string> form;  // "UPLOAD" / "CORRESP" from the header, else inferred
  LetterKind kind = LetterKind::kOther;
  std::optional<Date> letter_date;
  std::string company;
  std::string addressee;
  std::vector<Reference> references;
  // The reviewing office named in the signature block ("Office of Manufacturing", "Disclosure
  // Review Program"; "Division of Corporation Finance" when no office is named), or, for a
  // company letter, in its address block. nullopt when the letter names none.
  std::optional<std::string> office;
  // Staff named as contacts ("You may contact NAME at (202) ..."), the signer included when
  // the letter says "or me at ...", in order of mention, without repeats.
  std::vector<std::string> staff_contacts;
  std::vector<Comment> comments;
  std::vector<Response> responses;
  // Company letters: the dates of the staff letters its opening says it answers ("your letter
  // dated May 1, 2020"), NamedLetterDates of LetterOpening; empty when it names none.
  std::vector<Date> named_dates;
  std::vector<std::string> issues;  // what the extractor was unsure of; never fatal
  // The whole letter text (paragraphs separated by "\n\n") when it has neither comments nor
  // responses (closings, requests, narrative replies), so its letter-level index document is
  // searchable; empty otherwise. Not part of `extract --json`.
  std::string body;
  // Set when no letter text could be read at all (corrupt or encrypted PDF, binary bytes,
  // an empty document): the indexer records a permanent failure with this reason instead of
  // indexing an empty letter.
  std::optional<std::string> unreadable;
};

}  // namespace corresp
