// Putting a freshly written index folder in place of another, durably: what compaction
// (compact.h) and the merge of partial indexes (partial_merge.h) both end with.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/status.h"

namespace corresp {

// Bytes of the regular files directly in `dir` (an index folder); 0 when it is missing.
std::uintmax_t FolderBytes(const std::filesystem::path& dir);

// Fsyncs every regular file of `dir`, then `dir` itself. kIoError naming the path on failure.
Status SyncFolder(const std::filesystem::path& dir);

// Puts the synced folder `ready` at `target` with one atomic rename: exchanged with `target`
// when it exists (then `ready` names the old folder, which the caller removes), renamed onto it
// otherwise; then fsyncs their parent. A crash leaves either the old or the new folder at
// `target`, whole. kIoError when the rename or the fsync fails (then `target` is unchanged
// unless only the final fsync failed).
Status SwapFolderIn(const std::filesystem::path& ready, const std::filesystem::path& target);

}  // namespace corresp
