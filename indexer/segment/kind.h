// Classifying a letter: comment letter, closing, no-review notice, response, extension or
// acceleration request, other.
#pragma once

#include <string>
#include <vector>

#include "core/letter.h"
#include "indexer/extract/block.h"

namespace corresp {

// True if the text reads like an SEC staff letter (Division of Corporation Finance, "we have
// reviewed your filing", "completed our review", "Mail Stop").
bool LooksLikeStaffLetter(const std::vector<Block>& blocks);

// Kind from the letter's words and the number of items found. `staff` says who wrote it.
LetterKind ClassifyLetter(const std::vector<Block>& blocks, bool staff, size_t items);

}  // namespace corresp
