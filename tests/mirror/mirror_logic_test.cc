// Unit tests of edgar-mirror's request logic: path mapping, content types, gzip negotiation,
// the User-Agent check, the SEC-style rate limiter (driven with explicit times), the fault
// dice, the request-log line format and the file cache.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tools/edgar-mirror/accept_encoding.h"
#include "tools/edgar-mirror/fault_dice.h"
#include "tools/edgar-mirror/file_cache.h"
#include "tools/edgar-mirror/rate_limiter.h"
#include "tools/edgar-mirror/request_log.h"
#include "tools/edgar-mirror/target_path.h"
#include "tools/edgar-mirror/user_agent.h"

namespace corresp::mirror {
namespace {

using std::chrono::milliseconds;

TEST(MapTarget, MapsArchiveAndSubmissionPaths) {
  EXPECT_EQ(MapTarget("/Archives/edgar/data/1090872/000109087216000078/filename1.htm"),
            "Archives/edgar/data/1090872/000109087216000078/filename1.htm");
  EXPECT_EQ(MapTarget("/submissions/CIK0001090872.json"), "submissions/CIK0001090872.json");
  // Query strings are dropped, escapes decoded.
  EXPECT_EQ(MapTarget("/Archives/edgar/full-index/2019/QTR1/master.idx?x=1"),
            "Archives/edgar/full-index/2019/QTR1/master.idx");
  EXPECT_EQ(MapTarget("/Archives/edgar/a%20b.txt"), "Archives/edgar/a b.txt");
}

TEST(MapTarget, RejectsEscapesAndForeignPrefixes) {
  const char* bad[] = {
      "/Archives/edgar/../../etc/passwd",  // traversal
      "/Archives/edgar/%2e%2e/%2e%2e/x",   // encoded traversal
      "/Archives/edgar/data/./x",          // dot segment
      "/Archives/edgar/data//x",           // empty segment
      "/Archives/edgar/data/",             // folder
      "/Archives/edgar/a%00b",             // NUL
      "/Archives/edgar/a%zz",              // bad escape
      "/Archives/edgar/a%2",               // truncated escape
      "/Archives/edgar/a\\..\\b",          // backslash
      "/etc/passwd",                       // outside the URL space
      "/Archives/other/x",                 // wrong prefix
      "/.mirror-control",                  // the control file is not served
      "Archives/edgar/x",                  // not absolute
  };
  for (const char* target : bad) EXPECT_EQ(MapTarget(target), std::nullopt) << target;
}

TEST(ContentTypeFor, ByExtension) {
  EXPECT_EQ(ContentTypeFor("a/master.idx"), "text/plain");
  EXPECT_EQ(ContentTypeFor("a/0000-16-1.txt"), "text/plain");
  EXPECT_EQ(ContentTypeFor("a/filename1.htm"), "text/html");
  EXPECT_EQ(ContentTypeFor("a/x.html"), "text/html");
  EXPECT_EQ(ContentTypeFor("a/filename1.pdf"), "application/pdf");
  EXPECT_EQ(ContentTypeFor("a/index.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("a/master.idx.gz"), "application/gzip");
  EXPECT_EQ(ContentTypeFor("a/blob"), "application/octet-stream");
  EXPECT_TRUE(IsPrecompressed("a/master.idx.gz"));
  EXPECT_FALSE(IsPrecompressed("a/master.idx"));
}

TEST(AcceptsGzip, ParsesAcceptEncoding) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, gzip;q=0.8"));
  EXPECT_TRUE(AcceptsGzip("GZIP"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("x-gzipped"));
}

TEST(HasEmailAddress, NeedsAnAddress) {
  EXPECT_TRUE(HasEmailAddress("Test Org test@example.com"));
  EXPECT_TRUE(HasEmailAddress("Acme Research ops.team+sec@acme.co.uk"));
  EXPECT_TRUE(HasEmailAddress("Sample (admin@sample.org)"));
  EXPECT_FALSE(HasEmailAddress(""));
  EXPECT_FALSE(HasEmailAddress("curl/7.88.1"));
  EXPECT_FALSE(HasEmailAddress("Mozilla/5.0 (X11; Linux x86_64)"));
  EXPECT_FALSE(HasEmailAddress("Test Org @example.com"));
  EXPECT_FALSE(HasEmailAddress("Test Org test@localhost"));
  EXPECT_FALSE(HasEmailAddress("Test Org test@example."));
}

TEST(RateLimiter, SixthRequestInOneSecondIsBlocked) {
  RateLimiter limiter(5, std::chrono::seconds(10));
  auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Admit("a", t0 + milliseconds(i * 100)));
  EXPECT_FALSE(limiter.Admit("a", t0 + milliseconds(900)));
  // Other clients are unaffected.
  EXPECT_TRUE(limiter.Admit("b", t0 + milliseconds(900)));
}

TEST(RateLimiter, WindowSlides) {
  RateLimiter limiter(5, std::chrono::seconds(10));
  auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Admit("a", t0 + milliseconds(i * 10)));
  // 1 s after the first, the first has left the window: 5 in the window again.
  EXPECT_TRUE(limiter.Admit("a", t0 + milliseconds(1000)));
  EXPECT_FALSE(limiter.Admit("a", t0 + milliseconds(1005)));
}

TEST(RateLimiter, RequestsDuringBlockExtendIt) {
  RateLimiter limiter(1, std::chrono::seconds(10));
  auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  EXPECT_TRUE(limiter.Admit("a", t0));
  EXPECT_FALSE(limiter.Admit("a", t0 + milliseconds(1)));      // blocked until t0+10.001
  EXPECT_FALSE(limiter.Admit("a", t0 + milliseconds(9000)));   // extends to t0+19
  EXPECT_FALSE(limiter.Admit("a", t0 + milliseconds(18000)));  // extends to t0+28
  EXPECT_TRUE(limiter.Admit("a", t0 + milliseconds(28001)));   // quiet for 10 s: served
}

TEST(RateLimiter, BlockEndsAfterQuietPeriod) {
  RateLimiter limiter(2, std::chrono::seconds(3));
  auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  EXPECT_TRUE(limiter.Admit("a", t0));
  EXPECT_TRUE(limiter.Admit("a", t0 + milliseconds(1)));
  EXPECT_FALSE(limiter.Admit("a", t0 + milliseconds(2)));
  EXPECT_FALSE(limiter.Admit("a", t0 + milliseconds(2999)));
  EXPECT_TRUE(limiter.Admit("a", t0 + milliseconds(6000)));
}

TEST(FaultDice, RatesZeroAndOne) {
  FaultDice never({}, 1);
  FaultDice always_error({1.0, 1.0, 1.0}, 1);
  FaultDice always_reset({0.0, 1.0, 1.0}, 1);
  FaultDice always_truncate({0.0, 0.0, 1.0}, 1);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(never.Roll(), Fault::kNone);
    EXPECT_EQ(always_error.Roll(), Fault::kError);
    EXPECT_EQ(always_reset.Roll(), Fault::kReset);
    EXPECT_EQ(always_truncate.Roll(), Fault::kTruncate);
  }
}

TEST(FaultDice, SameSeedSameSequenceAndRoughRate) {
  FaultDice a({0.3, 0.0, 0.0}, 42);
  FaultDice b({0.3, 0.0, 0.0}, 42);
  int errors = 0;
  for (int i = 0; i < 2000; ++i) {
    Fault fa = a.Roll();
    EXPECT_EQ(fa, b.Roll());
    errors += fa == Fault::kError;
  }
  EXPECT_GT(errors, 450);
  EXPECT_LT(errors, 750);
}

TEST(RequestLogLine, TabSeparatedWithMillisecondsAndCleanFields) {
  RequestLogRecord r;
  r.time = std::chrono::system_clock::time_point{} + milliseconds(1'700'000'000'123);
  r.client = "127.0.0.1";
  r.method = "GET";
  r.path = "/Archives/edgar/x.txt";
  r.status = 200;
  r.bytes = 42;
  r.user_agent = "Test\tOrg\ntest@example.com";
  EXPECT_EQ(FormatRequestLogLine(r),
            "2023-11-14T22:13:20.123Z\t127.0.0.1\tGET\t/Archives/edgar/x.txt\t200\t42\t"
            "Test Org test@example.com\t-");
  r.user_agent.clear();
  r.note = "reset";
  EXPECT_TRUE(FormatRequestLogLine(r).ends_with("\t42\t-\treset"));
}

class FileCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/mirror-cache-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(dir_ + "/" + rel).parent_path());
    std::ofstream(dir_ + "/" + rel, std::ios::binary | std::ios::trunc) << text;
  }
  std::string dir_;
};

