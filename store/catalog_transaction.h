// A scoped write transaction on the catalog: the only way to group catalog writes.
//
//   CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
//   CORRESP_RETURN_IF_ERROR(catalog.SetState("watermark", day));  // early return: rolled back
//   return txn.Commit();                                           // failed COMMIT: rolled back
//
// Begin() issues BEGIN IMMEDIATE (the write lock is taken at once, so a second writer waits
// for the busy timeout instead of failing at COMMIT). Every path out of the scope ends the
// transaction: Commit() makes the writes durable; anything else — an early return, a failed
// Commit(), an exception — rolls them back, so the connection is never left inside a
// transaction and the next Begin() works. Transactions do not nest.
#pragma once

#include "core/status.h"

namespace corresp {

class Catalog;

class [[nodiscard]] CatalogTransaction {
 public:
  // Begins a transaction on `catalog`, which must outlive the returned object.
  //   kIoError      SQLite refused (busy beyond the timeout, read-only file, already inside a
  //                 transaction); the message starts with "BEGIN IMMEDIATE"
  static Result<CatalogTransaction> Begin(Catalog& catalog);

  // Commits. Ok: the writes are durable and visible to other connections.
  //   kIoError / kCorruption  COMMIT failed (disk full, I/O error, busy, a deferred
  //                           constraint): the writes are rolled back and the message starts
  //                           with "COMMIT"; it also says when the rollback failed as well
  //   kInternal               the transaction was already committed or moved from
  [[nodiscard]] Status Commit();

  // True while this transaction is open on `catalog` (not yet committed, rolled back or
  // moved from): how a write of several statements checks that it is covered.
  bool Covers(const Catalog& catalog) const { return catalog_ == &catalog; }

  // Rolls back unless committed; a rollback failure cannot be reported from here and leaves
  // SQLite to discard the transaction when the connection closes.
  ~CatalogTransaction();

  CatalogTransaction(CatalogTransaction&& other) noexcept;
  CatalogTransaction& operator=(CatalogTransaction&&) = delete;
  CatalogTransaction(const CatalogTransaction&) = delete;
  CatalogTransaction& operator=(const CatalogTransaction&) = delete;

 private:
  explicit CatalogTransaction(Catalog* catalog) : catalog_(catalog) {}
  Status RollbackIfOpen();
  Catalog* catalog_;  // nullptr once committed, rolled back or moved from
};

}  // namespace corresp
