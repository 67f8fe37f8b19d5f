// Opening a catalog written by an older corresp migrates it in place, keeping its rows.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/catalog.h"
#include "store/catalog_schema.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
}

TEST(CatalogMigrationTest, MigratesEachOlderSchemaKeepingData) {
  for (int old_version = 0; old_version < Catalog::kSchemaVersion; ++old_version) {
    testing::TempDir dir;
    std::filesystem::path file = dir.path() / "catalog.sqlite";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    for (int v = 0; v < old_version; ++v) Exec(db, CatalogMigrations()[static_cast<size_t>(v)]);
    Exec(db, "PRAGMA user_version=" + std::to_string(old_version));
    if (old_version >= 1) {
      Exec(db,
           "INSERT INTO filings (accession, cik, company, form, date_filed, fetch_state) VALUES "
           "('0000000000-16-092800', 1090872, 'AGILENT', 'UPLOAD', '2016-09-14', 'fetched');"
           "INSERT INTO state VALUES ('watermark', '2016-10-28');");
    }
    sqlite3_close(db);

    auto catalog = Catalog::Open(file);
    ASSERT_TRUE(catalog.ok()) << "from v" << old_version << ": " << catalog.status().ToString();
    EXPECT_EQ(*(*catalog)->SchemaVersion(), Catalog::kSchemaVersion);
    if (old_version >= 1) {
      auto f = *(*catalog)->GetFiling(*Accession::Parse("0000000000-16-092800"));
      ASSERT_TRUE(f.has_value()) << "row kept from v" << old_version;
      EXPECT_EQ(f->fetch_state, FetchState::kFetched);
      EXPECT_EQ(f->company, "AGILENT");
      EXPECT_EQ(**(*catalog)->GetState("watermark"), "2016-10-28");
      EXPECT_EQ((*catalog)->ListToIndex(1)->size(), 1u) << "new columns default to not indexed";
    }
    // Reopening an up-to-date catalog changes nothing.
    catalog->reset();
    EXPECT_EQ(*(*Catalog::Open(file))->SchemaVersion(), Catalog::kSchemaVersion);
  }
}

TEST(CatalogMigrationTest, RefusesANewerSchema) {
  testing::TempDir dir;
  std::filesystem::path file = dir.path() / "catalog.sqlite";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  Exec(db, "PRAGMA user_version=99");
  sqlite3_close(db);
  auto catalog = Catalog::Open(file);
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.status().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace corresp
