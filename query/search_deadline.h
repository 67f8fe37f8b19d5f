// A wall-clock budget for counting every match of a search (facets). Xapian 1.4's
// Enquire::set_time_limit stops the exhaustive count from a timer whose firing was not
// deterministic on the test index, so the counting search adds this spy to the Enquire: it sees
// every document counted and throws Expired once the clock passes the deadline, unwinding
// get_mset (query/search.cc catches it and ranks the page without counting). A spy rather than
// a MatchDecider: a decider makes Xapian scale its match estimates. Only for counting: a spy
// makes Xapian consider every candidate, which made ranking-only searches 3x slower.
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
