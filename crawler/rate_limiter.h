// The process-wide request-start limiter. Pure logic over an injected time: the caller asks
// when the next request may start, and records each start. Starts are spaced at least
// 1/rate apart, so no one-second window ever holds more than `rate` starts.
//
// After Pause(now, d) nothing may start before now+d; from then on the rate is half the
// configured rate, ramping linearly back to the full rate over `ramp`. A later Pause during
// the ramp starts it over. Not thread-safe: used from the fetcher's event loop only.
#pragma once

#include <chrono>

namespace corresp {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  using TimePoint = Clock::time_point;
  using Duration = Clock::duration;

  struct Options {
    // Request starts per second at full speed (CrawlOptions::requests_per_second).
    double requests_per_second = 8.0;
    // Extra spacing as a fraction of 1/rate: absorbs scheduling jitter so a server-side
    // sliding window never sees more than `rate` arrivals in one second.
    double safety_margin = 0.02;
    // After a pause: start at this fraction of the rate (SEC advice: slow down after a block).
    double resume_fraction = 0.5;
    // ... and get back to the full rate over this long.
    std::chrono::milliseconds ramp{60'000};
  };

  explicit RateLimiter(Options options) : options_(options) {}

  // Earliest time >= now at which the next request may start (now when it may start at once).
  TimePoint NextStart(TimePoint now) const;
  // Records that a request started at `at` (which must be >= NextStart(at)).
  void RecordStart(TimePoint at);
  // Blocks every start until now+duration, then resumes at the reduced, ramping rate.
  void Pause(TimePoint now, Duration duration);

  // The rate in force at `at` (requests per second).
  double RateAt(TimePoint at) const;
  bool PausedAt(TimePoint at) const { return at < paused_until_; }
  TimePoint paused_until() const { return paused_until_; }
  const Options& options() const { return options_; }

 private:
  Options options_;
  bool started_ = false;
  TimePoint last_start_{};
  bool ramping_ = false;
  TimePoint paused_until_{};
};

}  // namespace corresp
