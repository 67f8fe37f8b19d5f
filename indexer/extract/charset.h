// Decoding letter bytes to UTF-8 before parsing. EDGAR letters arrive as UTF-8, windows-1252
// or latin-1, often without a reliable declaration.
#pragma once

#include <string>
#include <string_view>

namespace corresp {

// Returns bytes as UTF-8: valid UTF-8 is kept as is (a BOM is dropped); anything else is
// decoded as windows-1252 (a superset of latin-1 for printable text; undefined bytes map to
// U+FFFD). NUL bytes become spaces. Never fails.
std::string DecodeToUtf8(std::string_view bytes);

}  // namespace corresp
