#include "pipeline/gc.h"

#include <algorithm>
#include <filesystem>

#include "store/catalog.h"
#include "store/document_store.h"

namespace corresp {

Result<GcReport> CollectGarbage(const Catalog& catalog, DocumentStore& store, bool dry_run) {
  GcReport report;
  report.temp_files = dry_run ? 0 : store.RemoveStaleTemps();
  CORRESP_ASSIGN_OR_RETURN(std::vector<std::string> objects, store.List());
  CORRESP_ASSIGN_OR_RETURN(std::vector<std::string> referenced, catalog.ReferencedObjects());
  report.objects = objects.size();
  report.referenced = referenced.size();
  for (const std::string& key : objects) {
    if (std::binary_search(referenced.begin(), referenced.end(), key)) continue;
    std::error_code ec;
    std::uintmax_t size = std::filesystem::file_size(store.ObjectPath(key), ec);
    if (!dry_run) CORRESP_RETURN_IF_ERROR(store.Remove(key));
    ++report.removed;
    if (!ec) report.bytes_freed += size;
  }
  return report;
}

}  // namespace corresp
