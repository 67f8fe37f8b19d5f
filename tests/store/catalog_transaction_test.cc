// CatalogTransaction on a real SQLite file: what a second connection sees after a commit, an
// early return and a failed COMMIT, and that the connection is usable again afterwards.
#include "store/catalog_transaction.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/catalog.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

constexpr const char* kKey = "watermark";

class CatalogTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = Open();
    ASSERT_TRUE(catalog_);
    ASSERT_TRUE(catalog_->SetState(kKey, "2016-10-28").ok());
  }
  std::unique_ptr<Catalog> Open() {
    auto c = Catalog::Open(dir_.path() / "catalog.sqlite");
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(c).value() : nullptr;
  }
  // The watermark as a separate connection to the same file reads it.
  std::string WatermarkSeenByAnotherConnection() {
    std::unique_ptr<Catalog> other = Open();
    if (!other) return "<cannot open>";
    auto value = other->GetState(kKey);
    return value.ok() && value->has_value() ? **value : "<none>";
  }
  bool InsideTransaction() const { return sqlite3_get_autocommit(catalog_->handle()) == 0; }

  testing::TempDir dir_;
  std::unique_ptr<Catalog> catalog_;
};

TEST_F(CatalogTransactionTest, CommitPersists) {
  {
    auto txn = CatalogTransaction::Begin(*catalog_);
    ASSERT_TRUE(txn.ok()) << txn.status().ToString();
    ASSERT_TRUE(catalog_->SetState(kKey, "2016-11-01").ok());
    EXPECT_EQ(WatermarkSeenByAnotherConnection(), "2016-10-28") << "not visible before COMMIT";
    Status committed = txn->Commit();
    ASSERT_TRUE(committed.ok()) << committed.ToString();
  }
  EXPECT_FALSE(InsideTransaction());
  catalog_.reset();
  EXPECT_EQ(WatermarkSeenByAnotherConnection(), "2016-11-01");
}

// The shape of every call site: writes, then an error returns before Commit().
Status WriteThenFail(Catalog& catalog) {
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  CORRESP_RETURN_IF_ERROR(catalog.SetState(kKey, "2016-11-01"));
  CORRESP_RETURN_IF_ERROR(NotFound("the next index day is missing"));
  return txn.Commit();
}

TEST_F(CatalogTransactionTest, EarlyReturnRollsBack) {
  Status s = WriteThenFail(*catalog_);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_FALSE(InsideTransaction());
  EXPECT_EQ(**catalog_->GetState(kKey), "2016-10-28");
  EXPECT_EQ(WatermarkSeenByAnotherConnection(), "2016-10-28");
}

TEST_F(CatalogTransactionTest, FailedCommitRollsBackAndReports) {
  auto txn = CatalogTransaction::Begin(*catalog_);
  ASSERT_TRUE(txn.ok()) << txn.status().ToString();
  ASSERT_TRUE(catalog_->SetState(kKey, "2016-11-01").ok());
  // A document of a filing that does not exist, with the foreign key checked only at COMMIT:
  // SQLite then refuses the COMMIT and keeps the transaction open.
  sqlite3* db = catalog_->handle();
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA defer_foreign_keys=ON", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO documents (accession, sequence, sha256) "
                         "VALUES ('0000000000-16-000000', 1, 'x')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);

  Status committed = txn->Commit();
  EXPECT_EQ(committed.code(), StatusCode::kIoError);
  EXPECT_EQ(committed.message().rfind("COMMIT (rolled back): ", 0), 0u) << committed.ToString();
  EXPECT_NE(committed.message().find("FOREIGN KEY constraint failed"), std::string::npos)
      << committed.ToString();
  EXPECT_FALSE(InsideTransaction()) << "the failed COMMIT left the transaction open";
  EXPECT_EQ(**catalog_->GetState(kKey), "2016-10-28");
  EXPECT_EQ(WatermarkSeenByAnotherConnection(), "2016-10-28");

  // The connection works again: the next transaction begins and commits.
  auto next = CatalogTransaction::Begin(*catalog_);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  ASSERT_TRUE(catalog_->SetState(kKey, "2016-11-02").ok());
  ASSERT_TRUE(next->Commit().ok());
  EXPECT_EQ(WatermarkSeenByAnotherConnection(), "2016-11-02");
}

TEST_F(CatalogTransactionTest, TransactionsDoNotNest) {
  auto outer = CatalogTransaction::Begin(*catalog_);
  ASSERT_TRUE(outer.ok());
  auto inner = CatalogTransaction::Begin(*catalog_);
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.status().code(), StatusCode::kIoError);
  EXPECT_EQ(inner.status().message().rfind("BEGIN IMMEDIATE: ", 0), 0u)
      << inner.status().ToString();
  EXPECT_TRUE(outer->Commit().ok()) << "the failed inner Begin left the outer one alone";
}

TEST_F(CatalogTransactionTest, CommitTwiceIsAnInternalError) {
  auto txn = CatalogTransaction::Begin(*catalog_);
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(txn->Commit().code(), StatusCode::kInternal);
}

TEST_F(CatalogTransactionTest, AMovedTransactionEndsOnce) {
  auto txn = CatalogTransaction::Begin(*catalog_);
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(catalog_->SetState(kKey, "2016-11-01").ok());
  CatalogTransaction moved = std::move(txn).value();
  ASSERT_TRUE(moved.Commit().ok());
  EXPECT_EQ(WatermarkSeenByAnotherConnection(), "2016-11-01");
}

}  // namespace
}  // namespace corresp
