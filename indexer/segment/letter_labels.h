// Blocks a letter prints about itself rather than about the filing reviewed, removed before
// segmentation so that they are neither headings nor text.
#pragma once

#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

// Drops:
// - a label of the numbered item right below it ("Comment No. 1" or a bare "Comment" above
//   "1. Please expand ..."): the item keeps its number and the headings above the label;
// - a confidential-treatment legend ("CONFIDENTIAL TREATMENT REQUESTED BY ACME CORP.: ACME-003",
//   Rule 83; "FOIA Confidential Treatment Request"), also when it wraps onto a second "BY ..."
//   line.
// Every other block is kept, in order.
std::vector<Block> DropLetterLabels(std::vector<Block> blocks);

}  // namespace corresp
