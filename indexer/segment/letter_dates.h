// The staff letters a company letter says it answers, read from its opening. One rule, used
// by the extractor (Letter::named_dates) and by tools/eval-extract's thread agreement.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/letter.h"
#include "indexer/extract/block.h"

namespace corresp {

// The dates a letter names as the date of the staff letter it answers: "letter dated
// <date>", "comment letter of <date>", "comments dated <date>", "letters dated <date> and
// <date>", "your letter to the Company dated <date>", "the letter the Staff delivered on
// <date>", "your <date> comment letter": a "Month D, YYYY" date after "dated"/"of"/"on"/"and"
// with "letter" or "comment(s)" earlier in its sentence (at most 200 bytes back), or right
// before "letter"; not after "filed (on)", "ended", "ending", "through", "to". Impossible
// dates are skipped. In order of appearance, duplicates removed. Pass the letter's opening
// only (LetterOpening): restated comments name the staff's own earlier letters.
std::vector<Date> NamedLetterDates(std::string_view text);

// True when a date named by a later letter is this letter's: its filing date or its own letter
// date (a letter dated the 28th is often filed the next day, and replies name either).
inline bool IsDatedOn(const std::optional<Date>& filed, const std::optional<Date>& letter_date,
                      const Date& d) {
  return (filed && *filed == d) || (letter_date && *letter_date == d);
}

// At most this much of a response is its opening (letterhead, Re: block, first paragraph);
// a response that restates no comment is cut here.
inline constexpr size_t kOpeningBytes = 4000;

// A company letter's text before its first restated comment (blocks joined by "\n"), at most
// about kOpeningBytes: where it says which staff letter it answers. Restated comments are left
// out because they name the staff's own earlier letters ("prior comment 4 in our letter dated
// May 22, 2024"). `letter` is the segmented letter of `blocks`.
std::string LetterOpening(const std::vector<Block>& blocks, const Letter& letter);

}  // namespace corresp
