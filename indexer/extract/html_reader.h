// HTML letters through Gumbo: the tree is converted at once into ordered Blocks (paragraphs,
// headings, list items, table rows) with emphasis kept; the Gumbo tree is then discarded.
// Only this file's .cc includes gumbo.h.
#pragma once

#include <string_view>
#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

struct HtmlReadOptions {
  int max_depth = 400;  // deeper element nesting is flattened (text kept, structure not)
  // Gumbo's tree building is quadratic in nesting depth; input whose tags nest deeper than
  // this (by a cheap pre-scan) is read as text with its tags stripped.
  int max_prescan_depth = 5000;
};

// Input must be UTF-8 (see charset.h); entities are decoded by Gumbo. Never throws.
BlockDocument ReadHtml(std::string_view utf8, const HtmlReadOptions& options = {});

// Splits a caption run into the start of an item ("1. <u>Risk Factors, page 5</u>. We note
// ...", Block::run_in_caption) off as a block of its own before the item ("Risk Factors, page
// 5" / "1. We note ..."): only after an item's number, when what follows starts a sentence of
// some length and the caption is no comment or response label. Other blocks are kept as they
// are; every block leaves with run_in_caption empty.
std::vector<Block> SplitRunInCaptions(std::vector<Block> blocks);

}  // namespace corresp
