// HTML letters through Gumbo: the tree is converted at once into ordered Blocks (paragraphs,
// headings, list items, table rows) with emphasis kept; the Gumbo tree is then discarded.
// Only this file's .cc includes gumbo.h.
#pragma once

#include <string_view>

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

}  // namespace corresp
