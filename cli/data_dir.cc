#include "cli/data_dir.h"

namespace corresp {

Result<WriterSession> OpenForWriting(const Config& config) {
  WriterSession session;
  CORRESP_ASSIGN_OR_RETURN(session.lock, DataDirLock::Acquire(config.data_dir));
  CORRESP_ASSIGN_OR_RETURN(session.catalog, Catalog::Open(CatalogPath(config)));
  CORRESP_ASSIGN_OR_RETURN(session.store, DocumentStore::Open(StorePath(config)));
  return session;
}

}  // namespace corresp
