// `corresp index` resolving reviewed filings from the catalog's cache: offline, and again for
// letters already indexed when a company's submissions JSON arrives later (the real, trimmed
// JSON of tests/data/edgar/submissions, parsed as the crawler parses it).
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "core/index_schema.h"
#include "crawler/submissions_json.h"
#include "index_fixture.h"
#include "indexer/index/index_pipeline.h"
#include "store/catalog_transaction.h"

namespace corresp {
namespace {

using nlohmann::json;

constexpr Cik kAgilent{1090872};
constexpr const char* kLetter = "0000000000-16-092800";  // reviews the FY2015 10-K
constexpr const char* kTenK = "0001090872-15-000051";

json LetterRecord(const Config& config) {
  Xapian::Database db(IndexPath(config).string());
  return json::parse(
      db.get_metadata(std::string(schema::kMetaLetterPrefix) + kAgilent.Padded() + ":" + kLetter));
}

// Agilent's filings from its first JSON file and the pages it lists, as the crawler reads them.
std::vector<CompanyFiling> AgilentFilings() {
  std::string dir = std::string(CORRESP_TEST_DATA) + "/edgar/submissions/";
  Result<SubmissionsPage> first =
      ParseSubmissionsJson(testing::ReadFileBytes(dir + "CIK0001090872.json"), true);
  EXPECT_TRUE(first.ok()) << first.status().ToString();
  std::vector<CompanyFiling> all = first->filings;
  for (const SubmissionsPageRef& page : first->more_pages) {
    Result<SubmissionsPage> more =
        ParseSubmissionsJson(testing::ReadFileBytes(dir + page.name), false);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    all.insert(all.end(), more->filings.begin(), more->filings.end());
  }
  return all;
}

TEST(ReviewedResolution, UnresolvedWithoutTheCacheThenResolvedWhenItArrives) {
  auto dir = testing::MakeTestDataDir("reviewed-resolution", false);
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  auto first = IndexPending(dir->config, *dir->catalog, *dir->store);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  json before = LetterRecord(dir->config);
  ASSERT_EQ(before["reviewed_all"].size(), 1u) << before["reviewed_all"].dump();
  EXPECT_TRUE(before["reviewed_all"][0]["accession"].is_null());
  EXPECT_EQ(before["reviewed_all"][0]["basis"], "no submissions JSON");
  EXPECT_EQ(before["reviewed_all"][0]["form"], "10-K");  // kept as text

  {
    auto txn = CatalogTransaction::Begin(*dir->catalog);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(dir->catalog->SaveCompanyFilings(kAgilent, AgilentFilings(), 2).ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  auto second = IndexPending(dir->config, *dir->catalog, *dir->store);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->filings, 0u) << "nothing re-extracted";
  EXPECT_EQ(second->reresolved, 1u);
  json after = LetterRecord(dir->config);
  EXPECT_EQ(after["reviewed_all"][0]["accession"], kTenK) << after["reviewed_all"].dump();
  EXPECT_EQ(after["reviewed_all"][0]["basis"], "filed");
  EXPECT_EQ(after["reviewed"]["accession"], kTenK) << "the contract's single object";
  EXPECT_EQ(after["office"], "Office of Global Security Risk");

  // The documents were rewritten with it.
  Xapian::Database db(IndexPath(dir->config).string());
  std::string term = schema::Term(schema::kPrefixReviewed, kTenK);
  EXPECT_GT(db.get_termfreq(term), 0u);

  auto third = IndexPending(dir->config, *dir->catalog, *dir->store);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->reresolved, 0u) << "resolved since the cache was fetched";
}

}  // namespace
}  // namespace corresp
