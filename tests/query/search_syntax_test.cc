// The query language and options of `corresp search` behave as documented
// (docs/index-schema.md): phrases, NEAR, wildcards, date ranges, each filter, facets (checked
// against brute-force counts over every document), sorting, collapsing, spelling, paging.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <set>

#include "index_fixture.h"
#include "query/facet_cache.h"
#include "query/present.h"
#include "query/search.h"
#include "query_fixture.h"

namespace corresp {
namespace {

using nlohmann::json;

SearchResponse RunRequest(SearchRequest r) {
  auto reader = testing::OpenSharedIndex();
  auto res = Search(*reader, r);
  EXPECT_TRUE(res.ok()) << r.query << ": " << res.status().ToString();
  return res.ok() ? *res : SearchResponse{};
}

SearchResponse RunQuery(const std::string& q, int limit = 1000) {
  SearchRequest r;
  r.query = q;
  r.limit = limit;
  return RunRequest(r);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Text(const json& d) {
  std::string headings;
  for (const auto& h : d["headings"]) headings += h.get<std::string>() + " ";
  return Lower(headings + d.value("text", "") + " " + d.value("comment_text", ""));
}

long BruteCount(const std::function<bool(const json&)>& pred) {
  const auto& docs = testing::AllDocumentData();
  return std::count_if(docs.begin(), docs.end(), pred);
}

std::set<std::string> Ids(const SearchResponse& r) {
  std::set<std::string> ids;
  for (const auto& h : r.hits) ids.insert(h.id);
  return ids;
}

TEST(SearchSyntax, PhraseMatchesOnlyAdjacentWords) {
  SearchResponse r = RunQuery("\"critical terms\"");
  ASSERT_FALSE(r.hits.empty());
  for (const auto& h : r.hits) EXPECT_NE(h.snippet.find("critical"), std::string::npos) << h.id;
  EXPECT_EQ(r.total, BruteCount([](const json& d) {
              std::string t = Text(d);
              return t.find("critical terms") != std::string::npos ||
                     t.find("critical-terms") != std::string::npos;
            }));
  EXPECT_EQ(RunQuery("\"terms critical hedge\"").total, 0);
}

TEST(SearchSyntax, NearHonoursItsDistance) {
  // Seed comment 12: "We note that you have recorded the entire amount of your restructuring".
  std::string seed12 = std::string(testing::kSeedAccession) + "#12";
  EXPECT_TRUE(Ids(RunQuery("amount NEAR/3 recorded")).count(seed12));
  EXPECT_FALSE(Ids(RunQuery("amount NEAR/1 recorded")).count(seed12));
  EXPECT_TRUE(Ids(RunQuery("recorded ADJ/3 amount")).count(seed12));
  EXPECT_FALSE(Ids(RunQuery("amount ADJ/3 recorded")).count(seed12));
}

TEST(SearchSyntax, TrailingWildcardExpands) {
  SearchResponse r = RunQuery("ineffective*");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.total, BruteCount([](const json& d) {
              return Text(d).find("ineffective") != std::string::npos;
            }));
}

TEST(SearchSyntax, BooleanOperatorsAndLoveHate) {
  long hedge = RunQuery("hedge").total;
  long both = RunQuery("hedge AND subprime").total;
  long without = RunQuery("hedge NOT effectiveness").total;
  long with = RunQuery("hedge AND effectiveness").total;
  EXPECT_GT(hedge, 0);
  EXPECT_EQ(without + with, hedge);
  EXPECT_LE(both, hedge);
  EXPECT_EQ(RunQuery("+hedge -effectiveness").total, without);
  EXPECT_GE(RunQuery("hedge OR subprime").total, hedge);
}

TEST(SearchSyntax, DateRanges) {
  SearchResponse years = RunQuery("2007..2007");
  EXPECT_GT(years.total, 0);
  for (const auto& h : years.hits) EXPECT_EQ(h.date.substr(0, 4), "2007") << h.id;
  SearchResponse range = RunQuery("date:2016-01-01..2016-06-30");
  EXPECT_EQ(range.total, BruteCount([](const json& d) {
              std::string date = d["date"];
              return date >= "2016-01-01" && date <= "2016-06-30";
            }));
  EXPECT_GT(range.total, 0);
  SearchResponse open = RunQuery("comment 2021..");
  for (const auto& h : open.hits) EXPECT_GE(h.date, "2021-01-01");
}

struct FilterCase {
  const char* name;
  std::function<void(SearchRequest&)> set;
  std::function<bool(const json&)> holds;
};

TEST(SearchFilters, EachFilterEqualsBruteForce) {
  std::vector<FilterCase> cases = {
      {"form", [](SearchRequest& r) { r.form = "upload"; },
       [](const json& d) { return d["form"] == "UPLOAD"; }},
      {"kind", [](SearchRequest& r) { r.kind = "response"; },
       [](const json& d) { return d["type"] == "response"; }},
      {"company", [](SearchRequest& r) { r.company = "Citigroup"; },
       [](const json& d) { return d["company"] == "CITIGROUP INC"; }},
      {"cik", [](SearchRequest& r) { r.cik = "0000831001"; },
       [](const json& d) { return d["cik"] == "831001"; }},
      {"topic", [](SearchRequest& r) { r.topic = "hedge-accounting"; },
       [](const json& d) {
         auto t = d["topics"];
         return std::find(t.begin(), t.end(), "hedge-accounting") != t.end();
       }},
      {"standard", [](SearchRequest& r) { r.standard = "FAS 133"; },
       [](const json& d) {
         auto s = d["standards"];
         return std::find(s.begin(), s.end(), "sfas133") != s.end();
       }},
      {"since",
       [](SearchRequest& r) {
         r.since = Date{2020, 1, 1};
       },
       [](const json& d) { return d["date"] >= "2020-01-01"; }},
      {"until",
       [](SearchRequest& r) {
         r.until = Date{2017, 12, 31};
       },
       [](const json& d) { return d["date"] <= "2017-12-31"; }},
  };
  for (const FilterCase& c : cases) {
    SearchRequest r;
    r.limit = 1000;
    c.set(r);
    SearchResponse res = RunRequest(r);
    long expected = BruteCount(c.holds);
    EXPECT_GT(expected, 0) << c.name;
    EXPECT_EQ(res.total, expected) << c.name;
    EXPECT_EQ(static_cast<long>(res.hits.size()), expected) << c.name;
  }
}

TEST(SearchFilters, FieldPrefixesMatchOptions) {
  EXPECT_EQ(RunQuery("company:citigroup").total,
            BruteCount([](const json& d) { return d["cik"] == "831001"; }));
  EXPECT_EQ(RunQuery("cik:831001").total, RunQuery("company:CITIGROUP").total);
  EXPECT_EQ(RunQuery("form:CORRESP").total,
            BruteCount([](const json& d) { return d["form"] == "CORRESP"; }));
  EXPECT_EQ(RunQuery("kind:closing").total,
            BruteCount([](const json& d) { return d["kind"] == "closing"; }));
  EXPECT_EQ(RunQuery("year:2019").total, BruteCount([](const json& d) {
              return d["date"].get<std::string>().substr(0, 4) == "2019";
            }));
  EXPECT_EQ(RunQuery("topic:hedge-accounting").total, RunQuery("topic:hedge_accounting").total);
  SearchResponse any = RunQuery("effectiveness", 1);
  ASSERT_FALSE(any.hits.empty());
  std::string thread = any.hits[0].thread;
  EXPECT_EQ(RunQuery("thread:" + thread).total,
            BruteCount([&](const json& d) { return d["thread"] == thread; }));
}

TEST(SearchFacets, CountsEqualBruteForce) {
  SearchRequest r;
  r.query = "form:upload";
  r.facets = true;
  SearchResponse res = RunRequest(r);
  auto upload = [](const json& d) { return d["form"] == "UPLOAD"; };
  ASSERT_EQ(res.total, BruteCount(upload));
  std::map<std::string, long> year, company, topic, standard;
  for (const json& d : testing::AllDocumentData()) {
    if (!upload(d)) continue;
    ++year[d["date"].get<std::string>().substr(0, 4)];
    ++company[d["company"].get<std::string>()];
    for (const auto& t : d["topics"]) ++topic[t.get<std::string>()];
    for (const auto& s : d["standards"]) ++standard[s.get<std::string>()];
  }
  EXPECT_EQ(res.facets["form"], (std::map<std::string, long>{{"upload", res.total}}));
  EXPECT_EQ(res.facets["year"], year);
  EXPECT_EQ(res.facets["company"], company);
  EXPECT_EQ(res.facets["topic"], topic);
  EXPECT_EQ(res.facets["standard"], standard);
}

// Above exact_facets_up_to matches the facets come from a sample: facets_exact false (also in
// the JSON answer), the total and each count estimated within three binomial standard errors of
// the exact one (the sample holds at least a quarter of the limit, so the rate is at least
// limit / (4 x total); 8 leaves room for the sample's own spread); at or below the limit they
// are exact and say so.
TEST(SearchFacets, BroadSearchAboveTheLimitCountsASample) {
  SearchRequest r;
  r.query = "form:upload OR form:corresp";
  r.facets = true;
  r.exact_facets_up_to = 0;
  SearchResponse exact = RunRequest(r);
  ASSERT_GT(exact.total, 100) << "a broad query of the test index";
  EXPECT_TRUE(exact.facets_exact);

  r.exact_facets_up_to = exact.total;
  SearchResponse at_limit = RunRequest(r);
  EXPECT_TRUE(at_limit.facets_exact);
  EXPECT_EQ(at_limit.facets, exact.facets);
  EXPECT_EQ(at_limit.total, exact.total);
  EXPECT_EQ(SearchResponseToJson(at_limit)["facets_exact"], true);

  r.exact_facets_up_to = exact.total / 8;
  SearchResponse sampled = RunRequest(r);
  EXPECT_FALSE(sampled.facets_exact);
  EXPECT_EQ(SearchResponseToJson(sampled)["facets_exact"], false);
  EXPECT_EQ(sampled.hits.size(), 10u) << "the page is ranked as usual";
  double max_scale = 8.0 * exact.total / r.exact_facets_up_to;
  auto tolerance = [&](long n) { return 3 * std::sqrt(n * (max_scale - 1)) + 1; };
  EXPECT_LE(std::abs(sampled.total - exact.total), tolerance(exact.total));
  for (const char* facet : {"form", "year"})
    for (const auto& [value, n] : exact.facets[facet]) {
      long got = sampled.facets[facet].count(value) ? sampled.facets[facet][value] : 0;
      EXPECT_LE(std::abs(got - n), tolerance(n))
          << facet << "=" << value << " exact " << n << " sampled " << got;
    }
}

// Sampled and exact counts of the same search are different cache entries.
TEST(SearchFacets, TheLimitIsPartOfTheCacheKey) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.query = "form:upload";
  r.facets = true;
  r.exact_facets_up_to = 0;
  auto exact = Search(*reader, r);
  ASSERT_TRUE(exact.ok());
  r.exact_facets_up_to = exact->total / 8;
  auto sampled = Search(*reader, r);
  ASSERT_TRUE(sampled.ok());
  EXPECT_EQ(reader->facet_cache().size(), 2u);
  EXPECT_FALSE(sampled->facets_exact);
  auto again = Search(*reader, r);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(reader->facet_cache().size(), 2u) << "served from the cache";
  EXPECT_FALSE(again->facets_exact) << "the cache keeps facets_exact";
  EXPECT_EQ(again->facets, sampled->facets);
}

// The facet cache serves the next page and another sort order of the same search: same exact
// total and counts as the first page, without a new entry; a different filter is a new entry.
TEST(SearchFacets, LaterPagesReuseTheCountsOfTheFirst) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.query = "revenue OR hedge";
  r.facets = true;
  r.limit = 3;
  auto first = Search(*reader, r);
  ASSERT_TRUE(first.ok());
  ASSERT_GT(first->total, 6);
  EXPECT_EQ(reader->facet_cache().size(), 1u);
  r.offset = 3;
  r.sort = SortOrder::kDateDescending;
  auto second = Search(*reader, r);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(reader->facet_cache().size(), 1u) << "served from the cache";
  EXPECT_EQ(second->total, first->total);
  EXPECT_EQ(second->facets, first->facets);
  EXPECT_EQ(second->hits.size(), 3u);
  EXPECT_NE(second->hits[0].id, first->hits[0].id);
  r.form = "upload";
  auto filtered = Search(*reader, r);
  ASSERT_TRUE(filtered.ok());
  EXPECT_EQ(reader->facet_cache().size(), 2u);
  EXPECT_LT(filtered->total, first->total);
}

