#include "indexer/index/compact.h"

#include <xapian.h>

#include <chrono>

#include "indexer/index/folder_swap.h"

namespace corresp {

namespace fs = std::filesystem;

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
  CORRESP_RETURN_IF_ERROR(SwapFolderIn(copy, index));
  report.bytes_after = FolderBytes(index);
  fs::remove_all(copy, ec);  // now the old index; a failure leaves it for the next run
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace corresp
