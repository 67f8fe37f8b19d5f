#include "crawler/rate_limiter.h"

#include <algorithm>

namespace corresp {

double RateLimiter::RateAt(TimePoint at) const {
  double full = options_.requests_per_second;
  if (!ramping_ || at >= paused_until_ + options_.ramp) return full;
  if (at <= paused_until_) return full * options_.resume_fraction;
  double progress = std::chrono::duration<double>(at - paused_until_).count() /
                    std::chrono::duration<double>(options_.ramp).count();
  double fraction = options_.resume_fraction + (1.0 - options_.resume_fraction) * progress;
  return full * std::min(1.0, fraction);
}

RateLimiter::TimePoint RateLimiter::NextStart(TimePoint now) const {
  TimePoint earliest = std::max(now, paused_until_);
  if (!started_) return earliest;
  // The spacing after the last start uses the rate in force at that start; during a ramp
  // this is conservative (the rate only rises).
  double interval_s = (1.0 + options_.safety_margin) / RateAt(std::max(last_start_, paused_until_));
  auto interval = std::chrono::duration_cast<Duration>(std::chrono::duration<double>(interval_s));
  return std::max(earliest, last_start_ + interval);
}

void RateLimiter::RecordStart(TimePoint at) {
  started_ = true;
  last_start_ = std::max(last_start_, at);
}

void RateLimiter::Pause(TimePoint now, Duration duration) {
  paused_until_ = std::max(paused_until_, now + duration);
  ramping_ = true;
}

}  // namespace corresp
