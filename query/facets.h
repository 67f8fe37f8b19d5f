// Facet counting over the packed facet slot (core/index_schema.h kSlotFacets): documents per
// value of form, year, company, topic, standard, status and office among the matches.
//
// A local search above SearchRequest::exact_facets_up_to matches counts a sample of them
// through query/facet_sample.h; FacetSampler is the remote client's way (docs/web.md "Facet
// counts of broad searches"): it reads every match's value until `exact_up_to` have been
// counted, then keeps a sample chosen by a hash of the document id (independent of the match
// order, so not biased towards early documents), halving the sample rate whenever the sample
// outgrows the limit, and scales its counts by the inverse rate.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/search_request.h"

namespace corresp {

// Tallies packed facet values ("F=value\tY=2007\t..."). Counting hashes each "F=value" token
// as it stands in the slot, without allocating, so it stays cheap over tens of thousands of
// matches; counts() builds the per-facet maps once at the end, each count times `scale`.
class FacetTally {
 public:
  void Add(std::string_view packed);
  FacetCounts counts(long scale = 1) const;
  // Adds this tally's counts to `out`, each times `scale`.
  void AddTo(FacetCounts& out, long scale) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, long, Hash, std::equal_to<>> tokens_;
};

// Exact counts of the first `exact_up_to` matches offered, then a hash sample of all of them
// (see the top of this file). Feed it every match: Wants(docid) says whether the document's
// facet value is needed (read it only then), Add() counts it. `exact_up_to` 0 = always exact.
class FacetSampler {
 public:
  explicit FacetSampler(long exact_up_to) : exact_up_to_(exact_up_to) {}
  bool Wants(Xapian::docid did) const { return level_ == 0 || LevelOf(did) >= level_; }
  // Precondition: Wants(did).
  void Add(Xapian::docid did, std::string_view packed);
  // Counts (scaled by the inverse sample rate once sampling started), each times `scale`.
  FacetCounts counts(long scale = 1) const;
  // True while every match offered so far was counted.
  bool exact() const { return level_ == 0; }
  // Matches offered whose facet value was counted and is still in the sample.
  long sampled() const { return sampled_; }

  // A document is in the sample of level L when LevelOf(docid) >= L (probability 2^-L).
  static int LevelOf(Xapian::docid did);

 private:
  long exact_up_to_;
  int level_ = 0;
  long sampled_ = 0;
  std::vector<FacetTally> tallies_;  // by level: documents of exactly that level
  std::vector<long> docs_;           // documents in tallies_[level]
};

// A Xapian MatchSpy feeding a FacetSampler with every match the matcher examines (all of them
// when check_at_least >= the match count). It reads a match's facet value only when the
// sampler wants it.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(long exact_up_to = 0) : sampler_(exact_up_to) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // Each count times `scale` (a search counting a sample of rate 1/scale).
  FacetCounts counts(long scale = 1) const { return sampler_.counts(scale); }
  bool exact() const { return sampler_.exact(); }
  std::string name() const override { return "corresp.FacetSpy"; }

 private:
  FacetSampler sampler_;
};

}  // namespace corresp