// A word query matches and highlights inflections (stemmed terms); a phrase highlights its
// words as written, whatever the snippets' stemming shortcut.
TEST(SearchSnippets, HighlightStemmedWordsAndPhrases) {
  SearchResponse words = RunQuery("hedged", 50);
  ASSERT_GT(words.total, 0);
  bool inflection = false;
  for (const SearchHit& h : words.hits)
    inflection = inflection || h.snippet.find("<b>hedge</b>") != std::string::npos ||
                 h.snippet.find("<b>hedges</b>") != std::string::npos ||
                 h.snippet.find("<b>hedging</b>") != std::string::npos;
  EXPECT_TRUE(inflection) << "'hedged' highlights other forms of the word";
  SearchResponse phrase = RunQuery("\"hedge accounting\"", 50);
  ASSERT_GT(phrase.total, 0);
  int highlighted = 0;
  for (const SearchHit& h : phrase.hits) {
    std::string lower = Lower(h.snippet);
    for (size_t b = lower.find("<b>"); b != std::string::npos; b = lower.find("<b>", b + 1)) {
      std::string marked = lower.substr(b + 3, lower.find("</b>", b) - b - 3);
      EXPECT_TRUE(marked == "hedge accounting" || marked == "hedge" || marked == "accounting")
          << h.id << ": " << marked;
      ++highlighted;
    }
  }
  EXPECT_GT(highlighted, 0);
}

