// edgar-mirror's injected faults, each checked from the client (what curl sees) and from the
// request log (what the server says it did): 503s, resets, truncated bodies, latency, and
// reproducibility with --seed.
#include <algorithm>
#include <chrono>
#include <thread>

#include "tests/mirror/mirror_test_util.h"

namespace corresp::test {
namespace {

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST(MirrorFaults, ErrorRateOneAnswers503) {
  auto mirror = StartMirror({"--error-rate", "1.0"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  for (int i = 0; i < 3; ++i) {
    ProbeResult r = probe.Get(mirror->url(kHtmLetter));
    ASSERT_EQ(r.code, CURLE_OK) << r.error;
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.body.find("<DOCUMENT>"), std::string::npos);  // not the letter
  }
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) {
    EXPECT_EQ(row.status, 503);
    EXPECT_EQ(row.note, "error");
    EXPECT_EQ(row.path, kHtmLetter);
  }
}

TEST(MirrorFaults, ResetRateOneBreaksTheTransfer) {
  auto mirror = StartMirror({"--reset-rate", "1.0"});
  ASSERT_TRUE(mirror);
  const std::size_t size = ReadSliceFile(kPdfLetter).size();
  for (int i = 0; i < 3; ++i) {
    HttpProbe probe;
    ProbeResult r = probe.Get(mirror->url(kPdfLetter));
    EXPECT_TRUE(r.code == CURLE_RECV_ERROR || r.code == CURLE_PARTIAL_FILE ||
                r.code == CURLE_GOT_NOTHING)
        << "curl said " << r.code << ": " << r.error;
    EXPECT_LT(r.body.size(), size);
  }
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) {
    EXPECT_EQ(row.status, 200);
    EXPECT_EQ(row.note, "reset");
    EXPECT_EQ(row.bytes, size / 2);  // headers + half the body, then RST
  }
}

TEST(MirrorFaults, TruncateRateOneSendsAShortBody) {
  auto mirror = StartMirror({"--truncate-rate", "1.0"});
  ASSERT_TRUE(mirror);
  const std::string expected = ReadSliceFile(kHtmLetter);
  HttpProbe probe;
  ProbeResult r = probe.Get(mirror->url(kHtmLetter));
  EXPECT_EQ(r.code, CURLE_PARTIAL_FILE) << r.error;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Length"), std::to_string(expected.size()));  // the full length
  EXPECT_EQ(r.body.size(), expected.size() / 2);
  EXPECT_EQ(r.body, expected.substr(0, expected.size() / 2));  // a true prefix
  // The next request needs a new connection: the server closed this one.
  ProbeResult again = probe.Get(mirror->url(kHtmLetter));
  EXPECT_EQ(again.code, CURLE_PARTIAL_FILE);
  EXPECT_EQ(again.new_connections, 1);
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].note, "truncate");
  EXPECT_EQ(rows[0].status, 200);
  EXPECT_EQ(rows[0].bytes, expected.size() / 2);
}

TEST(MirrorFaults, LatencyDelaysEveryResponse) {
  auto mirror = StartMirror({"--latency-ms", "300"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  for (const char* path : {kSmallIndex, "/Archives/edgar/missing.idx"}) {
    ProbeResult r = probe.Get(mirror->url(path));
    const std::int64_t answered_ms = NowMs();
    ASSERT_EQ(r.code, CURLE_OK) << r.error;
    EXPECT_GE(r.seconds, 0.3) << path;
    EXPECT_LT(r.seconds, 5.0) << path;
    auto rows = LogOf(*mirror);
    ASSERT_FALSE(rows.empty());
    // The log stamps the request's arrival; the answer came >= 300 ms later.
    EXPECT_EQ(rows.back().path, path);
    EXPECT_LE(rows.back().time_ms, answered_ms - 290) << path;
  }
  // Without the flag the same request is fast.
  auto quick = StartMirror();
  ASSERT_TRUE(quick);
  EXPECT_LT(probe.Get(quick->url(kSmallIndex)).seconds, 0.28);
}

TEST(MirrorFaults, LatencyDoesNotSerializeClients) {
  // The delay is an async timer: 8 clients at once finish in about one latency, not eight.
  auto mirror = StartMirror({"--latency-ms", "400"});
  ASSERT_TRUE(mirror);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> clients;
  for (int i = 0; i < 8; ++i) {
    clients.emplace_back([&] {
      HttpProbe probe;
      EXPECT_EQ(probe.Get(mirror->url(kSmallIndex)).status, 200);
    });
  }
  for (auto& c : clients) c.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GE(seconds, 0.4);
  EXPECT_LT(seconds, 1.6);
}

std::vector<std::string> Outcomes(const std::vector<std::string>& args) {
  auto mirror = StartMirror(args);
  if (!mirror) return {};
  std::vector<std::string> outcomes;
  for (int i = 0; i < 24; ++i) {
    HttpProbe probe;  // fresh connection: resets and truncations close it
    ProbeResult r = probe.Get(mirror->url(kHtmLetter));
    // Reset vs truncate can look alike to curl (timing of the RST): class them together.
    outcomes.push_back(r.code != CURLE_OK ? "broken" : std::to_string(r.status));
  }
  return outcomes;
}

TEST(MirrorFaults, SeedMakesFaultsReproducible) {
  const std::vector<std::string> args = {"--error-rate",    "0.3", "--reset-rate", "0.2",
                                         "--truncate-rate", "0.2", "--seed",       "7"};
  auto first = Outcomes(args);
  auto second = Outcomes(args);
  ASSERT_EQ(first.size(), 24u);
  EXPECT_EQ(first, second);
  // Mixed outcomes: some 503s and some clean 200s at these rates.
  EXPECT_NE(std::find(first.begin(), first.end(), "503"), first.end());
  EXPECT_NE(std::find(first.begin(), first.end(), "200"), first.end());
  EXPECT_NE(std::find(first.begin(), first.end(), "broken"), first.end());
}

}  // namespace
}  // namespace corresp::test
