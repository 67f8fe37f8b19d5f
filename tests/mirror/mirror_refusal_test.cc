// edgar-mirror's `--fault` modes over loopback, seen from curl and from the request log: a
// CDN's Access Denied block, Retry-After on refusals, redirects, chunked bodies cut short.
#include "tests/mirror/mirror_test_util.h"

namespace corresp::test {
namespace {

TEST(MirrorFaultModes, Cdn403BlocksWithAnAccessDeniedPage) {
  auto mirror = StartMirror({"--rate-limit", "1", "--block-seconds", "5", "--fault", "cdn-403"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  EXPECT_EQ(probe.Get(mirror->url(kSmallIndex)).status, 200);
  ProbeResult blocked = probe.Get(mirror->url(kSmallIndex));
  EXPECT_EQ(blocked.status, 403);
  EXPECT_NE(blocked.body.find("Access Denied"), std::string::npos);
  EXPECT_EQ(blocked.body.find("Request Rate Threshold"), std::string::npos);
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].note, "cdn-403");
}

TEST(MirrorFaultModes, Cdn403WithoutRateLimitIsAUsageError) {
  MirrorProcess::Options options;
  options.args = {"--fault", "cdn-403"};
  EXPECT_FALSE(MirrorProcess::Start(std::move(options)).ok());
}

TEST(MirrorFaultModes, RetryAfterRidesOn503sAndBlocks) {
  auto mirror = StartMirror({"--error-rate", "1", "--fault", "retry-after=7"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  ProbeResult r = probe.Get(mirror->url(kSmallIndex));
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.Header("Retry-After"), "7");

  auto dated = StartMirror({"--rate-limit", "1", "--fault", "retry-after-date=60"});
  ASSERT_TRUE(dated);
  ProbeResult ok = probe.Get(dated->url(kSmallIndex));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.Header("Retry-After"), "");  // only refusals carry it
  ProbeResult block = probe.Get(dated->url(kSmallIndex));
  EXPECT_EQ(block.status, 403);
  std::string date = block.Header("Retry-After");
  EXPECT_TRUE(date.ends_with(" GMT")) << date;
  EXPECT_EQ(date.size(), 29u) << date;  // "Fri, 27 Nov 2026 01:02:03 GMT"
}

TEST(MirrorFaultModes, RedirectHttpSendsFilingFilesElsewhereOnce) {
  auto mirror = StartMirror({"--fault", "redirect-http"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  ProbeResult moved = probe.Get(mirror->url(kPdfLetter));
  EXPECT_EQ(moved.status, 301);
  EXPECT_EQ(moved.Header("Location"), mirror->url(kPdfLetter) + "?redirected");
  ProbeResult served = probe.Get(mirror->url(kPdfLetter) + "?redirected");
  EXPECT_EQ(served.status, 200);
  EXPECT_EQ(served.body, ReadSliceFile(kPdfLetter));
  EXPECT_EQ(probe.Get(mirror->url(kSmallIndex)).status, 200);  // indexes are not moved
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].note, "redirect");
}

TEST(MirrorFaultModes, ChunkedTruncatedEndsCleanlyWithHalfTheBodyOncePerPath) {
  auto mirror = StartMirror({"--fault", "chunked-truncated"});
  ASSERT_TRUE(mirror);
  const std::string pdf = ReadSliceFile(kPdfLetter);
  HttpProbe probe;
  ProbeOptions gzip;
  gzip.accept_encoding = "gzip";
  ProbeResult cut = probe.Get(mirror->url(kPdfLetter), gzip);
  EXPECT_EQ(cut.code, CURLE_OK) << cut.error;  // curl cannot tell
  EXPECT_EQ(cut.status, 200);
  EXPECT_EQ(cut.Header("Content-Length"), "");
  EXPECT_EQ(cut.Header("Transfer-Encoding"), "chunked");
  EXPECT_EQ(cut.Header("Content-Encoding"), "");  // sent as is, even when gzip is welcome
  EXPECT_EQ(cut.body, pdf.substr(0, pdf.size() / 2));
  ProbeResult whole = probe.Get(mirror->url(kPdfLetter));
  EXPECT_EQ(whole.body, pdf);
  EXPECT_EQ(probe.Get(mirror->url(kSmallIndex)).body, ReadSliceFile(kSmallIndex));
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].note, "chunked-truncated");
  EXPECT_EQ(rows[0].bytes, pdf.size() / 2);
  EXPECT_EQ(rows[1].note, "-");
}

}  // namespace
}  // namespace corresp::test
