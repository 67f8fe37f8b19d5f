// Follow-up references: where a staff comment points back at a comment of an earlier staff
// letter of the same review. One rule, used by the segmenter (Comment::prior_refs) and by the
// thread linker (which also needs the letter date a reference may name).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace corresp {

struct PriorRef {
  int number = 0;                   // the earlier comment's number, >= 1
  std::optional<Date> letter_date;  // "... of our letter dated May 22, 2024", when named
  bool operator==(const PriorRef&) const = default;
};

// Every comment the text refers back to, in order of first mention, each number once (the
// first mention's letter date wins). Recognised, case-insensitively:
//   "prior|previous|our|earlier|original|initial comment(s) [no.|number|#] N"
//   "your (prior) response(s) to (our|prior) comment(s) N"
//   "(we) reissue(d) (our|prior) comment(s) N", "comment N is reissued"
//   "comment(s) N of|in|from our|the (prior|previous) letter dated <Month D, YYYY>"
// where N is a list "2 and 4", "1, 2 and 5", "2 & 4", or numbers spelled out ("prior comment
// number three"; one to twenty). A date follows the numbers within the same clause: "prior
// comment 3 of our letter dated May 1, 2020". Never returns 0. Traps: "your response to our
// letter", "comment 3" alone, "Note 3".
std::vector<PriorRef> FindPriorRefs(const std::string& text);

// The numbers of FindPriorRefs, in the same order.
std::vector<int> PriorRefs(const std::string& text);

}  // namespace corresp