TEST(FacetCache, KeepsTheMostRecentlyUsed) {
  FacetCache cache(2);
  cache.Put("a", CachedFacets{1, {}});
  cache.Put("b", CachedFacets{2, {}});
  ASSERT_TRUE(cache.Find("a"));  // a is now the most recent
  cache.Put("c", CachedFacets{3, {}});
  EXPECT_FALSE(cache.Find("b")) << "least recently used evicted";
  EXPECT_EQ(cache.Find("a")->total, 1);
  EXPECT_EQ(cache.Find("c")->total, 3);
  FacetCache off(0);
  off.Put("a", CachedFacets{1, {}});
  EXPECT_FALSE(off.Find("a"));
}

TEST(FacetCache, KeyCoversTheMatchSetAndTheRevision) {
  SearchRequest a, b;
  a.query = "x";
  b.query = "x";
  b.offset = 10;
  b.sort = SortOrder::kDate;
  EXPECT_EQ(FacetCacheKey(a, "7"), FacetCacheKey(b, "7"));
  EXPECT_NE(FacetCacheKey(a, "7"), FacetCacheKey(a, "8"));
  b.since = Date{2007, 1, 1};
  EXPECT_NE(FacetCacheKey(a, "7"), FacetCacheKey(b, "7"));
  SearchRequest c, d;  // no field text can imitate another field
  c.query = "a";
  c.company = "b";
  d.query = "a1:b";
  EXPECT_NE(FacetCacheKey(c, "7"), FacetCacheKey(d, "7"));
}

