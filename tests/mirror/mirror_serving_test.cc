// edgar-mirror as a plain EDGAR server: the real binary on a free port over tests/data/edgar,
// spoken to with libcurl. Letters byte-identical, 404s, gzip, HEAD, keep-alive, shutdown.
#include <signal.h>

#include <atomic>
#include <thread>

#include "tests/mirror/mirror_test_util.h"

namespace corresp::test {
namespace {

TEST(MirrorServing, LettersAreByteIdenticalWithTheirContentTypes) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  struct Case {
    const char* path;
    const char* type;
  } cases[] = {{kPdfLetter, "application/pdf"},
               {kHtmLetter, "text/html"},
               {kSmallIndex, "text/plain"},
               {"/Archives/edgar/daily-index/2019/QTR4/index.json", "application/json"}};
  for (const auto& c : cases) {
    const std::string expected = ReadSliceFile(c.path);
    ASSERT_GT(expected.size(), 100u) << c.path;
    ProbeResult r = probe.Get(mirror->url(c.path));
    ASSERT_EQ(r.code, CURLE_OK) << r.error;
    EXPECT_EQ(r.status, 200) << c.path;
    EXPECT_EQ(r.Header("Content-Type"), c.type) << c.path;
    EXPECT_EQ(r.Header("Content-Length"), std::to_string(expected.size()));
    EXPECT_EQ(r.Header("Content-Encoding"), "");
    EXPECT_TRUE(r.body == expected) << c.path << ": body differs from the file";
  }
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].path, kPdfLetter);
  EXPECT_EQ(rows[0].method, "GET");
  EXPECT_EQ(rows[0].status, 200);
  EXPECT_EQ(rows[0].bytes, ReadSliceFile(kPdfLetter).size());
  EXPECT_EQ(rows[0].client, "127.0.0.1");
  EXPECT_EQ(rows[0].user_agent, "Test Org test@example.com");
  EXPECT_EQ(rows[0].note, "-");
}

TEST(MirrorServing, AbsentPathsAndTraversalAre404) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  const char* paths[] = {
      "/Archives/edgar/data/1090872/000000000016092800/missing.pdf",
      "/Archives/edgar/../../../etc/passwd",
      "/Archives/edgar/%2e%2e/%2e%2e/MANIFEST.tsv",
      "/MANIFEST.tsv",                  // exists under the root, outside the URL space
      "/Archives/edgar/data/1090872/",  // a folder
      "/Archives/edgar/data/1090872/000000000016092800",
  };
  for (const char* path : paths) {
    ProbeResult r = probe.Get(mirror->url(path));
    ASSERT_EQ(r.code, CURLE_OK) << path << ": " << r.error;
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.Header("Content-Type"), "text/html");
    EXPECT_NE(r.body.find("Not Found"), std::string::npos);
  }
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), std::size(paths));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].path, paths[i]);  // logged exactly as sent
    EXPECT_EQ(rows[i].status, 404);
    EXPECT_EQ(rows[i].note, "not-found");
  }
}

TEST(MirrorServing, GzipWhenAskedAndDecodesToTheFile) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  for (const char* path : {kHtmLetter, kSmallIndex, kPdfLetter}) {
    const std::string expected = ReadSliceFile(path);
    ProbeOptions raw;
    raw.accept_encoding = "gzip";
    ProbeResult r = probe.Get(mirror->url(path), raw);
    ASSERT_EQ(r.code, CURLE_OK) << r.error;
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.Header("Content-Encoding"), "gzip") << path;
    EXPECT_EQ(r.Header("Vary"), "Accept-Encoding");
    EXPECT_EQ(r.Header("Content-Length"), std::to_string(r.body.size()));
    std::string decoded;
    ASSERT_TRUE(GunzipForTest(r.body, &decoded)) << path;
    EXPECT_TRUE(decoded == expected) << path << ": gunzipped body differs from the file";

    ProbeOptions by_curl;
    by_curl.decode = true;
    ProbeResult c = probe.Get(mirror->url(path), by_curl);
    EXPECT_TRUE(c.body == expected) << path << ": curl-decoded body differs";
  }
  // Text compresses: the HTML letter goes over the wire much smaller.
  ProbeOptions raw;
  raw.accept_encoding = "gzip";
  EXPECT_LT(probe.Get(mirror->url(kHtmLetter), raw).body.size(),
            ReadSliceFile(kHtmLetter).size() / 2);
  ProbeOptions refuse;
  refuse.accept_encoding = "gzip;q=0, identity";
  ProbeResult plain = probe.Get(mirror->url(kHtmLetter), refuse);
  EXPECT_EQ(plain.Header("Content-Encoding"), "");
  EXPECT_TRUE(plain.body == ReadSliceFile(kHtmLetter));
}

