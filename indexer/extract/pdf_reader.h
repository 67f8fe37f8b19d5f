// PDF letters through poppler's text layout: words with bounding boxes, fonts and underlines
// rebuilt into lines in reading order, then into Blocks (see lines.h). Only this file's .cc
// includes poppler.
#pragma once

#include <string_view>

#include "indexer/extract/block.h"

namespace corresp {

struct PdfReadOptions {
  int max_pages = 200;  // staff letters run 1-15 pages; beyond this is not a letter
};

// Never throws. A PDF poppler cannot open yields no blocks and an issue.
BlockDocument ReadPdf(std::string_view bytes, const PdfReadOptions& options = {});

}  // namespace corresp
