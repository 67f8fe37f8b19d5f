#include "indexer/index/folder_swap.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace corresp {

namespace fs = std::filesystem;

namespace {

// Flushes a file or folder to disk; false on failure.
bool SyncPath(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

std::uintmax_t FolderBytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

Status SyncFolder(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && !SyncPath(e.path()))
      return IoError(e.path().string() + ": fsync failed");
  if (ec) return IoError(dir.string() + ": " + ec.message());
  if (!SyncPath(dir)) return IoError(dir.string() + ": fsync failed");
  return Status::Ok();
}

Status SwapFolderIn(const fs::path& ready, const fs::path& target) {
  std::error_code ec;
  bool exists = fs::exists(target, ec);
  int rc = exists ? ::renameat2(AT_FDCWD, ready.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE)
                  : ::rename(ready.c_str(), target.c_str());
  if (rc != 0)
    return IoError(target.string() + ": cannot swap in " + ready.string() + ": " +
                   std::error_code(errno, std::generic_category()).message());
  fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!SyncPath(parent)) return IoError(parent.string() + ": fsync failed");
  return Status::Ok();
}

}  // namespace corresp
