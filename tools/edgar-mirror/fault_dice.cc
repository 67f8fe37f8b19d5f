#include "tools/edgar-mirror/fault_dice.h"

namespace corresp::mirror {

const char* FaultName(Fault fault) {
  switch (fault) {
    case Fault::kNone:
      return "none";
    case Fault::kError:
      return "error";
    case Fault::kReset:
      return "reset";
    case Fault::kTruncate:
      return "truncate";
  }
  return "none";
}

FaultDice::FaultDice(FaultRates rates, std::uint64_t seed) : rates_(rates), rng_(seed) {}

Fault FaultDice::Roll() {
  double e, r, t;
  {
    std::lock_guard lock(mu_);
    e = uniform_(rng_);
    r = uniform_(rng_);
    t = uniform_(rng_);
  }
  // uniform_ is in [0, 1): a rate of 1.0 always fires, 0.0 never does.
  if (e < rates_.error) return Fault::kError;
  if (r < rates_.reset) return Fault::kReset;
  if (t < rates_.truncate) return Fault::kTruncate;
  return Fault::kNone;
}

}  // namespace corresp::mirror
