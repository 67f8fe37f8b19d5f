// The sample of documents a broad search counts its facets over (docs/web.md "Facet counts
// of broad searches"): those whose FacetSampler::LevelOf(docid) is at least a level L, about
// one in 2^L of them, spread evenly over the index whatever order documents were added in.
#pragma once

#include <xapian.h>

#include <string>

namespace corresp {

// A posting source matching the sample of level `level` among the documents after docid
// `after`. ANDed (OP_FILTER) with a query, the matcher checks the query (phrase positions ...)
// only on sampled candidates, so counting a broad query costs about 2^-L of counting all its
// matches. Needs no data from the index.
class FacetSampleSource : public Xapian::PostingSource {
 public:
  explicit FacetSampleSource(int level, Xapian::docid after = 0) : level_(level), after_(after) {}
  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return last_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return did_ > last_; }
  Xapian::docid get_docid() const override { return did_; }
  Xapian::PostingSource* clone() const override { return new FacetSampleSource(level_, after_); }
  std::string name() const override { return "corresp.FacetSampleSource"; }

 private:
  void Settle();  // moves on to the first sampled id >= did_
  int level_;
  Xapian::docid after_;
  Xapian::docid did_ = 0, last_ = 0;
  Xapian::doccount estimate_ = 0;
};

// The sample level that leaves about `limit` of `matches` (at least 1): the smallest L with
// matches / 2^L <= limit.
int SampleLevelFor(Xapian::doccount matches, long limit);

// A match spy that throws Exceeded out of get_mset at the (limit+1)-th match it sees: an
// exact count stops there once a search is known to be broad (then counted over a sample).
class MatchLimit : public Xapian::MatchSpy {
 public:
  struct Exceeded {};  // not a Xapian::Error
  explicit MatchLimit(long limit) : limit_(limit) {}
  void operator()(const Xapian::Document& doc, double) override {
    if (++seen_ <= limit_) return;
    stopped_at_ = doc.get_docid();
    throw Exceeded{};
  }
  std::string name() const override { return "corresp.MatchLimit"; }
  // The docid of the match that threw (a shard's own id over several databases); 0 before.
  Xapian::docid stopped_at() const { return stopped_at_; }

 private:
  long limit_;
  long seen_ = 0;
  Xapian::docid stopped_at_ = 0;
};

}  // namespace corresp
