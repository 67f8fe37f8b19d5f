// End-to-end crawls over loopback HTTP against the real edgar-mirror serving tests/data/edgar.
#include <gtest/gtest.h>

#include <algorithm>

#include "crawler/crawl.h"
#include "tests/crawler/crawl_fixture.h"
#include "tests/mirror/mirror_process.h"

namespace corresp {
namespace {

using test::MirrorLogRow;
using test::MirrorProcess;
using testing::CrawlRange;
using testing::ExpectLettersStored;
using testing::kCrawlToday;
using testing::MirrorConfig;
using testing::MirrorLog;
using testing::OpenData;
using testing::ReleasedBetween;
using testing::TempDir;

long CountPaths(const std::vector<MirrorLogRow>& rows, std::string_view part) {
  return std::count_if(rows.begin(), rows.end(), [&](const MirrorLogRow& r) {
    return r.path.find(part) != std::string::npos;
  });
}

TEST(CrawlE2eTest, FullIndexCrawlStoresEveryLetterThenSkipsThem) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  Config config = MirrorConfig((*mirror)->base_url(), dir.path());
  auto data = OpenData(config);
  ASSERT_TRUE(data.catalog);

  auto report = RunCrawl(CrawlRange({2016, 1, 1}, {2025, 12, 31}), config, *data.catalog,
                         *data.store, nullptr);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto rows = ReleasedBetween("2016-01-01", "2025-12-31");
  ASSERT_EQ(rows.size(), static_cast<size_t>(testing::kSliceLetters));
  EXPECT_EQ(report->index_files, 40);  // one full index per quarter, 2016..2025
  EXPECT_EQ(report->discovered, testing::kSliceLetters);
  EXPECT_EQ(report->fetched, testing::kSliceLetters);
  EXPECT_EQ(report->failed, 0) << report->failures[0].reason;
  // One per index file, one per filing, then each company's submissions JSON (and the pages of
  // it that reach back to its letters).
  auto first_log = MirrorLog(**mirror);
  long submissions = CountPaths(first_log, "/submissions/");
  EXPECT_EQ(report->submissions, testing::kSliceCompanies);  // every company of the slice
  EXPECT_GE(submissions, 10);
  EXPECT_EQ(report->requests,
            40u + testing::kSliceLetters + static_cast<std::uint64_t>(submissions));
  EXPECT_GT(report->bytes, 1000000u);
  EXPECT_EQ(ExpectLettersStored(*data.catalog, *data.store, rows), testing::kSliceLetters);

  auto before = MirrorLog(**mirror).size();
  auto again = RunCrawl(CrawlRange({2016, 1, 1}, {2025, 12, 31}), config, *data.catalog,
                        *data.store, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->skipped, testing::kSliceLetters);
  EXPECT_EQ(again->fetched, 0);
  auto log = MirrorLog(**mirror);
  std::vector<MirrorLogRow> second(log.begin() + before, log.end());
  EXPECT_EQ(CountPaths(second, "/Archives/edgar/data/"), 0);  // no request for a known filing
  EXPECT_EQ(CountPaths(second, "/submissions/"), 0);          // copies newer than every letter
  auto counts = data.catalog->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->filings, testing::kSliceLetters);
  EXPECT_EQ(counts->upload + counts->corresp, testing::kSliceLetters);
}

TEST(CrawlE2eTest, DailyIndexesCoverAPartialQuarter) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  Config config = MirrorConfig((*mirror)->base_url(), dir.path());
  auto data = OpenData(config);
  ASSERT_TRUE(data.catalog);
  // 2019-10-01 (Tue) .. 2019-10-13 (Sun): 9 weekdays.
  auto report = RunCrawl(CrawlRange({2019, 10, 1}, {2019, 10, 13}), config, *data.catalog,
                         *data.store, nullptr);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->index_files, 9);
  EXPECT_EQ(report->failed, 0);
  auto rows = ReleasedBetween("2019-10-01", "2019-10-13");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(report->fetched, 3);
  EXPECT_EQ(ExpectLettersStored(*data.catalog, *data.store, rows), 3);
  auto log = MirrorLog(**mirror);
  EXPECT_EQ(CountPaths(log, "/daily-index/2019/QTR4/master.2019"), 9);
  EXPECT_EQ(CountPaths(log, "full-index"), 0);
  EXPECT_EQ(CountPaths(log, "master.20191005"), 0);  // a Saturday: never asked
  auto filing = data.catalog->GetFiling(*Accession::Parse("0000000000-19-013210"));
  ASSERT_TRUE(filing.ok() && filing->has_value());
  EXPECT_EQ((*filing)->index_day, (Date{2019, 10, 3}));
  EXPECT_EQ((*filing)->sic, "6021");
}

TEST(CrawlE2eTest, DailyIndexNotFoundMeansNoFilings) {
  auto mirror = MirrorProcess::Start({"--hide-daily-after", "2019-10-02"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  Config config = MirrorConfig((*mirror)->base_url(), dir.path());
  auto data = OpenData(config);
  ASSERT_TRUE(data.catalog);
  auto report = RunCrawl(CrawlRange({2019, 10, 1}, {2019, 10, 4}), config, *data.catalog,
                         *data.store, nullptr);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->index_files, 4);
  EXPECT_EQ(report->failed, 0);
  EXPECT_EQ(report->discovered, 0);
}

TEST(CrawlE2eTest, FormAndCikFilters) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  Config config = MirrorConfig((*mirror)->base_url(), dir.path());
  auto data = OpenData(config);
  ASSERT_TRUE(data.catalog);
  CrawlRequest request = CrawlRange({2019, 10, 1}, {2019, 12, 31});
  request.forms = {"UPLOAD"};
  request.ciks = {Cik{831001}};
  auto report = RunCrawl(request, config, *data.catalog, *data.store, nullptr);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->discovered, 2);
  EXPECT_EQ(report->fetched, 2);
  auto filings = data.catalog->ListFilings();
  ASSERT_TRUE(filings.ok());
  for (const Filing& f : *filings) EXPECT_EQ(f.form, "UPLOAD");
}

}  // namespace
}  // namespace corresp
