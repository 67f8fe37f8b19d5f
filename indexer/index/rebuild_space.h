// Free space for a rebuild (`corresp index --rebuild`, index_pipeline.h): the new index is
// written beside the old one, which keeps answering searches until the swap, so the disk holds
// the old index, the partials the backfill writers fill and the merged copy at the same time.
// A rebuild that runs out of space stops with the old index whole, but only after hours at 3M
// items; this check refuses it before it starts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/status.h"

namespace corresp {

// The partials hold ~1.4x the merged index (uncompacted; 3M items, bench/search/README.md)
// and the merge writes a copy of ~1x the index before the swap: 2.4x the index beside it.
inline constexpr double kRebuildSpaceFactor = 2.4;

struct RebuildSpace {
  std::filesystem::path folder;      // the folder holding the index, where the rebuild writes
  std::uintmax_t index_bytes = 0;    // the index now (the new one is taken to be as large)
  std::uintmax_t partial_bytes = 0;  // what an interrupted rebuild's partials already hold
  std::uintmax_t needed = 0;         // free bytes the rebuild still needs
  std::uintmax_t available = 0;      // free bytes on the index's file system
};

// The bytes an unprivileged user may still write on the file system holding `path`.
using FreeSpaceFn = std::function<Result<std::uintmax_t>(const std::filesystem::path&)>;
Result<std::uintmax_t> FreeSpaceOf(const std::filesystem::path& path);

// The index's size, its partials' (BackfillWriters::Leftovers) and the free space of the folder
// holding it: needed = kRebuildSpaceFactor x index - partials (0 without an index). Sizes are
// FolderBytes's: the files of each Xapian folder (they have no subfolders).
Result<RebuildSpace> MeasureRebuildSpace(const std::filesystem::path& index,
                                         const FreeSpaceFn& free_space);

// OK when the rebuild fits; otherwise a ResourceExhausted error naming the index's folder, the
// bytes needed and the bytes free.
Status CheckRebuildSpace(const std::filesystem::path& index, const FreeSpaceFn& free_space);

}  // namespace corresp