TEST(MirrorServing, HeadSendsLengthButNoBody) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  ProbeOptions head;
  head.head = true;
  ProbeResult r = probe.Get(mirror->url(kPdfLetter), head);
  ASSERT_EQ(r.code, CURLE_OK) << r.error;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Length"), std::to_string(ReadSliceFile(kPdfLetter).size()));
  EXPECT_TRUE(r.body.empty());
  // The connection stays usable after a HEAD.
  ProbeResult next = probe.Get(mirror->url(kSmallIndex));
  EXPECT_EQ(next.status, 200);
  EXPECT_EQ(next.new_connections, 0);
  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].method, "HEAD");
  EXPECT_EQ(rows[0].bytes, 0u);
}

TEST(MirrorServing, KeepAliveReusesOneConnection) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  ProbeResult first = probe.Get(mirror->url(kSmallIndex));
  ASSERT_EQ(first.code, CURLE_OK) << first.error;
  EXPECT_EQ(first.new_connections, 1);
  EXPECT_EQ(first.Header("Connection"), "keep-alive");
  for (const char* path : {kHtmLetter, kPdfLetter, "/Archives/edgar/nope.txt", kSmallIndex}) {
    ProbeResult r = probe.Get(mirror->url(path));
    ASSERT_EQ(r.code, CURLE_OK) << r.error;
    EXPECT_EQ(r.new_connections, 0) << path << ": a new connection was opened";
    EXPECT_EQ(r.local_port, first.local_port);
  }
}

TEST(MirrorServing, ManyConcurrentClients) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  const std::string expected = ReadSliceFile(kSmallIndex);
  std::atomic<int> good{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      HttpProbe probe;
      for (int i = 0; i < 100; ++i) {
        ProbeResult r = probe.Get(mirror->url(kSmallIndex));
        if (r.code == CURLE_OK && r.status == 200 && r.body == expected) ++good;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(good.load(), 400);
  EXPECT_EQ(LogOf(*mirror).size(), 400u);
}

TEST(MirrorServing, ExitsZeroOnSigtermAndSigint) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  auto code = mirror->Stop();
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  EXPECT_EQ(*code, 0);

  auto second = StartMirror();
  ASSERT_TRUE(second);
  HttpProbe probe;
  EXPECT_EQ(probe.Get(second->url(kSmallIndex)).status, 200);  // with an idle connection open
  ASSERT_EQ(kill(second->pid(), SIGINT), 0);
  auto code2 = second->WaitForExit(std::chrono::seconds(5));
  ASSERT_TRUE(code2.ok()) << code2.status().ToString();
  EXPECT_EQ(*code2, 0);
}

TEST(MirrorServing, StartTakesASingleFlagInBraces) {
  auto mirror = MirrorProcess::Start({"--require-user-agent"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  HttpProbe probe;
  ProbeOptions anonymous;
  anonymous.user_agent = "";
  EXPECT_EQ(probe.Get((*mirror)->url(kSmallIndex), anonymous).status, 403);
  EXPECT_EQ((*mirror)->root(), MirrorProcess::DefaultRoot());
}

TEST(MirrorServing, BadRootFailsToStart) {
  MirrorProcess::Options options;
  options.root = "/nonexistent/edgar";
  options.startup_timeout = std::chrono::seconds(5);
  auto mirror = MirrorProcess::Start(options);
  EXPECT_EQ(mirror.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace corresp::test
