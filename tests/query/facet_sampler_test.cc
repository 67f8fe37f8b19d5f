// FacetSampler (query/facets.h): exact up to its limit, a document-id sample above it whose
// scaled counts stay within three standard errors of the exact ones.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "query/facet_sample.h"
#include "query/facets.h"

namespace corresp {
namespace {

// Document d: form upload or corresp (1 in 3 corresp), year 2005 + d % 10, company "c<d/40>"
// (documents of a company are neighbours, as the writer adds them), a topic every 7th.
std::string Packed(Xapian::docid d) {
  std::string s = std::string("F=") + (d % 3 == 0 ? "corresp" : "upload");
  s += "\tY=" + std::to_string(2005 + d % 10) + "\tC=c" + std::to_string(d / 40);
  if (d % 7 == 0) s += "\tT=revenue";
  return s;
}

FacetCounts Exact(Xapian::docid first, Xapian::docid last) {
  FacetTally tally;
  for (Xapian::docid d = first; d <= last; ++d) tally.Add(Packed(d));
  return tally.counts();
}

FacetSampler Feed(long limit, Xapian::docid first, Xapian::docid last) {
  FacetSampler sampler(limit);
  for (Xapian::docid d = first; d <= last; ++d)
    if (sampler.Wants(d)) sampler.Add(d, Packed(d));
  return sampler;
}

// The binomial standard error of a count n estimated from a sample of rate 1/scale.
double StandardError(long n, long scale) { return std::sqrt(double(n) * (scale - 1)); }

TEST(FacetSampler, ExactUpToTheLimit) {
  struct Case {
    const char* name;
    long limit;
    Xapian::docid matches;
  };
  for (const Case& c : {Case{"below the limit", 5000, 4000}, Case{"at the limit", 4000, 4000},
                        Case{"no limit", 0, 60'000}}) {
    FacetSampler sampler = Feed(c.limit, 1, c.matches);
    EXPECT_TRUE(sampler.exact()) << c.name;
    EXPECT_EQ(sampler.counts(), Exact(1, c.matches)) << c.name;
  }
}

TEST(FacetSampler, AboveTheLimitCountsASampleWithinThreeStandardErrors) {
  const long kLimit = 20'000;  // about the default of SearchOptions::exact_facets_up_to
  const Xapian::docid kMatches = 400'000;
  FacetSampler sampler = Feed(kLimit, 1, kMatches);
  ASSERT_FALSE(sampler.exact());
  EXPECT_LE(sampler.sampled(), kLimit);
  EXPECT_GT(sampler.sampled(), kLimit / 4) << "the sample stays near the limit";
  FacetCounts exact = Exact(1, kMatches), got = sampler.counts();
  long scale = 1;
  while (scale * kLimit < kMatches) scale *= 2;  // the rate that keeps <= kLimit of kMatches
  // Counts whose sample holds ~30 documents or more are within 3 standard errors (a normal
  // approximation holds there); of the rarer ones (companies: 40 documents, ~1 sampled) at
  // most 1% fall outside, the rate a Poisson tail allows.
  long compared = 0, rare = 0, rare_outside = 0;
  for (const auto& [facet, counts] : exact)
    for (const auto& [value, n] : counts) {
      long estimate = got[facet].count(value) ? got[facet][value] : 0;
      bool within = std::abs(estimate - n) <= 3 * StandardError(n, 2 * scale) + 1;
      if (n < 30 * 2 * scale) {
        ++rare;
        rare_outside += !within;
        continue;
      }
      EXPECT_TRUE(within) << facet << "=" << value << " exact " << n << " sampled " << estimate;
      EXPECT_NEAR(estimate, n, 0.1 * n) << facet << "=" << value << ": large counts within 10%";
      ++compared;
    }
  EXPECT_GT(rare, 5000);
  EXPECT_LE(rare_outside, rare / 100);
  EXPECT_EQ(compared, 2 + 10 + 1) << "two forms, ten years and the topic are compared at 10%";
}

// The sample is chosen by a hash of the id, not by position: the documents of a run of ids (one
// company's) are neither all in nor all out, and every level halves the sample.
TEST(FacetSampler, LevelsHalveTheSampleWhateverTheIdOrder) {
  const int kIds = 1 << 16;
  for (int level : {1, 3, 5}) {
    int in = 0;
    for (Xapian::docid d = 1; d <= kIds; ++d) in += FacetSampler::LevelOf(d) >= level;
    double expected = double(kIds) / (1 << level);
    EXPECT_NEAR(in, expected, 4 * std::sqrt(expected)) << "level " << level;
  }
  int runs_all_in = 0;
  for (Xapian::docid company = 0; company < 1000; ++company) {
    int in = 0;
    for (Xapian::docid d = company * 40 + 1; d <= company * 40 + 40; ++d)
      in += FacetSampler::LevelOf(d) >= 1;
    runs_all_in += in == 40 || in == 0;
  }
  EXPECT_EQ(runs_all_in, 0);
}

}  // namespace
}  // namespace corresp

namespace corresp {
namespace {

// FacetSampleSource (query/facet_sample.h) matches exactly the documents after `after` whose
// level is at least `level`, whether the matcher drives it (next), skips it (skip_to, when a
// rarer term leads) or tests it (check).
TEST(FacetSampleSource, MatchesTheSampleAfterTheStart) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("corresp-sample-source-" + std::to_string(::getpid()));
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  const Xapian::docid kDocs = 5000;
  for (Xapian::docid d = 1; d <= kDocs; ++d) {
    Xapian::Document doc;
    doc.add_term("all");
    if (d % 7 == 0) doc.add_term("seventh");
    db.add_document(doc);
  }
  db.commit();
  for (const char* term : {"all", "seventh"})
    for (int level : {1, 3})
      for (Xapian::docid after : {0u, 1u, 2500u, kDocs}) {
        long expected = 0;
        for (Xapian::docid d = after + 1; d <= kDocs; ++d)
          expected += FacetSampler::LevelOf(d) >= level && (term[0] == 'a' || d % 7 == 0);
        Xapian::Enquire enquire(db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term),
                          Xapian::Query((new FacetSampleSource(level, after))->release())));
        Xapian::MSet all = enquire.get_mset(0, kDocs);
        EXPECT_EQ(static_cast<long>(all.size()), expected)
            << term << " level " << level << " after " << after;
        for (auto it = all.begin(); it != all.end(); ++it) {
          EXPECT_GT(*it, after);
          EXPECT_GE(FacetSampler::LevelOf(*it), level);
        }
      }
  db.close();
  std::filesystem::remove_all(dir);
}

TEST(FacetSampleSource, LevelForLeavesAtMostTheLimit) {
  struct Case {
    Xapian::doccount matches;
    long limit;
    int level;
  };
  for (const Case& c : {Case{100, 1000, 1}, Case{2000, 1000, 1}, Case{2001, 1000, 1},
                        Case{2002, 1000, 2}, Case{400'000, 20'000, 5}, Case{16, 0, 1}})
    EXPECT_EQ(SampleLevelFor(c.matches, c.limit), c.level) << c.matches << " / " << c.limit;
}

}  // namespace
}  // namespace corresp
