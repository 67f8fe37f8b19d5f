// An index filled by two writers (indexer/index/backfill_writers.h) answers as one filled by a
// single writer: the same totals, exact facets, hit pages with snippets and similar items, the
// same `show` of every letter and item, the same threads and `stats` figures. Both built from
// the test corpus by the real pipeline, in small batches so that companies span batches.
#include <gtest/gtest.h>

#include "index_fixture.h"
#include "indexer/index/index_pipeline.h"
#include "query/index_stats.h"
#include "query/lookup.h"
#include "query/search.h"

namespace corresp {
namespace {

using nlohmann::json;

std::unique_ptr<IndexReader> Build(const std::string& name, int writers) {
  auto dir = testing::MakeTestDataDir(name, true);
  EXPECT_TRUE(dir.ok()) << dir.status().ToString();
  if (!dir.ok()) return nullptr;
  IndexOptions options;
  options.backfill_writers = writers;
  options.batch_size = 4;
  auto report = IndexPending(dir->config, *dir->catalog, *dir->store, options);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->writers, writers);
  auto reader = IndexReader::Open(IndexPath(dir->config));
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  return reader.ok() ? std::move(reader).value() : nullptr;
}

// What a user sees of a search: total, facets, and each hit's id, snippet and paired item.
std::string Answer(IndexReader& reader, const std::string& query, bool with_facets) {
  SearchRequest r;
  r.query = query;
  r.facets = with_facets;
  r.exact_facets_up_to = 0;
  r.limit = 20;
  auto res = Search(reader, r);
  if (!res.ok()) return "error: " + res.status().ToString();
  std::string out = "total " + std::to_string(res->total) + "\n";
  for (const auto& [facet, counts] : res->facets)
    for (const auto& [value, n] : counts)
      out += facet + "=" + value + ":" + std::to_string(n) + " ";
  out += "\n";
  for (const SearchHit& h : res->hits)
    out +=
        h.id + " " + h.thread + " " + h.snippet + (h.response ? " +" + h.response->id : "") + "\n";
  return out;
}

TEST(BackfillSearch, TwoWritersAnswerAsOne) {
  auto one = Build("backfill-search-one", 1);
  auto two = Build("backfill-search-two", 2);
  ASSERT_TRUE(one && two);
  for (const char* q :
       {"revenue", "\"hedge accounting\"", "liquidity", "please revise your disclosure",
        "type:response revenue", "topic:revenue-recognition", "company:citigroup",
        "status:resolved", "income taxes", "loans NEAR/5 sale", "fair value -level"}) {
    SCOPED_TRACE(q);
    std::string a = Answer(*one, q, true);
    EXPECT_NE(a.rfind("total 0\n", 0), 0u) << "the query matches something";
    EXPECT_EQ(Answer(*two, q, true), a);
    EXPECT_EQ(Answer(*two, q, false), Answer(*one, q, false));
  }
  // Every letter and item shown alike, and its thread and similar items.
  SearchRequest all;
  all.query = "";
  all.limit = 10000;
  auto every = Search(*one, all);
  ASSERT_TRUE(every.ok()) << every.status().ToString();
  ASSERT_GT(every->hits.size(), 60u);
  for (const SearchHit& h : every->hits) {
    for (const std::string& id : {h.id, h.accession}) {
      auto a = ShowItem(*one, id), b = ShowItem(*two, id);
      ASSERT_TRUE(a.ok() && b.ok()) << id;
      EXPECT_EQ(*b, *a) << id;
      auto ta = GetThread(*one, id), tb = GetThread(*two, id);
      ASSERT_EQ(ta.ok(), tb.ok()) << id;
      if (ta.ok()) {
        EXPECT_EQ(*tb, *ta) << id;
      }
    }
    auto sa = Similar(*one, h.id), sb = Similar(*two, h.id);
    ASSERT_TRUE(sa.ok() && sb.ok()) << h.id;
    ASSERT_EQ(sb->hits.size(), sa->hits.size()) << h.id;
    for (std::size_t i = 0; i < sa->hits.size(); ++i) EXPECT_EQ(sb->hits[i].id, sa->hits[i].id);
  }
  auto stats_one = ReadIndexStats(*one), stats_two = ReadIndexStats(*two);
  ASSERT_TRUE(stats_one.ok() && stats_two.ok());
  EXPECT_EQ(stats_two->documents, stats_one->documents);
  EXPECT_EQ(stats_two->letters, stats_one->letters);
  EXPECT_EQ(stats_two->threads_open, stats_one->threads_open);
  EXPECT_EQ(stats_two->threads_closed, stats_one->threads_closed);
  EXPECT_EQ(stats_two->by_year, stats_one->by_year);
  EXPECT_EQ(stats_two->by_topic, stats_one->by_topic);
}

}  // namespace
}  // namespace corresp
