// Opening the data directory for a command: writers take the lock first, then the catalog and
// the document store; readers open the catalog only.
#pragma once

#include <memory>

#include "config/options.h"
#include "core/status.h"
#include "store/catalog.h"
#include "store/data_dir_lock.h"
#include "store/document_store.h"

namespace corresp {

struct WriterSession {
  std::unique_ptr<DataDirLock> lock;
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<DocumentStore> store;
};

// kUnavailable (naming the holder's pid) when another writer runs; kIoError/kCorruption when
// the catalog or store cannot be opened.
Result<WriterSession> OpenForWriting(const Config& config);

}  // namespace corresp
