#include "store/gzip.h"

#include <zlib.h>

#include <limits>

namespace corresp {
namespace {

// 15: zlib's largest window; +16: the gzip wrapper (header and CRC-32) instead of zlib's.
constexpr int kGzipWindowBits = 15 + 16;
// zlib's default balance of speed and size (what Z_DEFAULT_COMPRESSION stands for).
constexpr int kCompressionLevel = 6;
// zlib's default memory level (8 of 9), as `gzip` itself uses.
constexpr int kMemLevel = 8;
// avail_in and avail_out are uInt: one deflate call takes at most this many bytes.
constexpr std::size_t kMaxOneCallBytes = std::numeric_limits<uInt>::max();
// Output is produced in slices of this size while inflating.
constexpr std::size_t kInflateChunk = 1 << 16;

// "inflate: invalid block type (data error)" — the zlib call, zlib's message, the code's name.
Status ZlibFailure(const char* operation, int rc, const z_stream& zs) {
  std::string m = std::string("gzip: ") + operation + ": ";
  if (zs.msg != nullptr) m += std::string(zs.msg) + " (";
  m += zError(rc);
  if (zs.msg != nullptr) m += ")";
  switch (rc) {
    case Z_MEM_ERROR:
      return IoError(std::move(m));
    case Z_DATA_ERROR:
    case Z_NEED_DICT:
      return Corruption(std::move(m));
    default:
      return Internal(std::move(m));
  }
}

Bytef* In(std::string_view bytes) {
  return reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
}

}  // namespace

Result<std::string> GzipCompress(std::string_view bytes) {
  if (bytes.size() >= kMaxOneCallBytes)
    return InvalidArgument("gzip: deflate: " + std::to_string(bytes.size()) +
                           " bytes exceed zlib's one-call limit");
  z_stream zs{};
  int rc = deflateInit2(&zs, kCompressionLevel, Z_DEFLATED, kGzipWindowBits, kMemLevel,
                        Z_DEFAULT_STRATEGY);
  if (rc != Z_OK) return ZlibFailure("deflateInit2", rc, zs);
  std::string out(deflateBound(&zs, bytes.size()), '\0');
  zs.next_in = In(bytes);
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  rc = deflate(&zs, Z_FINISH);  // deflateBound guarantees room for all of it in one call
  Status failed = rc == Z_STREAM_END ? Status::Ok() : ZlibFailure("deflate", rc, zs);
  out.resize(zs.total_out);
  int end = deflateEnd(&zs);
  if (!failed.ok()) return failed;
  if (end != Z_OK) return ZlibFailure("deflateEnd", end, zs);
  return out;
}

Result<std::string> GzipDecompress(std::string_view gz, std::size_t max_bytes) {
  if (gz.size() >= kMaxOneCallBytes)
    return InvalidArgument("gzip: inflate: " + std::to_string(gz.size()) +
                           " bytes exceed zlib's one-call limit");
  z_stream zs{};
  int rc = inflateInit2(&zs, kGzipWindowBits);
  if (rc != Z_OK) return ZlibFailure("inflateInit2", rc, zs);
  zs.next_in = In(gz);
  zs.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  Status failed;
  while (failed.ok()) {
    std::size_t had = out.size();
    out.resize(had + kInflateChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + had);
    zs.avail_out = static_cast<uInt>(kInflateChunk);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(had + kInflateChunk - zs.avail_out);
    if (out.size() > max_bytes) {
      failed =
          Corruption("gzip: inflate: data expands beyond " + std::to_string(max_bytes) + " bytes");
    } else if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      // Another member follows (as `cat a.gz b.gz` makes): decode it too, as gzip -d does.
      if (int reset = inflateReset(&zs); reset != Z_OK)
        failed = ZlibFailure("inflateReset", reset, zs);
    } else if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
      // No more input and the member has not ended: the data was cut short.
      failed = Corruption("gzip: inflate: truncated data (" + std::to_string(gz.size()) +
                          " bytes end inside the stream)");
    } else if (rc != Z_OK) {
      failed = ZlibFailure("inflate", rc, zs);
    }
  }
  int end = inflateEnd(&zs);
  if (!failed.ok()) return failed;
  if (end != Z_OK) return ZlibFailure("inflateEnd", end, zs);
  return out;
}

}  // namespace corresp
