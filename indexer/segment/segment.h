// Blocks -> Letter: kind, head (date, addressee, company, references), staff comments with
// heading paths, page refs and prior-comment refs, company responses split into the restated
// comment and the answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/letter.h"
#include "indexer/extract/block.h"

namespace corresp {

struct SegmentOptions {
  size_t max_items = 500;  // see ItemScanOptions
  // The running headers' lines the reader dropped (BlockDocument::page_header_lines): the
  // letter's date when its head prints none.
  std::vector<std::string> page_header_lines;
};

// Never fails: what it is unsure of goes to Letter::issues. `form` is a review-letter form of
// core/letter_form.h when known (UPLOAD, CORRESP, DRSLTR, ...: its side decides staff or
// company, and it is kept as Letter::form); otherwise it is inferred and stored in Letter::form.
// Letter::file is left empty.
Letter SegmentLetter(const std::vector<Block>& blocks, std::optional<std::string> form,
                     const SegmentOptions& options = {});

}  // namespace corresp
