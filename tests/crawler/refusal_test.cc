// The fetcher and the crawl against refusals, redirects and cut bodies over loopback HTTP
// (edgar-mirror's --fault modes): a CDN's 403 pauses everything, Retry-After is honoured,
// redirects go through the limiter, a chunked body cut short is retried, never stored.
#include <gtest/gtest.h>

#include <algorithm>

#include "crawler/http_fetcher.h"
#include "tests/crawler/crawl_fixture.h"
#include "tests/crawler/fetch_fixture.h"
#include "tests/mirror/mirror_process.h"

namespace corresp {
namespace {

using test::MirrorLogRow;
using test::MirrorProcess;
using testing::CrawlYearIntact;
using testing::FetchAll;
using testing::FetcherTestOptions;
using testing::MirrorLog;

const char* kPdf = "/Archives/edgar/data/831001/000000000019013210/filename1.pdf";
const char* kTxt = "/Archives/edgar/data/1039684/0000000000-16-063611.txt";

// One fetch through its own fetcher, with the fetcher's counters.
Result<FetchResponse> FetchOne(const CrawlOptions& options, const std::string& url,
                               FetchStats* stats = nullptr) {
  return FetchAll(options, {url}, stats)[0];
}

TEST(RefusalTest, CdnAccessDeniedPausesEverythingThenCompletes) {
  // As CrawlPolicyTest.BlockMidCrawl..., but the block page is a CDN's, not SEC's: before,
  // such a 403 failed the filing at once and the crawl went on at full speed.
  auto mirror =
      MirrorProcess::Start({"--rate-limit", "4", "--block-seconds", "1", "--fault", "cdn-403"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  auto report = CrawlYearIntact(**mirror, 2016, [](Config& config) {
    config.crawl.requests_per_second = 6;
    config.crawl.max_connections = 2;
    config.crawl.block_pause_seconds = 2;
  });
  ASSERT_TRUE(report.ok());
  EXPECT_GE(report->blocks, 1u);
  auto log = MirrorLog(**mirror);
  auto first = std::find_if(log.begin(), log.end(),
                            [](const MirrorLogRow& r) { return r.note == "cdn-403"; });
  ASSERT_NE(first, log.end());
  std::int64_t blocked_at = first->time_ms;
  long during_pause = std::count_if(log.begin(), log.end(), [&](const MirrorLogRow& r) {
    return r.time_ms > blocked_at + 300 && r.time_ms < blocked_at + 1900;
  });
  EXPECT_EQ(during_pause, 0);
}

TEST(RefusalTest, RetryAfterSecondsDelaysTheRetryOfA503) {
  auto mirror = MirrorProcess::Start({"--error-rate", "1", "--fault", "retry-after=1"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  CrawlOptions options = FetcherTestOptions();
  options.max_attempts = 2;
  auto result = FetchOne(options, (*mirror)->url(kPdf));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kNetwork);
  auto log = MirrorLog(**mirror);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_GE(log[1].time_ms - log[0].time_ms, 950);  // backoff alone would be <= 10 ms
}

TEST(RefusalTest, RetryAfterHttpDateDelaysTheRetryOfA503) {
  auto mirror = MirrorProcess::Start({"--error-rate", "1", "--fault", "retry-after-date=2"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  CrawlOptions options = FetcherTestOptions();
  options.max_attempts = 2;
  ASSERT_FALSE(FetchOne(options, (*mirror)->url(kPdf)).ok());
  auto log = MirrorLog(**mirror);
  ASSERT_EQ(log.size(), 2u);
  // A date has whole seconds: "2 s from now" is between 1 and 2 s away when parsed.
  EXPECT_GE(log[1].time_ms - log[0].time_ms, 900);
}

TEST(RefusalTest, RetryAfterLongerThanThePauseLengthensABlock) {
  auto mirror = MirrorProcess::Start(
      {"--rate-limit", "2", "--block-seconds", "0.2", "--fault", "retry-after=3"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  CrawlOptions options = FetcherTestOptions();
  options.requests_per_second = 20;
  options.block_pause_seconds = 1;
  FetchStats stats;
  for (const auto& r :
       FetchAll(options, std::vector<std::string>(4, (*mirror)->url(kPdf)), &stats)) {
    EXPECT_TRUE(r.ok()) << r.status().ToString();
  }
  EXPECT_GE(stats.blocks, 1u);
  auto log = MirrorLog(**mirror);
  auto first =
      std::find_if(log.begin(), log.end(), [](const MirrorLogRow& r) { return r.status == 403; });
  ASSERT_NE(first, log.end());
  auto next = std::find_if(first + 1, log.end(), [&](const MirrorLogRow& r) {
    return r.time_ms > first->time_ms + 300;  // past requests already on the wire
  });
  ASSERT_NE(next, log.end());
  EXPECT_GE(next->time_ms - first->time_ms, 2900);  // Retry-After 3 s, not the 1 s pause
}

TEST(RefusalTest, RedirectIsANewStartThroughTheLimiter) {
  auto mirror = MirrorProcess::Start({"--fault", "redirect-http"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  CrawlOptions options = FetcherTestOptions();
  options.requests_per_second = 4;  // starts >= 255 ms apart
  FetchStats stats;
  auto result = FetchOne(options, (*mirror)->url(kPdf), &stats);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->body, testing::ReadFile(testing::EdgarRoot() / std::string(kPdf + 1)));
  EXPECT_EQ(result->url, (*mirror)->url(kPdf));  // the URL asked for
  EXPECT_EQ(result->attempts, 1);                // a hop is not an attempt
  EXPECT_EQ(stats.requests, 2u);
  auto log = MirrorLog(**mirror);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].status, 301);
  EXPECT_EQ(log[1].path, std::string(kPdf) + "?redirected");
  EXPECT_GE(log[1].time_ms - log[0].time_ms, 240);  // curl's own follow would be ~0 ms
}

TEST(RefusalTest, CrawlThroughRedirectsStoresEverything) {
  auto mirror = MirrorProcess::Start({"--fault", "redirect-http"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  auto report = CrawlYearIntact(**mirror, 2016);
  ASSERT_TRUE(report.ok());
  auto log = MirrorLog(**mirror);
  EXPECT_GE(
      std::count_if(log.begin(), log.end(), [](const MirrorLogRow& r) { return r.status == 301; }),
      report->fetched);
}

TEST(RefusalTest, ChunkedBodyCutShortIsARetryableFailureWithItsReason) {
  auto mirror = MirrorProcess::Start({"--fault", "chunked-truncated"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  CrawlOptions options = FetcherTestOptions();
  options.max_attempts = 1;
  for (const char* path : {kPdf, kTxt}) {
    auto result = FetchOne(options, (*mirror)->url(path));
    ASSERT_FALSE(result.ok()) << path;
    EXPECT_EQ(result.status().code(), StatusCode::kNetwork) << path;
    EXPECT_NE(result.status().message().find("incomplete body"), std::string::npos)
        << result.status().ToString();
  }
  auto again = FetchOne(FetcherTestOptions(), (*mirror)->url(kPdf));  // the mirror cuts once
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->body, testing::ReadFile(testing::EdgarRoot() / std::string(kPdf + 1)));
}

TEST(RefusalTest, CrawlRetriesCutBodiesAndStoresThemWhole) {
  auto mirror = MirrorProcess::Start({"--fault", "chunked-truncated"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  auto report = CrawlYearIntact(**mirror, 2016);
  ASSERT_TRUE(report.ok());
  auto log = MirrorLog(**mirror);
  long cut = std::count_if(log.begin(), log.end(),
                           [](const MirrorLogRow& r) { return r.note == "chunked-truncated"; });
  EXPECT_GE(cut, report->fetched);
  EXPECT_GE(report->retries, static_cast<std::uint64_t>(cut));
}

}  // namespace
}  // namespace corresp
