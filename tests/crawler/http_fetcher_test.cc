// The fetcher alone against the real edgar-mirror: outcomes, retries, body cap, gzip,
// connection bound.
#include "crawler/http_fetcher.h"

#include <gtest/gtest.h>

#include <chrono>

#include "tests/crawler/crawl_fixture.h"
#include "tests/crawler/fetch_fixture.h"
#include "tests/mirror/mirror_process.h"

namespace corresp {
namespace {

using test::MirrorProcess;
using testing::FetchAll;
using testing::FetcherTestOptions;

const char* kIdx = "/Archives/edgar/full-index/2019/QTR4/master.idx";
const char* kPdf = "/Archives/edgar/data/831001/000000000019013210/filename1.pdf";

TEST(HttpFetcherTest, FetchesBytesIdenticalToTheFileOverGzip) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  auto results = FetchAll(FetcherTestOptions(), {(*mirror)->url(kIdx), (*mirror)->url(kPdf)});
  ASSERT_TRUE(results[0].ok()) << results[0].status().ToString();
  ASSERT_TRUE(results[1].ok());
  std::string idx = testing::ReadFile(testing::EdgarRoot() / std::string(kIdx + 1));
  EXPECT_EQ(results[0]->body, idx);
  EXPECT_EQ(results[0]->http_status, 200);
  EXPECT_EQ(results[1]->body, testing::ReadFile(testing::EdgarRoot() / std::string(kPdf + 1)));
  auto log = (*mirror)->ReadLog();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  EXPECT_LT((*log)[0].bytes, idx.size());  // sent compressed
  EXPECT_EQ((*log)[0].user_agent, "Corresp Tests tests@example.com");
}

TEST(HttpFetcherTest, NotFoundIsNotRetried) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok());
  FetchStats stats;
  auto results = FetchAll(FetcherTestOptions(), {(*mirror)->url("/Archives/nothing.txt")}, &stats);
  ASSERT_FALSE(results[0].ok());
  EXPECT_EQ(results[0].status().code(), StatusCode::kNotFound);
  EXPECT_EQ(stats.requests, 1u);
  EXPECT_EQ(stats.not_found, 1u);
}

TEST(HttpFetcherTest, ServerErrorsAreRetriedUpToMaxAttempts) {
  auto mirror = MirrorProcess::Start({"--error-rate", "1"});
  ASSERT_TRUE(mirror.ok());
  FetchStats stats;
  auto results = FetchAll(FetcherTestOptions(), {(*mirror)->url(kIdx)}, &stats);
  ASSERT_FALSE(results[0].ok());
  EXPECT_EQ(results[0].status().code(), StatusCode::kNetwork);
  EXPECT_NE(results[0].status().message().find("3 attempts"), std::string::npos);
  EXPECT_EQ(stats.requests, 3u);
  EXPECT_EQ(stats.retries, 2u);
  auto log = (*mirror)->ReadLog();
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->size(), 3u);
}

TEST(HttpFetcherTest, BodiesOverTheCapFailWithoutRetry) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok());
  CrawlOptions options = FetcherTestOptions();
  options.max_body_bytes = 10'000;
  FetchStats stats;
  auto results = FetchAll(options, {(*mirror)->url(kPdf)}, &stats);
  ASSERT_FALSE(results[0].ok());
  EXPECT_NE(results[0].status().message().find("max_body_bytes"), std::string::npos);
  EXPECT_EQ(stats.requests, 1u);
}

TEST(HttpFetcherTest, AtMostMaxConnectionsTransfersAtOnce) {
  auto mirror = MirrorProcess::Start({"--latency-ms", "200"});
  ASSERT_TRUE(mirror.ok());
  CrawlOptions options = FetcherTestOptions();
  options.max_connections = 2;
  auto start = std::chrono::steady_clock::now();
  auto results = FetchAll(options, std::vector<std::string>(6, (*mirror)->url(kIdx)));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& r : results) EXPECT_TRUE(r.ok());
  EXPECT_GE(seconds, 0.6);  // three rounds of two
  EXPECT_LT(seconds, 1.5);  // but the two do run in parallel
}

TEST(HttpFetcherTest, ConnectionRefusedIsANetworkErrorAfterRetries) {
  CrawlOptions options = FetcherTestOptions();
  FetchStats stats;
  auto results = FetchAll(options, {"http://127.0.0.1:1/x"}, &stats);
  ASSERT_FALSE(results[0].ok());
  EXPECT_EQ(results[0].status().code(), StatusCode::kNetwork);
  EXPECT_EQ(stats.requests, 3u);
}

}  // namespace
}  // namespace corresp
