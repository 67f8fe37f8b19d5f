#include "store/catalog_transaction.h"

#include <sqlite3.h>

#include <utility>

#include "store/catalog.h"
#include "store/sqlite_statement.h"

namespace corresp {

Result<CatalogTransaction> CatalogTransaction::Begin(Catalog& catalog) {
  Status begun = ExecSql(catalog.db_, "BEGIN IMMEDIATE");
  if (!begun.ok()) return begun.WithContext("BEGIN IMMEDIATE");
  return CatalogTransaction(&catalog);
}

Status CatalogTransaction::Commit() {
  if (catalog_ == nullptr) return Internal("COMMIT: the transaction has already ended");
  Status committed = ExecSql(catalog_->db_, "COMMIT");
  if (committed.ok()) {
    catalog_ = nullptr;
    return committed;
  }
  committed = committed.WithContext("COMMIT (rolled back)");
  Status rolled_back = RollbackIfOpen();
  if (!rolled_back.ok())
    return {committed.code(), committed.message() + "; " + rolled_back.message()};
  return committed;
}

CatalogTransaction::~CatalogTransaction() { RollbackIfOpen().IgnoreError(); }

CatalogTransaction::CatalogTransaction(CatalogTransaction&& other) noexcept
    : catalog_(std::exchange(other.catalog_, nullptr)) {}

Status CatalogTransaction::RollbackIfOpen() {
  Catalog* catalog = std::exchange(catalog_, nullptr);
  if (catalog == nullptr) return Status::Ok();
  // Some failures (SQLITE_FULL, SQLITE_IOERR, ...) make SQLite roll back by itself; then there
  // is nothing left to roll back and ROLLBACK would only fail with "no transaction is active".
  if (sqlite3_get_autocommit(catalog->db_) != 0) return Status::Ok();
  return ExecSql(catalog->db_, "ROLLBACK").WithContext("ROLLBACK");
}

}  // namespace corresp