TEST(SearchOptions, SortCollapsePaging) {
  SearchRequest r;
  r.query = "comment";
  r.limit = 1000;
  r.sort = SortOrder::kDate;
  SearchResponse by_date = RunRequest(r);
  for (size_t i = 1; i < by_date.hits.size(); ++i)
    EXPECT_LE(by_date.hits[i - 1].date, by_date.hits[i].date);
  r.sort = SortOrder::kDateDescending;
  SearchResponse desc = RunRequest(r);
  for (size_t i = 1; i < desc.hits.size(); ++i) EXPECT_GE(desc.hits[i - 1].date, desc.hits[i].date);

  r.sort = SortOrder::kRelevance;
  r.collapse = Collapse::kLetter;
  std::set<std::string> letters;
  for (const auto& h : RunRequest(r).hits)
    EXPECT_TRUE(letters.insert(h.accession).second) << h.accession;
  r.collapse = Collapse::kThread;
  std::set<std::string> threads;
  for (const auto& h : RunRequest(r).hits) EXPECT_TRUE(threads.insert(h.thread).second) << h.thread;

  r.collapse = Collapse::kNone;
  r.limit = 10;
  EXPECT_EQ(RunRequest(r).hits.size(), 10u) << "default page";
  SearchResponse all = RunQuery("comment");
  r.offset = 5;
  r.limit = 3;
  SearchResponse page = RunRequest(r);
  ASSERT_EQ(page.hits.size(), 3u);
  EXPECT_EQ(page.hits[0].id, all.hits[5].id);
  EXPECT_EQ(page.offset, 5);
}

