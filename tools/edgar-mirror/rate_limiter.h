// SEC-style fair-access limiter: a client (remote IP) making more than `max_per_second`
// requests in any sliding one-second window is blocked for `block`, and every request made
// while blocked restarts the block. Time is passed in, so tests drive it directly.
// Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace corresp::mirror {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Precondition: max_per_second >= 1, block >= 0.
  RateLimiter(int max_per_second, Clock::duration block);

  // Records one request from `client` at `now` (now never decreases per client). Returns
  // true when it may be served, false when the client is blocked (newly or still).
  bool Admit(const std::string& client, Clock::time_point now);

 private:
  struct ClientState {
    std::deque<Clock::time_point> recent;  // last max_per_second + 1 request times
    Clock::time_point blocked_until{};
  };

  const int max_per_second_;
  const Clock::duration block_;
  std::mutex mu_;
  std::unordered_map<std::string, ClientState> clients_;
};

}  // namespace corresp::mirror
