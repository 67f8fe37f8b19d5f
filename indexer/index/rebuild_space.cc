#include "indexer/index/rebuild_space.h"

#include <cstdio>
#include <string>
#include <system_error>

namespace corresp {
namespace fs = std::filesystem;
namespace {

// The bytes of the regular files under `root` (0 when it does not exist).
Result<std::uintmax_t> BytesUnder(const fs::path& root) {
  std::error_code ec;
  if (!fs::exists(root, ec)) return std::uintmax_t{0};
  if (fs::is_regular_file(root, ec)) return fs::file_size(root);
  std::uintmax_t total = 0;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) total += it->file_size(size_ec);
  }
  if (ec) return IoError(root.string() + ": " + ec.message());
  return total;
}

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
  CORRESP_ASSIGN_OR_RETURN(space.index_bytes, BytesUnder(index));
  fs::path dir = index.parent_path().empty() ? fs::path(".") : index.parent_path();
  std::string part = index.filename().string() + ".part-";
  std::string merging = index.filename().string() + ".merging";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(part, 0) != 0 && name != merging) continue;
    CORRESP_ASSIGN_OR_RETURN(std::uintmax_t bytes, BytesUnder(e.path()));
    space.partial_bytes += bytes;
  }
  if (ec) return IoError(dir.string() + ": " + ec.message());
  auto wanted = static_cast<std::uintmax_t>(kRebuildSpaceFactor * space.index_bytes);
  space.needed = wanted > space.partial_bytes ? wanted - space.partial_bytes : 0;
  CORRESP_ASSIGN_OR_RETURN(space.available, free_space(dir));
  return space;
}

Status CheckRebuildSpace(const fs::path& index, const FreeSpaceFn& free_space) {
  CORRESP_ASSIGN_OR_RETURN(RebuildSpace space, MeasureRebuildSpace(index, free_space));
  if (space.available >= space.needed) return Status::Ok();
  fs::path dir = index.parent_path().empty() ? fs::path(".") : index.parent_path();
  return ResourceExhausted(
      "a rebuild needs about " + Size(space.needed) + " free in " + dir.string() +
      " (the new index's partials and merged copy beside the index of " + Size(space.index_bytes) +
      ", which answers searches until the swap); " + Size(space.available) +
      " are free. Free some space, or pass --ignore-free-space to try anyway");
}

}  // namespace corresp
