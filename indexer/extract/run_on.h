// Letters whose text layer has no paragraph structure (scanned pages with an invisible text
// layer arrive as one run-on line per page): detected and re-split into sentence blocks, with
// the letterhead repeated at the top of each page removed.
#pragma once

#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

// True when most of the text sits in a few very long blocks.
bool LooksRunOn(const std::vector<Block>& blocks);

// Joins the long blocks (dropping a prefix repeated at the start of several of them), then
// splits at sentence ends, before "Response:" labels and before item numbers. Short blocks
// are kept as they are. Returns the input unchanged when it does not look run-on.
std::vector<Block> SplitRunOn(std::vector<Block> blocks);

}  // namespace corresp
