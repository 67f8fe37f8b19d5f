// gzip (RFC 1952) compression of a whole body with zlib, for Content-Encoding: gzip.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace corresp::mirror {

// The gzip member holding `data` (default compression level). kInternal if zlib fails,
// which only happens when it cannot allocate memory.
Result<std::string> GzipCompress(std::string_view data);

// True when an Accept-Encoding header value admits gzip ("gzip", "deflate, gzip;q=0.8",
// "*"); false for absent, "identity", or "gzip;q=0".
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace corresp::mirror
