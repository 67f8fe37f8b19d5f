#include "query/facet_sample.h"

#include <algorithm>

#include "query/facets.h"

namespace corresp {

void FacetSampleSource::init(const Xapian::Database& db) {
  did_ = after_;
  last_ = db.get_lastdocid();
  estimate_ = (last_ > after_ ? last_ - after_ : 0) >> level_;
}

void FacetSampleSource::Settle() {
  while (did_ <= last_ && FacetSampler::LevelOf(did_) < level_) ++did_;
}

void FacetSampleSource::next(double) {
  ++did_;
  Settle();
}

void FacetSampleSource::skip_to(Xapian::docid did, double) {
  // Before the first move did_ is `after`, not a position: any skip moves.
  if (did <= did_ && did_ > after_) return;
  did_ = std::max(did, after_ + 1);
  Settle();
}

bool FacetSampleSource::check(Xapian::docid did, double) {
  // Not sampled (or not after `after`): an indeterminate position from which next() moves on.
  did_ = std::max(did, after_);
  return did > after_ && FacetSampler::LevelOf(did) >= level_;
}

int SampleLevelFor(Xapian::doccount matches, long limit) {
  int level = 1;
  while (limit > 0 && level < 40 && (static_cast<long long>(matches) >> level) > limit) ++level;
  return level;
}

}  // namespace corresp
