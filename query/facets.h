// Facet counting over the packed facet slot (core/index_schema.h kSlotFacets): documents per
// value of form, year, company, topic and standard among the matches the matcher examined (all
// of them when check_at_least >= the match count).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "query/search_request.h"

namespace corresp {

// Tallies packed facet values ("F=value\tY=2007\t..."). Counting hashes each "F=value" token
// as it stands in the slot, without allocating, so it stays cheap over tens of thousands of
// matches; counts() builds the per-facet maps once at the end.
class FacetTally {
 public:
  void Add(std::string_view packed);
  FacetCounts counts() const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, long, Hash, std::equal_to<>> tokens_;
};

// A Xapian MatchSpy feeding a FacetTally with every match the matcher examines.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  FacetCounts counts() const { return tally_.counts(); }
  std::string name() const override { return "corresp.FacetSpy"; }

 private:
  FacetTally tally_;
};

}  // namespace corresp
