// The random faults edgar-mirror injects, drawn independently per request from one seeded
// generator so a run with --seed N is reproducible. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <random>

namespace corresp::mirror {

enum class Fault {
  kNone,
  kError,     // answer 503 instead of the real response
  kReset,     // headers + half the body, then a TCP reset
  kTruncate,  // half the body under the full Content-Length, then a clean close
};

// Stable short name ("none", "error", "reset", "truncate") used in the request log.
const char* FaultName(Fault fault);

struct FaultRates {
  double error = 0.0;     // P(503)
  double reset = 0.0;     // P(reset)
  double truncate = 0.0;  // P(truncated body)
};

class FaultDice {
 public:
  FaultDice(FaultRates rates, std::uint64_t seed);

  // Draws three independent uniforms (always three, so the sequence does not depend on
  // outcomes) and returns the first fault that fired, in the order error, reset,
  // truncate; kNone when none did.
  Fault Roll();

 private:
  FaultRates rates_;
  std::mutex mu_;
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> uniform_{0.0, 1.0};
};

}  // namespace corresp::mirror
