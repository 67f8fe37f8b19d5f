// Searches keep answering while `corresp index` writes: a reader opened before runs searches
// throughout a re-index in place (the writer commits every few filings) and then a rebuild
// (a new index swapped in for the one it reads), and never fails.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "index_fixture.h"
#include "indexer/index/index_pipeline.h"
#include "query/search.h"

namespace corresp {
namespace {

TEST(ConcurrentRead, SearchesKeepAnsweringDuringIndexing) {
  auto dir = testing::MakeTestDataDir("concurrent-read", true);
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  ASSERT_TRUE(IndexPending(dir->config, *dir->catalog, *dir->store).ok());
  auto reader = IndexReader::Open(IndexPath(dir->config));
  ASSERT_TRUE(reader.ok());

  std::atomic<bool> done{false};
  Status writer_status;
  std::thread writer([&] {
    // The writer thread uses its own catalog connection.
    auto catalog = Catalog::Open(CatalogPath(dir->config));
    if (!catalog.ok()) {
      writer_status = catalog.status();
      done = true;
      return;
    }
    IndexOptions options;
    options.batch_size = 3;
    for (int round = 0; round < 2 && writer_status.ok(); ++round) {
      options.rebuild = round == 1;
      if (round == 0) writer_status = (*catalog)->ClearIndexed();  // every letter, in place
      if (!writer_status.ok()) break;
      auto report = IndexPending(dir->config, **catalog, *dir->store, options);
      if (!report.ok()) writer_status = report.status();
    }
    done = true;
  });
  int searches = 0, failures = 0;
  std::string last_error;
  while (!done || searches < 5) {
    SearchRequest r;
    r.query = "\"hedge accounting\"";
    auto res = Search(**reader, r);
    ++searches;
    if (!res.ok()) {
      ++failures;
      last_error = res.status().ToString();
    } else if (res->hits.empty()) {
      ++failures;
      last_error = "no hits";
    }
  }
  writer.join();
  EXPECT_TRUE(writer_status.ok()) << writer_status.ToString();
  EXPECT_EQ(failures, 0) << last_error;
  EXPECT_GT(searches, 5);
}

// `corresp serve` runs one reader per thread. Searches on several threads at once must share
// nothing unsynchronised (a copied Xapian::Query::MatchAll, whose reference count is not
// atomic, crashed the server under load): many parallel filter-only searches.
TEST(ConcurrentRead, ParallelReadersShareNothing) {
  auto dir = testing::MakeTestDataDir("parallel-readers", true);
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  ASSERT_TRUE(IndexPending(dir->config, *dir->catalog, *dir->store).ok());
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      auto reader = IndexReader::Open(IndexPath(dir->config));
      if (!reader.ok()) return void(++failures);
      for (int i = 0; i < 3000; ++i) {
        SearchRequest r;  // no query text: the match-all query plus a filter
        r.kind = i % 2 ? "comment" : "response";
        r.limit = 1;
        auto res = Search(**reader, r);
        if (!res.ok() || res->total == 0) ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures, 0);
}

// A reader left open (as `corresp serve` keeps one) sees letters indexed after it opened, on
// its next search, with no error to trigger a reopen.
TEST(ConcurrentRead, AnOpenReaderSeesNewlyIndexedLetters) {
  auto dir = testing::MakeTestDataDir("reader-sees-new", false);
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  ASSERT_TRUE(IndexPending(dir->config, *dir->catalog, *dir->store).ok());
  auto reader = IndexReader::Open(IndexPath(dir->config));
  ASSERT_TRUE(reader.ok());
  SearchRequest r;
  r.query = "\"loans held for sale\"";
  r.cik = testing::kSeedCik;
  auto before = Search(**reader, r);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->total, 0);

  ASSERT_TRUE(testing::AddSeedFiling(*dir).ok());
  ASSERT_TRUE(IndexPending(dir->config, *dir->catalog, *dir->store).ok());
  auto after = Search(**reader, r);
  ASSERT_TRUE(after.ok());
  ASSERT_GT(after->total, 0);
  EXPECT_EQ(after->hits[0].accession, testing::kSeedAccession);
}

}  // namespace
}  // namespace corresp
