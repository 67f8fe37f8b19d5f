// query-cost INDEX [--runs N] [--bm25-b B] [QUERY ...]: where the time of a search goes, query
// by query, on an existing index (a search-bench workdir's xapian/, or a data dir's index). Each
// query is built as `corresp search` builds it (BuildQuery: the parser, stem expansion) and timed,
// the median of --runs (default 5) after one warm-up, in six ways:
//   rank       the ten best by BM25, nothing counted (`corresp search` without facets);
//   rank-and   the same with every phrase turned into a plain AND of its words (no positional
//              check), so rank - rank-and is what the positional checks cost the ranking;
//   first10    the first ten matches, unweighted (what ranking costs is rank - first10);
//   count      every match read with a spy that reads the packed facet value, unweighted (the
//              work of exact facets);
//   count-and  the same without positional checks (count - count-and: what they cost);
// plus `matches` (the query's match count) and `candidates` (the matches of its AND form: the
// documents the matcher walks). Default queries: the 50 of bench/search (bench_queries.h).
// `--bm25-b B` ranks with BM25's length normalisation B instead of Xapian's default 0.5 (0: no
// document length is read for a candidate, what that read costs the ranking).
#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "bench/search/bench_queries.h"
#include "core/index_schema.h"
#include "query/query_builder.h"
#include "query/search_request.h"

using namespace corresp;

namespace {

// Phrases and NEARs become ANDs of their (rewritten) subqueries; other operators keep their
// own operator; leaves and operators with parameters (scale weight, value ranges, wildcards)
// are kept as they are.
Xapian::Query WithoutPositions(const Xapian::Query& q) {
  using Q = Xapian::Query;
  Q::op type = q.get_type();
  bool positional = type == Q::OP_PHRASE || type == Q::OP_NEAR;
  bool rebuilt = positional || type == Q::OP_AND || type == Q::OP_OR || type == Q::OP_SYNONYM ||
                 type == Q::OP_FILTER || type == Q::OP_AND_NOT || type == Q::OP_AND_MAYBE;
  if (!rebuilt) return q;
  std::vector<Q> subs;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    subs.push_back(WithoutPositions(q.get_subquery(i)));
  return Q(positional ? Q::OP_AND : type, subs.begin(), subs.end());
}

// Counts the matches it sees and reads each one's packed facet value, as FacetSpy does.
class ReadingSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    ++seen;
    (void)doc.get_value(schema::kSlotFacets);
  }
  long seen = 0;
};

template <class Run>
double MedianMs(int runs, Run run) {
  run();  // warm-up
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    run();
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

struct Cost {
  double rank = 0, rank_and = 0, first10 = 0, count = 0, count_and = 0;
  long matches = 0, candidates = 0;
};

Cost Measure(const Xapian::Database& db, const Xapian::Query& query, int runs,
             const Xapian::Weight& weight) {
  Xapian::Query plain = WithoutPositions(query);
  auto top = [&](const Xapian::Query& q, bool weighted) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    if (weighted) {
      enquire.set_weighting_scheme(weight);
    } else {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    return enquire.get_mset(0, 10, Xapian::doccount{0}).size();
  };
  long seen = 0;
  auto count = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    ReadingSpy spy;
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    seen = spy.seen;
  };
  Cost c;
  c.rank = MedianMs(runs, [&] { top(query, true); });
  c.rank_and = MedianMs(runs, [&] { top(plain, true); });
  c.first10 = MedianMs(runs, [&] { top(query, false); });
  c.count = MedianMs(runs, [&] { count(query); });
  c.matches = seen;
  c.count_and = MedianMs(runs, [&] { count(plain); });
  c.candidates = seen;
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: query-cost INDEX [--runs N] [--bm25-b B] [QUERY ...]\n";
    return 2;
  }
  int runs = 5;
  double bm25_b = 0.5;  // Xapian's default
  std::vector<std::string> queries;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--bm25-b" && i + 1 < argc) {
      bm25_b = std::clamp(std::atof(argv[++i]), 0.0, 1.0);
    } else {
      queries.push_back(a);
    }
  }
  if (queries.empty())
    for (const auto& parts : bench::Queries()) queries.push_back(bench::XapianQuery(parts));
  try {
    Xapian::Database db(argv[1]);
    fmt::print("{} documents; ms, median of {} runs; BM25 b {}\n", db.get_doccount(), runs, bm25_b);
    const Xapian::BM25Weight weight(1, 0, 1, bm25_b, 0.5);  // Xapian's defaults but b
    fmt::print("{:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>10}  {}\n", "rank", "rank-and", "first10",
               "count", "count-and", "matches", "candidates", "query");
    Cost sum;
    for (const std::string& text : queries) {
      SearchRequest request;
      request.query = text;
      Cost c = Measure(db, BuildQuery(db, request).query, runs, weight);
      fmt::print("{:9.2f} {:9.2f} {:9.2f} {:9.2f} {:9.2f} {:9} {:10}  {}\n", c.rank, c.rank_and,
                 c.first10, c.count, c.count_and, c.matches, c.candidates, text);
      sum.rank += c.rank;
      sum.rank_and += c.rank_and;
      sum.first10 += c.first10;
      sum.count += c.count;
      sum.count_and += c.count_and;
    }
    fmt::print("{:9.2f} {:9.2f} {:9.2f} {:9.2f} {:9.2f} {:>9} {:>10}  (sum)\n", sum.rank,
               sum.rank_and, sum.first10, sum.count, sum.count_and, "", "");
  } catch (const Xapian::Error& e) {
    std::cerr << "query-cost: " << argv[1] << ": " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
