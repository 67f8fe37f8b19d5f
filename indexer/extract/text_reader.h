// Plain-text letters (including text rendered from a PDF, like the seed letter) into Blocks:
// blank lines separate paragraphs, form feeds and "<PAGE>" lines separate pages, "**" bold
// markers are dropped, a rule of dashes or underscores underlines the line above it.
#pragma once

#include <string_view>

#include "indexer/extract/block.h"

namespace corresp {

// Reads a plain-text letter: lines, blank lines between paragraphs, form feeds and EDGAR's
// "<PAGE>" lines between pages. Never throws. Input must be UTF-8 (see charset.h).
BlockDocument ReadPlainText(std::string_view utf8);

}  // namespace corresp
