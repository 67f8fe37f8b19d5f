// Facet counting: a Xapian MatchSpy over the packed facet slot (core/index_schema.h
// kSlotFacets). Counts documents per value of form, year, company, topic and standard among
// the matches the matcher examined (all of them when check_at_least >= the match count).
#pragma once

#include <xapian.h>

#include <string>

#include "query/search_request.h"

namespace corresp {

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  const FacetCounts& counts() const { return counts_; }
  std::string name() const override { return "corresp.FacetSpy"; }

 private:
  FacetCounts counts_;
};

// Adds the facets of one packed slot value to `counts` (exposed for tests).
void CountPackedFacets(const std::string& packed, FacetCounts& counts);

}  // namespace corresp
