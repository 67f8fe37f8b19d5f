// Sentences broken over two blocks, joined again before segmentation.
#pragma once

#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

// Joins a paragraph to the one after it when a sentence runs on across them: the first ends no
// sentence and either stops on a word no paragraph ends on ("... followed by the" / "Company's
// response.") or is followed by a paragraph going on in lower case ("... tell us how you" /
// "calculate ARPU ...") or by a parenthesis alone ("... Results of Operations" /
// "(“MD&A”)", the short name a caption defines). HTML converted from print sets each printed line
// in an element of its own, and a page break may cut a paragraph whose next page opens with a
// capital. Both blocks must be plain paragraphs of the same emphasis (an emphasized line ending on
// "to" is a caption line, which stays a line); a numbered or lettered item or a bullet starts a
// block of its own (a "response." after "... followed by the" is the sentence's end, not a label).
// Run after the letter's own labels and legends are dropped, so that a legend between the two
// halves does not join them. Every other block is kept, in order.
std::vector<Block> JoinBrokenParagraphs(std::vector<Block> blocks);

}  // namespace corresp
