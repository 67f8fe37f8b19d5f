// Bytes of the files under the mirror root, with small files (and their gzip form) kept in
// memory. Every lookup stat()s the file, so files added, removed or replaced while the
// mirror runs are seen at once (a replacement is detected by inode, size or mtime).
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/status.h"

namespace corresp::mirror {

using Bytes = std::shared_ptr<const std::string>;

class FileCache {
 public:
  // Files up to max_file_bytes are cached while the cache holds under budget_bytes.
  FileCache(std::string root, std::size_t max_file_bytes, std::size_t budget_bytes);

  // The content of ROOT/rel_path (symlinks followed), gzip-compressed when `gzip`.
  // kNotFound when it does not exist or is not a regular file; kIoError when it cannot be
  // read; kInternal when compression fails.
  Result<Bytes> Get(const std::string& rel_path, bool gzip);

 private:
  struct Identity {
    std::uint64_t dev = 0, ino = 0, size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const Identity&) const = default;
  };
  struct Entry {
    Identity id;
    Bytes plain;
    Bytes gzipped;  // null until first asked for
  };

  Result<Identity> Stat(const std::string& path) const;
  // The cached form, or null when absent or stale.
  Bytes Lookup(const std::string& rel_path, const Identity& id, bool gzip);
  void Store(const std::string& rel_path, const Identity& id, Bytes plain, Bytes gzipped);

  const std::string root_;
  const std::size_t max_file_bytes_;
  const std::size_t budget_bytes_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t cached_bytes_ = 0;
};

}  // namespace corresp::mirror
