#include "query/facet_sample.h"

#include "query/facets.h"

namespace corresp {

void FacetSampleSource::init(const Xapian::Database& db) {
  did_ = 0;
  last_ = db.get_lastdocid();
  estimate_ = db.get_doccount() >> level_;
}

void FacetSampleSource::Settle() {
  while (did_ <= last_ && FacetSampler::LevelOf(did_) < level_) ++did_;
}

void FacetSampleSource::next(double) {
  ++did_;
  Settle();
}

void FacetSampleSource::skip_to(Xapian::docid did, double) {
  if (did <= did_) return;
  did_ = did;
  Settle();
}

bool FacetSampleSource::check(Xapian::docid did, double) {
  // Not sampled: an indeterminate position just past `did` (next() moves on from there).
  did_ = did;
  return FacetSampler::LevelOf(did) >= level_;
}

int SampleLevelFor(Xapian::doccount matches, long limit) {
  int level = 1;
  while (limit > 0 && level < 40 && (static_cast<long long>(matches) >> level) > limit) ++level;
  return level;
}

}  // namespace corresp
