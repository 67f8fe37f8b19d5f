// Compaction of the Xapian index: rewrites it with full, contiguous B-tree blocks. An index
// built up commit by commit is ~30% larger and slower to search than its compacted copy
// (bench/search, 1M comments: 11.5 -> 8.3 KB per comment, p99 58 -> 50 ms).
//
// The compacted copy is written next to the index (INDEX.compacting) and swapped in with one
// atomic rename exchange, so a crash leaves either the old or the new index whole; a stale
// copy from a crashed run is removed first. Document ids are kept (the letterdocs: metadata
// refers to them). Readers that have the old index open keep answering and move to the new
// one on their next reopen (query/index_reader.h).
//
// The caller must hold the data dir's writer lock (store/data_dir_lock.h): no index writer
// may commit during compaction.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/status.h"

namespace corresp {

struct CompactReport {
  std::uintmax_t bytes_before = 0;
  std::uintmax_t bytes_after = 0;
  double seconds = 0;
};

Result<CompactReport> CompactIndex(const std::filesystem::path& index);

}  // namespace corresp
