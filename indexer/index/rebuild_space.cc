#include "indexer/index/rebuild_space.h"

#include <cstdio>
#include <string>

#include "indexer/index/backfill_writers.h"
#include "indexer/index/folder_swap.h"

namespace corresp {
namespace fs = std::filesystem;
namespace {

// "16.6 GB", "38.2 MB".
std::string Size(std::uintmax_t bytes) {
  char text[32];
  double b = static_cast<double>(bytes);
  if (b >= 1e9) {
    std::snprintf(text, sizeof text, "%.1f GB", b / 1e9);
  } else {
    std::snprintf(text, sizeof text, "%.1f MB", b / 1e6);
  }
  return text;
}

}  // namespace

Result<std::uintmax_t> FreeSpaceOf(const fs::path& path) {
  std::error_code ec;
  fs::space_info info = fs::space(path, ec);
  if (ec) return IoError(path.string() + ": free space unknown: " + ec.message());
  return info.available;
}

Result<RebuildSpace> MeasureRebuildSpace(const fs::path& index, const FreeSpaceFn& free_space) {
  RebuildSpace space;
  space.folder = index.parent_path().empty() ? fs::path(".") : index.parent_path();
  space.index_bytes = FolderBytes(index);
  for (const fs::path& leftover : BackfillWriters::Leftovers(index))
    space.partial_bytes += FolderBytes(leftover);
  auto wanted = static_cast<std::uintmax_t>(kRebuildSpaceFactor * space.index_bytes);
  space.needed = wanted > space.partial_bytes ? wanted - space.partial_bytes : 0;
  CORRESP_ASSIGN_OR_RETURN(space.available, free_space(space.folder));
  return space;
}

Status CheckRebuildSpace(const fs::path& index, const FreeSpaceFn& free_space) {
  CORRESP_ASSIGN_OR_RETURN(RebuildSpace space, MeasureRebuildSpace(index, free_space));
  if (space.available >= space.needed) return Status::Ok();
  return ResourceExhausted(
      "a rebuild needs about " + Size(space.needed) + " free in " + space.folder.string() +
      " (the new index's partials and merged copy beside the index of " + Size(space.index_bytes) +
      ", which answers searches until the swap); " + Size(space.available) +
      " are free. Free some space, or pass --ignore-free-space to try anyway");
}

}  // namespace corresp
