#include "query/search_deadline.h"

namespace corresp {

void SearchDeadline::operator()(const Xapian::Document&, double) {
  if (calls_++ % kCheckEvery == 0 && std::chrono::steady_clock::now() >= deadline_) throw Expired{};
}

}  // namespace corresp
