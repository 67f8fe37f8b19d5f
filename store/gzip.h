// gzip (RFC 1952) compression of whole buffers with zlib: the document store's objects, EDGAR's
// .gz index files, and the test mirror's Content-Encoding: gzip.
//
// Every zlib return code is checked; a failure is a Status whose message names the zlib call
// ("deflateInit2", "deflate", "inflate", ...) and zlib's own reason.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace corresp {

// The gzip member holding `bytes` (compression level 6).
//   kInvalidArgument  `bytes` is 4 GiB or more (zlib's one-call limit)
//   kIoError          zlib could not allocate its state (out of memory)
//   kInternal         any other zlib failure (a bug or a broken zlib build)
Result<std::string> GzipCompress(std::string_view bytes);

// The bytes `gz` holds: every gzip member, one after the other (as gzip -d decodes them).
//   kCorruption  not gzip, a bad header or checksum, a truncated stream, bytes after the last
//                member that are not another member, or more than `max_bytes` of output
//                (a decompression bomb)
//   kIoError     zlib could not allocate its state (out of memory)
//   kInternal    any other zlib failure
Result<std::string> GzipDecompress(std::string_view gz, std::size_t max_bytes = 1ull << 31);

}  // namespace corresp
