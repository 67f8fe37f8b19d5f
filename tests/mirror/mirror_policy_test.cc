// edgar-mirror's SEC fair-access behaviour: the per-IP rate limit with its self-extending
// block, and the declared User-Agent requirement. Checked from the client and the log.
#include <chrono>
#include <thread>

#include "tests/mirror/mirror_test_util.h"

namespace corresp::test {
namespace {

using std::chrono::milliseconds;

bool IsRateBlock(const ProbeResult& r) {
  return r.status == 403 && r.body.find("Request Rate Threshold Exceeded") != std::string::npos;
}

TEST(MirrorPolicy, RateLimitBlocksExtendsThenLifts) {
  auto mirror = StartMirror({"--rate-limit", "5", "--block-seconds", "1"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    ProbeResult r = probe.Get(mirror->url(kSmallIndex));
    ASSERT_EQ(r.status, 200) << "request " << i + 1;
  }
  ProbeResult sixth = probe.Get(mirror->url(kSmallIndex));
  ASSERT_LT(std::chrono::steady_clock::now() - start, milliseconds(900))
      << "machine too slow to make 6 requests inside one second";
  EXPECT_TRUE(IsRateBlock(sixth)) << sixth.status << " " << sixth.body;

  // 0.6 s into the 1 s block: still blocked, and this request restarts the block...
  std::this_thread::sleep_for(milliseconds(600));
  EXPECT_TRUE(IsRateBlock(probe.Get(mirror->url(kSmallIndex))));
  // ...so 1.2 s after the first 403 (0.6 s after the last) it is still blocked.
  std::this_thread::sleep_for(milliseconds(600));
  EXPECT_TRUE(IsRateBlock(probe.Get(mirror->url(kSmallIndex))));
  // Quiet for longer than the block: served again.
  std::this_thread::sleep_for(milliseconds(1300));
  ProbeResult after = probe.Get(mirror->url(kSmallIndex));
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.body, ReadSliceFile(kSmallIndex));

  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 9u);
  std::vector<int> statuses;
  for (const auto& row : rows) statuses.push_back(row.status);
  EXPECT_EQ(statuses, (std::vector<int>{200, 200, 200, 200, 200, 403, 403, 403, 200}));
  for (int i = 5; i < 8; ++i) EXPECT_EQ(rows[i].note, "rate-limited");
  EXPECT_EQ(rows[8].note, "-");
}

TEST(MirrorPolicy, RequestsUnderTheLimitAreNeverBlocked) {
  auto mirror = StartMirror({"--rate-limit", "5", "--block-seconds", "10"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  for (int burst = 0; burst < 2; ++burst) {
    for (int i = 0; i < 5; ++i) EXPECT_EQ(probe.Get(mirror->url(kSmallIndex)).status, 200);
    std::this_thread::sleep_for(milliseconds(1100));  // the window slides past the burst
  }
}

TEST(MirrorPolicy, RequireUserAgentWantsAnEmail) {
  auto mirror = StartMirror({"--require-user-agent"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  for (const char* ua : {"", "curl/7.88.1", "Test Org"}) {
    ProbeOptions options;
    options.user_agent = ua;
    ProbeResult r = probe.Get(mirror->url(kHtmLetter), options);
    ASSERT_EQ(r.code, CURLE_OK) << r.error;
    EXPECT_EQ(r.status, 403) << "UA '" << ua << "'";
    EXPECT_NE(r.body.find("Undeclared Automated Tool"), std::string::npos);
  }
  ProbeOptions declared;
  declared.user_agent = "Test Org test@example.com";
  ProbeResult ok = probe.Get(mirror->url(kHtmLetter), declared);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, ReadSliceFile(kHtmLetter));

  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].user_agent, "-");
  EXPECT_EQ(rows[1].user_agent, "curl/7.88.1");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(rows[i].status, 403);
    EXPECT_EQ(rows[i].note, "undeclared-ua");
  }
  EXPECT_EQ(rows[3].status, 200);
  EXPECT_EQ(rows[3].user_agent, "Test Org test@example.com");
}

TEST(MirrorPolicy, WithoutFlagsAnyUserAgentIsServed) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  ProbeOptions anonymous;
  anonymous.user_agent = "";
  EXPECT_EQ(probe.Get(mirror->url(kHtmLetter), anonymous).status, 200);
}

}  // namespace
}  // namespace corresp::test