TEST_F(FileCacheTest, ServesCurrentBytesAndSeesReplacement) {
  FileCache cache(dir_, 1 << 20, 1 << 20);
  Write("a/x.txt", "first");
  auto first = cache.Get("a/x.txt", false);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(**first, "first");
  // Replaced by a new file (new inode), as a test that "publishes" a filing would do.
  Write("a/tmp", "second version");
  std::filesystem::rename(dir_ + "/a/tmp", dir_ + "/a/x.txt");
  auto second = cache.Get("a/x.txt", false);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(**second, "second version");
}

TEST_F(FileCacheTest, MissingAndFoldersAreNotFound) {
  FileCache cache(dir_, 1 << 20, 1 << 20);
  Write("a/x.txt", "x");
  EXPECT_EQ(cache.Get("a/missing.txt", false).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(cache.Get("a", false).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(cache.Get("a/x.txt/y", false).status().code(), StatusCode::kNotFound);
}

TEST_F(FileCacheTest, FollowsSymlinksAndGzips) {
  Write("real/x.txt", std::string(5000, 'z'));
  std::filesystem::create_directory_symlink(dir_ + "/real", dir_ + "/link");
  FileCache cache(dir_, 100, 1 << 20);  // too small to cache: read every time
  auto plain = cache.Get("link/x.txt", false);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ((*plain)->size(), 5000u);
  auto packed = cache.Get("link/x.txt", true);
  ASSERT_TRUE(packed.ok());
  EXPECT_LT((*packed)->size(), 200u);
}

}  // namespace
}  // namespace corresp::mirror
