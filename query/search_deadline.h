// A wall-clock budget for one Xapian match. Xapian 1.4 cannot end a match early:
// Enquire::set_time_limit only stops the exhaustive count (check_at_least), fires from a timer
// whose timing is not deterministic, and a ranking that itself runs long is never cut. So the
// search adds this spy to the Enquire: it sees every document the matcher considers and throws
// Expired once the clock passes the deadline, unwinding get_mset (query/search.cc catches it).
// A spy rather than a MatchDecider: a decider makes Xapian scale its match estimates.
#pragma once

#include <xapian.h>

#include <chrono>
#include <string>

namespace corresp {

class SearchDeadline : public Xapian::MatchSpy {
 public:
  // Thrown out of get_mset when the deadline has passed (not a Xapian::Error).
  struct Expired {};

  explicit SearchDeadline(std::chrono::steady_clock::time_point deadline) : deadline_(deadline) {}

  // Throws Expired when the deadline has passed (checked on the first call and every
  // kCheckEvery calls after).
  void operator()(const Xapian::Document& doc, double weight) override;
  std::string name() const override { return "corresp.SearchDeadline"; }

 private:
  // Reading the clock costs ~20 ns; a candidate costs far more with facets counted.
  static constexpr unsigned kCheckEvery = 64;
  std::chrono::steady_clock::time_point deadline_;
  unsigned calls_ = 0;
};

}  // namespace corresp
