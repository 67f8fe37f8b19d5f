// Content negotiation: whether a client accepts a gzip body (compression: store/gzip.h).
#pragma once

#include <string_view>

namespace corresp::mirror {

// True when an Accept-Encoding header value admits gzip ("gzip", "deflate, gzip;q=0.8",
// "*"); false for absent, "identity", or "gzip;q=0".
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace corresp::mirror
