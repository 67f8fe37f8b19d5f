#include "tools/edgar-mirror/rate_limiter.h"

namespace corresp::mirror {

RateLimiter::RateLimiter(int max_per_second, Clock::duration block)
    : max_per_second_(max_per_second), block_(block) {}

bool RateLimiter::Admit(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mu_);
  ClientState& state = clients_[client];
  const auto window_start = now - std::chrono::seconds(1);
  state.recent.push_back(now);
  while (!state.recent.empty() && state.recent.front() <= window_start) state.recent.pop_front();
  while (state.recent.size() > static_cast<std::size_t>(max_per_second_) + 1) {
    state.recent.pop_front();
  }
  if (now < state.blocked_until) {
    state.blocked_until = now + block_;
    return false;
  }
  if (state.recent.size() > static_cast<std::size_t>(max_per_second_)) {
    state.blocked_until = now + block_;
    return false;
  }
  return true;
}

}  // namespace corresp::mirror
