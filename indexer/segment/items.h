// Finding the numbered items of a letter's body (staff comments, or the restated comments of
// a response) and their section headings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

struct ItemSpan {
  std::optional<int> number;          // nullopt for "Comment:"-labelled unnumbered items
  size_t start = 0;                   // block holding the number
  size_t end = 0;                     // one past the item's last text block
  size_t text_start = 0;              // first block after the number block and any headings
                                      // right below a bare label ("Comment #1:" / "General")
  std::string first_text;             // text after the number in blocks[start] (may be "")
  std::vector<std::string> headings;  // heading path, outermost first
};

struct ItemScanOptions {
  bool staff = true;       // staff letter (closing boilerplate differs, numbering starts at 1)
  size_t max_items = 500;  // letters carry at most ~100 comments; more is a parse gone wrong
};

// Scans blocks [begin, blocks.size()) for consecutively numbered items. Never fails. A reply
// may skip numbers or go back to one it skipped ("1.", "2.", "4.") when the restated comments
// are set alike and the one before was answered: a "Response:" label, or a plain paragraph in
// the company's voice below a comment set apart by emphasis. Numbering may start again at 1
// under a filing's heading, or under short captions when the "1." is set and labelled like the
// first item and its "2." follows (a trust's series). In a letter that labels its items
// ("Comment No. 2:"), a bare "n." before a later labelled "n" is a list's entry. An item's heading
// path is built from the run of headings right above it (above the first item, also above one
// unnumbered paragraph: "General" / "We note that ..." / "1. Please ...").
std::vector<ItemSpan> FindItems(const std::vector<Block>& blocks, size_t begin,
                                const ItemScanOptions& options, std::vector<std::string>* issues);

// The index one past the letter body's last block (before the closing boilerplate), searching
// from `from`.
size_t BodyEnd(const std::vector<Block>& blocks, size_t from, bool staff);

}  // namespace corresp
