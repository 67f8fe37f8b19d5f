// `corresp gc`: removes document-store objects that no catalog row references (left by a
// crawl killed between storing a document and recording its filing), and stale temp files.
// The caller must hold the data-dir lock: a concurrent crawl could otherwise store an object
// and have it collected before it records the filing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace corresp {

class Catalog;
class DocumentStore;

struct GcReport {
  std::size_t objects = 0;        // objects in the store before
  std::size_t referenced = 0;     // objects the catalog references
  std::size_t removed = 0;        // unreferenced objects deleted (or that would be, on dry run)
  std::uint64_t bytes_freed = 0;  // compressed bytes deleted
  std::size_t temp_files = 0;     // stale temp files deleted
};

// Deletes unreferenced objects unless `dry_run`. Fails only on catalog or listing errors.
Result<GcReport> CollectGarbage(const Catalog& catalog, DocumentStore& store, bool dry_run);

}  // namespace corresp
