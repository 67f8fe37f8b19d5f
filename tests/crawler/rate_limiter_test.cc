// The rate limiter's spacing, pause and ramp, on a fake clock.
#include "crawler/rate_limiter.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corresp {
namespace {

using namespace std::chrono_literals;
using TP = RateLimiter::TimePoint;

// Runs a greedy client that starts whenever allowed; returns the start times.
std::vector<TP> Drive(RateLimiter& limiter, TP from, int n) {
  std::vector<TP> starts;
  TP now = from;
  for (int i = 0; i < n; ++i) {
    now = limiter.NextStart(now);
    limiter.RecordStart(now);
    starts.push_back(now);
  }
  return starts;
}

int MaxInAnyWindow(const std::vector<TP>& starts, RateLimiter::Duration window) {
  int best = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    while (starts[i] - starts[j] >= window) ++j;
    best = std::max(best, static_cast<int>(i - j + 1));
  }
  return best;
}

TEST(RateLimiterTest, NoOneSecondWindowHoldsMoreThanTheRate) {
  for (double rate : {1.0, 8.0, 10.0, 9.7}) {
    RateLimiter limiter({.requests_per_second = rate});
    std::vector<TP> starts = Drive(limiter, TP{} + 1h, 500);
    // Spacing >= 1/rate: a one-second window holds at most ceil(rate) starts.
    EXPECT_LE(MaxInAnyWindow(starts, 1s), static_cast<int>(std::ceil(rate))) << rate;
    double seconds = std::chrono::duration<double>(starts.back() - starts.front()).count();
    EXPECT_GE(499 / seconds, rate * 0.97) << rate;  // close to the limit, not far below
  }
}

TEST(RateLimiterTest, FirstStartIsImmediate) {
  RateLimiter limiter({.requests_per_second = 2});
  TP now = TP{} + 5s;
  EXPECT_EQ(limiter.NextStart(now), now);
}

TEST(RateLimiterTest, PauseBlocksEveryStartThenResumesAtHalfRateAndRamps) {
  RateLimiter limiter({.requests_per_second = 10, .ramp = 10s});
  TP t0 = TP{} + 1h;
  Drive(limiter, t0, 10);
  TP block = t0 + 2s;
  limiter.Pause(block, 30s);
  EXPECT_TRUE(limiter.PausedAt(block + 29s));
  EXPECT_EQ(limiter.NextStart(block), block + 30s);
  std::vector<TP> after = Drive(limiter, block, 200);
  EXPECT_GE(after.front(), block + 30s);
  // Right after the pause: spaced for half the rate.
  EXPECT_GE(after[1] - after[0], 200ms);
  EXPECT_DOUBLE_EQ(limiter.RateAt(block + 30s), 5.0);
  EXPECT_NEAR(limiter.RateAt(block + 35s), 7.5, 1e-9);
  EXPECT_DOUBLE_EQ(limiter.RateAt(block + 41s), 10.0);
  // Ten seconds later the full rate again.
  std::vector<TP> late;
  for (TP t : after) {
    if (t > block + 41s) late.push_back(t);
  }
  ASSERT_GT(late.size(), 20u);
  double seconds = std::chrono::duration<double>(late.back() - late.front()).count();
  EXPECT_GT((late.size() - 1) / seconds, 9.5);
}

TEST(RateLimiterTest, PausesExtendButNeverShorten) {
  RateLimiter limiter({.requests_per_second = 4});
  TP now = TP{} + 1h;
  limiter.Pause(now, 60s);
  limiter.Pause(now + 1s, 5s);
  EXPECT_EQ(limiter.paused_until(), now + 60s);
}

}  // namespace
}  // namespace corresp
