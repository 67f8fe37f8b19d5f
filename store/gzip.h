// gzip (RFC 1952) compression of whole buffers, for the document store.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace corresp {

std::string GzipCompress(std::string_view bytes);
// kCorruption when `gz` is not a complete gzip stream; output capped at `max_bytes`.
Result<std::string> GzipDecompress(std::string_view gz, std::size_t max_bytes = 1ull << 31);

}  // namespace corresp
