#include "indexer/index/compact.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>

namespace corresp {

namespace fs = std::filesystem;

namespace {

std::uintmax_t FolderBytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

// Flushes a file or folder to disk; false on failure.
bool SyncPath(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
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

}  // namespace

Result<CompactReport> CompactIndex(const fs::path& index) {
  auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  if (!fs::is_directory(index, ec))
    return NotFound(index.string() + ": no index (run `corresp index` first)");
  fs::path copy = index;
  copy += ".compacting";
  fs::remove_all(copy, ec);  // a crashed run's partial copy, or the old index of the last swap
  if (ec) return IoError(copy.string() + ": cannot remove stale copy: " + ec.message());
  CompactReport report;
  report.bytes_before = FolderBytes(index);
  try {
    Xapian::Database db(index.string());
    db.compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    fs::remove_all(copy, ec);
    return IoError(index.string() + ": compaction failed: " + e.get_type() + ": " + e.get_msg());
  }
  CORRESP_RETURN_IF_ERROR(SyncFolder(copy));
  if (::renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, index.c_str(), RENAME_EXCHANGE) != 0)
    return IoError(index.string() + ": cannot swap in the compacted index: " +
                   std::error_code(errno, std::generic_category()).message());
  if (!SyncPath(index.parent_path().empty() ? fs::path(".") : index.parent_path()))
    return IoError(index.parent_path().string() + ": fsync failed");
  report.bytes_after = FolderBytes(index);
  fs::remove_all(copy, ec);  // now the old index; a failure leaves it for the next run
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace corresp
