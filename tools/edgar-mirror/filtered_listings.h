// Daily-index listings (index.json) as seen on a cutoff day, memoized: filtering parses the
// JSON, so each (listing, cutoff) is filtered and gzipped once, and again only when the
// file changes. Thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "core/date.h"
#include "core/status.h"
#include "tools/edgar-mirror/file_cache.h"

namespace corresp::mirror {

class FilteredListings {
 public:
  explicit FilteredListings(FileCache* files) : files_(files) {}

  // ROOT/rel_path as it reads on day `cutoff` (see FilterDailyListing), gzipped when
  // `gzip`; files that need no filtering come straight from the FileCache. Errors as
  // FileCache::Get.
  Result<Bytes> Get(const std::string& rel_path, Date cutoff, bool gzip);

 private:
  struct Entry {
    Bytes source;    // the file bytes this was computed from (identity check)
    Bytes filtered;  // null when nothing is hidden
    Bytes gzipped;   // null until asked for
  };

  FileCache* files_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // key: cutoff + ' ' + rel_path
};

}  // namespace corresp::mirror
