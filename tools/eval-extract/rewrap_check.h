// The plain-text reader checked against the PDF and HTML readers without labels (`eval-extract
// rewrap MIRROR`): each letter's blocks, as its reader produced them, written the way 2005-2010
// letters were filed as text (paragraphs hard-wrapped, a blank line between them, inside an SGML
// document of the letter's form), extracted again and compared with the letter's extraction.
#pragma once

#include <string>
#include <vector>

#include "core/letter.h"
#include "indexer/extract/block.h"

namespace corresp::rewrap {

// The blocks as a text submission: each block's text wrapped at `width` columns (greedy, words
// never split; a longer word has its own line), a blank line between blocks, inside
// <DOCUMENT><TYPE>`form` ... <TEXT> ... </TEXT></DOCUMENT>.
std::string AsTextLetter(const std::vector<Block>& blocks, const std::string& form,
                         size_t width = 70);

// How two extractions of one letter differ, in the order checked: "kind", "comment count",
// "response count", "comment N start" / "response N start" (number or first six words of the
// restated comment or answer), "comment N heading" / "response N heading" (innermost heading);
// "" when they agree on all of it.
std::string FirstDifference(const Letter& original, const Letter& rewrapped);

}  // namespace corresp::rewrap