TEST(SearchOptions, SpellingSuggestion) {
  SearchResponse r = RunQuery("heding efectiveness");
  EXPECT_FALSE(r.corrected.empty());
  EXPECT_NE(r.corrected.find("effectiveness"), std::string::npos) << r.corrected;
  EXPECT_EQ(RunQuery("hedge effectiveness").corrected, "");
  // The suggestion is in the user's words, never the internal rewrite of a quoted topic.
  SearchResponse quoted = RunQuery("\"hedge acounting\"");
  EXPECT_EQ(quoted.corrected.find("topicw"), std::string::npos) << quoted.corrected;
  EXPECT_NE(quoted.corrected.find("accounting"), std::string::npos) << quoted.corrected;
}

TEST(SearchOptions, SynonymsAndAbbreviations) {
  // HFS and MD&A find their long forms.
  std::string seed3 = std::string(testing::kSeedAccession) + "#3";
  EXPECT_TRUE(Ids(RunQuery("HFS")).count(seed3));
  EXPECT_TRUE(Ids(RunQuery("hfs")).count(seed3));
  EXPECT_GT(RunQuery("MD&A").total, 0);
  // A pre-codification standard finds its ASC counterpart.
  EXPECT_EQ(RunQuery("standard:sfas146").total, RunQuery("standard:asc420").total);
  // Any spelling of a citation, quoted after the field, is the same standard.
  long sfas133 = RunQuery("standard:sfas133").total;
  EXPECT_GT(sfas133, 0);
  EXPECT_EQ(RunQuery("standard:\"FAS 133\"").total, sfas133);
  EXPECT_EQ(RunQuery("standard:\"Statement of Financial Accounting Standards No. 133\"").total,
            sfas133);
}

TEST(SearchOptions, BadRequestsAreInvalidArgument) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.limit = 0;
  EXPECT_EQ(Search(*reader, r).status().code(), StatusCode::kInvalidArgument);
  r.limit = 10;
  r.query = "hedge AND";
  auto res = Search(*reader, r);
  EXPECT_EQ(res.status().code(), StatusCode::kInvalidArgument);
}

TEST(SearchOptions, StemmingFindsOtherForms) {
  EXPECT_EQ(RunQuery("hedging").total, RunQuery("hedge").total);
}

}  // namespace
}  // namespace corresp
