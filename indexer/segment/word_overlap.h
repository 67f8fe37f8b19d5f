// How much of a restated staff comment is found in a staff comment's text: the one measure
// used to pair a company's restatement with the comment it answers (the thread linker) and to
// judge the extractor's pairs (tools/eval-extract).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corresp {

// Lower-cased runs of letters, digits and non-ASCII bytes, after curly quotes and dashes are
// folded (FoldPunctuation).
std::vector<std::string> WordTokens(std::string_view text);

// Share of the restated comment's word tokens found in the staff comment's tokens, counted as
// multisets (a word restated twice must occur twice). 1.0 when the restated text has no tokens.
double WordOverlap(std::string_view restated, std::string_view staff);

}  // namespace corresp
