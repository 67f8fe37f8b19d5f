// Acceptance points of `corresp search` on the test corpus plus the seed letter: ranking of
// the seed's hedge-accounting comments (5-11) and its loans-held-for-sale comment (3).
#include <gtest/gtest.h>

#include <set>

#include "index_fixture.h"
#include "query/search.h"
#include "query_fixture.h"

namespace corresp {
namespace {

std::string Seed(int n) { return std::string(testing::kSeedAccession) + "#" + std::to_string(n); }

SearchResponse RunQuery(const std::string& query, int limit = 20) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.query = query;
  r.limit = limit;
  auto res = Search(*reader, r);
  EXPECT_TRUE(res.ok()) << res.status().ToString();
  return res.ok() ? *res : SearchResponse{};
}

std::set<std::string> TopIds(const SearchResponse& r, size_t n) {
  std::set<std::string> ids;
  for (size_t i = 0; i < std::min(n, r.hits.size()); ++i) ids.insert(r.hits[i].id);
  return ids;
}

const std::set<std::string> kHedgeComments = {Seed(5), Seed(6),  Seed(7), Seed(8),
                                              Seed(9), Seed(10), Seed(11)};

TEST(SearchRanking, HedgeAccountingPhraseRanksSeedComments5To11First) {
  SearchResponse r = RunQuery("\"hedge accounting\"");
  ASSERT_GE(r.hits.size(), 7u);
  EXPECT_EQ(TopIds(r, 7), kHedgeComments);
}

TEST(SearchRanking, StandardSfas133RanksSeedComments5To11First) {
  for (const char* q : {"standard:sfas133", "standard:asc815", "SFAS 133", "FAS 133"}) {
    SearchResponse r = RunQuery(q);
    ASSERT_GE(r.hits.size(), 7u) << q;
    EXPECT_EQ(TopIds(r, 7), kHedgeComments) << q;
  }
}

TEST(SearchRanking, LoansHeldForSaleGivesComment3First) {
  for (const char* q : {"\"loans held for sale\"", "loans held for sale"}) {
    SearchResponse r = RunQuery(q);
    ASSERT_FALSE(r.hits.empty()) << q;
    EXPECT_EQ(r.hits[0].id, Seed(3)) << q;
  }
}

TEST(SearchRanking, HitsCarryDisplayFields) {
  SearchResponse r = RunQuery("\"hedge accounting\"");
  ASSERT_FALSE(r.hits.empty());
  const SearchHit& h = r.hits[0];
  EXPECT_EQ(h.type, "comment");
  EXPECT_EQ(h.company, "CITIGROUP INC");
  EXPECT_EQ(h.date, "2007-07-03");
  EXPECT_EQ(h.form, "UPLOAD");
  EXPECT_TRUE(h.number.has_value());
  EXPECT_FALSE(h.headings.empty());
  EXPECT_NE(h.snippet.find("<b>"), std::string::npos) << h.snippet;
  EXPECT_NE(h.url.find("https://www.sec.gov/Archives/edgar/data/831001/"), std::string::npos);
  EXPECT_FALSE(h.thread.empty());
  EXPECT_GT(h.score, 0);
}

}  // namespace
}  // namespace corresp
