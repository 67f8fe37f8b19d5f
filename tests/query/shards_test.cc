// Shards end to end: the test corpus indexed once as a whole and once as two indexes split by
// CIK range (`corresp index --cik-range`), each shard served by a real xapian-tcpsrv on
// loopback. Searched together (two --remote addresses, or a stub file naming them), the shards
// answer what the one index answers: hits, totals, facet counts, lookups, stats and exports.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "index_fixture.h"
#include "indexer/index/index_pipeline.h"
#include "query/export.h"
#include "query/index_stats.h"
#include "query/lookup.h"
#include "query/search.h"
#include "query_fixture.h"
#include "tests/support/tcpsrv.h"

namespace corresp {
namespace {

// The split: the corpus's companies run from CIK 7084 to 1551152; six fall on each side.
constexpr const char* kLowRange = "..900000";
constexpr const char* kHighRange = "900001..";

struct Shard {
  Config config;
  testing::TcpServer server;
  long outside_range = 0;
};

class Shards : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shards_ = new Shard[2];
    const char* ranges[] = {kLowRange, kHighRange};
    for (int i = 0; i < 2; ++i) {
      auto dir = testing::MakeTestDataDir("shard-" + std::to_string(i), true);
      ASSERT_TRUE(dir.ok()) << dir.status().ToString();
      IndexOptions options;
      options.cik_range = ParseCikRange(ranges[i]);
      auto report = IndexPending(dir->config, *dir->catalog, *dir->store, options);
      ASSERT_TRUE(report.ok()) << report.status().ToString();
      shards_[i].config = dir->config;
      shards_[i].outside_range = static_cast<long>(report->outside_range);
      ASSERT_TRUE(shards_[i].server.Start(IndexPath(dir->config).string()));
    }
  }
  static void TearDownTestSuite() {
    delete[] shards_;
    shards_ = nullptr;
  }
  // Both shards through xapian-tcpsrv, waiting for the servers to accept.
  static std::unique_ptr<IndexReader> ConnectBoth() {
    std::vector<std::string> remotes = {shards_[0].server.address(), shards_[1].server.address()};
    for (int i = 0; i < 100; ++i) {
      auto reader = OpenIndex("/nonexistent", remotes);
      if (reader.ok()) return std::move(reader).value();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "xapian-tcpsrv did not start";
    return nullptr;
  }
  static Shard* shards_;
};

Shard* Shards::shards_ = nullptr;

std::vector<std::string> Ids(const SearchResponse& r) {
  std::vector<std::string> ids;
  for (const SearchHit& h : r.hits) ids.push_back(h.id);
  return ids;
}

// The hits as runs of ties: consecutive hits with the same sort key (date for a date sort, and
// weight), each run's ids sorted. Xapian orders tied hits by document id, and a document's id in
// two shards searched together (interleaved) differs from its id in one index, so within a tie
// the order may differ; everything else must be the same.
std::vector<std::vector<std::string>> TieRuns(const SearchResponse& r, bool by_date) {
  std::vector<std::vector<std::string>> runs;
  for (std::size_t i = 0; i < r.hits.size(); ++i) {
    const SearchHit& h = r.hits[i];
    bool same = i > 0 && (!by_date || h.date == r.hits[i - 1].date) &&
                std::abs(h.score - r.hits[i - 1].score) <= 1e-9 * std::max(1.0, std::abs(h.score));
    if (!same) runs.emplace_back();
    runs.back().push_back(h.id);
  }
  for (auto& run : runs) std::sort(run.begin(), run.end());
  return runs;
}

// The topic most items carry, so the topic: query matches a good share of the corpus.
std::string BusiestTopic(IndexReader& reader) {
  auto stats = ReadIndexStats(reader);
  std::string best;
  long most = 0;
  if (stats.ok())
    for (const auto& [slug, n] : stats->by_topic)
      if (n > most) best = slug, most = n;
  return best;
}

TEST_F(Shards, EachShardHoldsOnlyItsCompanies) {
  auto one = testing::OpenSharedIndex();
  long whole = ReadIndexStats(*one)->letters;
  long in_shards = 0;
  for (int i = 0; i < 2; ++i) {
    auto reader = IndexReader::Open(IndexPath(shards_[i].config));
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    auto st = ReadIndexStats(**reader);
    ASSERT_TRUE(st.ok());
    EXPECT_GT(st->letters, 0) << "shard " << i;
    EXPECT_GT(shards_[i].outside_range, 0) << "shard " << i;
    in_shards += st->letters;
  }
  EXPECT_EQ(in_shards, whole);
}

TEST_F(Shards, SearchesAnswerLikeOneIndex) {
  auto both = ConnectBoth();
  ASSERT_NE(both, nullptr);
  auto one = testing::OpenSharedIndex();
  std::string topic = BusiestTopic(*one);
  ASSERT_FALSE(topic.empty());
  struct Case {
    std::string name;
    SearchRequest request;
  };
  std::vector<Case> cases;
  auto add = [&](std::string name, auto set) {
    SearchRequest r;
    r.limit = 10'000;  // every hit
    r.facets = true;
    set(r);
    cases.push_back({std::move(name), r});
  };
  add("free text", [](SearchRequest& r) { r.query = "loans held for sale"; });
  add("phrase", [](SearchRequest& r) { r.query = "\"hedge accounting\""; });
  add("form filter", [](SearchRequest& r) { r.query = "revenue form:corresp"; });
  add("standard", [](SearchRequest& r) { r.query = "standard:sfas133"; });
  add("topic", [&](SearchRequest& r) { r.query = "topic:" + topic; });
  add("year range", [](SearchRequest& r) { r.query = "revenue 2016..2018"; });
  add("date sort", [](SearchRequest& r) {
    r.query = "revenue recognition";
    r.sort = SortOrder::kDate;
  });
  add("date sort, newest first", [](SearchRequest& r) {
    r.query = "\"fair value\"";
    r.sort = SortOrder::kDateDescending;
  });
  add("collapsed by letter", [](SearchRequest& r) {
    r.query = "revenue";
    r.collapse = Collapse::kLetter;
  });
  std::size_t same_order = 0;  // cases whose ids come in the very same order
  for (const Case& c : cases) {
    auto a = Search(*both, c.request);
    auto b = Search(*one, c.request);
    ASSERT_TRUE(a.ok()) << c.name << ": " << a.status().ToString();
    ASSERT_TRUE(b.ok()) << c.name;
    EXPECT_GT(b->total, 0) << c.name << ": the case must match something";
    EXPECT_EQ(a->total, b->total) << c.name;
    bool by_date = c.request.sort != SortOrder::kRelevance;
    EXPECT_EQ(TieRuns(*a, by_date), TieRuns(*b, by_date)) << c.name;
    if (Ids(*a) == Ids(*b)) ++same_order;
    EXPECT_EQ(a->facets, b->facets) << c.name;
    EXPECT_FALSE(a->partial) << c.name;
  }
  std::cout << "[ shards ] " << same_order << " of " << cases.size()
            << " cases in the very same order (the others differ only inside ties)\n";
}

// Without --facets the total is Xapian's estimate; over the shards it is the sum of theirs.
TEST_F(Shards, TotalsWithoutFacetsMatch) {
  auto both = ConnectBoth();
  ASSERT_NE(both, nullptr);
  auto one = testing::OpenSharedIndex();
  for (const char* q : {"revenue", "\"fair value\"", "form:upload"}) {
    SearchRequest r;
    r.query = q;
    auto a = Search(*both, r);
    auto b = Search(*one, r);
    ASSERT_TRUE(a.ok() && b.ok()) << q;
    EXPECT_EQ(a->total, b->total) << q;
    EXPECT_EQ(a->hits.size(), b->hits.size()) << q;
  }
}

// show and thread find records kept in either shard (the second shard's too, which Xapian's
// own metadata lookup over several databases would miss).
TEST_F(Shards, LookupsFindRecordsInEitherShard) {
  auto both = ConnectBoth();
  ASSERT_NE(both, nullptr);
  auto one = testing::OpenSharedIndex();
  for (const auto& row : testing::ReadManifest()) {
    auto a = ShowItem(*both, row.accession);
    auto b = ShowItem(*one, row.accession);
    ASSERT_EQ(a.ok(), b.ok()) << row.accession;
    if (b.ok()) {
      EXPECT_EQ(*a, *b) << row.accession;
    }
    auto ta = GetThread(*both, row.accession);
    auto tb = GetThread(*one, row.accession);
    ASSERT_EQ(ta.ok(), tb.ok()) << row.accession;
    if (tb.ok()) {
      EXPECT_EQ(*ta, *tb) << row.accession;
    }
  }
}

TEST_F(Shards, StatsAreSummedOverShards) {
  auto both = ConnectBoth();
  ASSERT_NE(both, nullptr);
  auto one = testing::OpenSharedIndex();
  auto a = ReadIndexStats(*both);
  auto b = ReadIndexStats(*one);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok());
  nlohmann::json ja = IndexStatsToJson(*a), jb = IndexStatsToJson(*b);
  ja.erase("last_indexed");  // the shards were indexed after the one index
  jb.erase("last_indexed");
  EXPECT_EQ(ja, jb);
  EXPECT_FALSE(a->last_indexed.empty());
}

// Letter and thread rows come shard by shard in CIK order, as one index writes them; comment
// and response rows hold the same lines in the order of the merged match set.
TEST_F(Shards, ExportsTheSameRows) {
  auto both = ConnectBoth();
  ASSERT_NE(both, nullptr);
  auto one = testing::OpenSharedIndex();
  for (ExportLevel level :
       {ExportLevel::kComment, ExportLevel::kResponse, ExportLevel::kLetter, ExportLevel::kThread})
    for (const char* q : {"", "revenue"}) {
      ExportRequest request;
      request.level = level;
      request.format = ExportFormat::kJsonl;
      request.search.query = q;
      request.remote_page = 7;
      auto from_shards = testing::ExportToString(*both, request);
      auto from_one = testing::ExportToString(*one, request);
      const std::string& a = from_shards.text;
      const std::string& b = from_one.text;
      std::string what = std::string(ExportLevelName(level)) + " " + q;
      EXPECT_GT(from_one.rows, 0) << what;
      EXPECT_EQ(from_shards.rows, from_one.rows) << what;
      if (level == ExportLevel::kLetter || level == ExportLevel::kThread) {
        EXPECT_EQ(a, b) << what;
      } else {
        auto lines = [](const std::string& text) {
          std::vector<std::string> out;
          std::istringstream in(text);
          for (std::string line; std::getline(in, line);) out.push_back(line);
          std::sort(out.begin(), out.end());
          return out;
        };
        EXPECT_EQ(lines(a), lines(b)) << what;
      }
    }
}

// A Xapian stub file names the shards: remote ones (as xapian-delve reads it) or local folders.
TEST_F(Shards, StubFilesNameTheShards) {
  ConnectBoth();  // the servers are up
  auto one = testing::OpenSharedIndex();
  // In the first shard's data dir (removed with it); the local stub's paths are relative.
  std::filesystem::path dir = shards_[0].config.data_dir;
  std::filesystem::path remote_stub = dir / "shards-remote.stub";
  std::ofstream(remote_stub) << "# two CIK-range shards\nremote " << shards_[0].server.address()
                             << "\n\nremote " << shards_[1].server.address() << "\n";
  std::filesystem::path local_stub = dir / "shards-local.stub";
  std::ofstream(local_stub) << "auto "
                            << std::filesystem::relative(IndexPath(shards_[0].config), dir).string()
                            << "\nglass "
                            << std::filesystem::relative(IndexPath(shards_[1].config), dir).string()
                            << "\n";
  SearchRequest r;
  r.query = "revenue";
  r.facets = true;
  r.limit = 10'000;
  auto expected = Search(*one, r);
  ASSERT_TRUE(expected.ok());
  for (const auto& stub : {remote_stub, local_stub}) {
    auto reader = IndexReader::Open(stub);
    ASSERT_TRUE(reader.ok()) << stub << ": " << reader.status().ToString();
    EXPECT_EQ((*reader)->shards().size(), 2u);
    auto got = Search(**reader, r);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->total, expected->total) << stub;
    EXPECT_EQ(TieRuns(*got, false), TieRuns(*expected, false)) << stub;
    EXPECT_EQ(got->facets, expected->facets) << stub;
  }
}

// A broad search over the shards samples its facets too: a local stub (several databases: the
// whole index sampled by each shard's own ids) and a remote one (the client's sample); both
// say so and stay within three standard errors of the one index's exact counts.
TEST_F(Shards, BroadSearchesSampleOverShards) {
  ConnectBoth();
  auto one = testing::OpenSharedIndex();
  std::filesystem::path dir = shards_[0].config.data_dir;
  std::filesystem::path remote_stub = dir / "sampled-remote.stub";
  std::ofstream(remote_stub) << "remote " << shards_[0].server.address() << "\nremote "
                             << shards_[1].server.address() << "\n";
  std::filesystem::path local_stub = dir / "sampled-local.stub";
  std::ofstream(local_stub) << "auto "
                            << std::filesystem::relative(IndexPath(shards_[0].config), dir).string()
                            << "\nauto "
                            << std::filesystem::relative(IndexPath(shards_[1].config), dir).string()
                            << "\n";
  SearchRequest r;
  r.query = "form:upload OR form:corresp";
  r.facets = true;
  r.exact_facets_up_to = 0;
  auto exact = Search(*one, r);
  ASSERT_TRUE(exact.ok());
  ASSERT_GT(exact->total, 100);
  r.exact_facets_up_to = exact->total / 8;
  double max_scale = 8.0 * exact->total / r.exact_facets_up_to;
  auto tolerance = [&](long n) { return 3 * std::sqrt(n * (max_scale - 1)) + 1; };
  for (const auto& stub : {local_stub, remote_stub}) {
    auto reader = IndexReader::Open(stub);
    ASSERT_TRUE(reader.ok()) << stub << ": " << reader.status().ToString();
    auto got = Search(**reader, r);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_FALSE(got->facets_exact) << stub;
    EXPECT_LE(std::abs(got->total - exact->total), tolerance(exact->total)) << stub;
    for (const auto& [value, n] : exact->facets["year"]) {
      long year = got->facets["year"].count(value) ? got->facets["year"][value] : 0;
      EXPECT_LE(std::abs(year - n), tolerance(n)) << stub << " year " << value;
    }
  }
}

TEST(StubFile, BadLinesNameTheFileAndLine) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("corresp-stub-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  struct Row {
    const char* text;
    const char* says;
  } rows[] = {
      {"remote tcp 127.0.0.1:9\n", "without `tcp`"}, {"remote 127.0.0.1\n", "HOST:PORT"},
      {"inmemory\n", "one type and one address"},    {"chert /x\n", "unknown shard type"},
      {"# nothing\n\n", "names no shard"},
  };
  for (const Row& row : rows) {
    std::filesystem::path stub = dir / "bad.stub";
    std::ofstream(stub) << row.text;
    auto shards = ReadStubFile(stub);
    ASSERT_FALSE(shards.ok()) << row.text;
    EXPECT_EQ(shards.status().code(), StatusCode::kInvalidArgument) << row.text;
    EXPECT_NE(shards.status().message().find(stub.string()), std::string::npos) << row.text;
    EXPECT_NE(shards.status().message().find(row.says), std::string::npos)
        << shards.status().message();
  }
  EXPECT_EQ(ReadStubFile(dir / "missing.stub").status().code(), StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

TEST(CikRangeGrammar, ParsesBoundsAndRejectsTheRest) {
  struct Row {
    const char* text;
    bool ok;
    std::uint64_t low, high;
  } rows[] = {
      {"1..900000", true, 1, 900000},
      {"..900000", true, 0, 900000},
      {"900001..", true, 900001, 9'999'999'999},
      {"0000320193..0000320193", true, 320193, 320193},
      {"900000..1", false, 0, 0},
      {"1-5", false, 0, 0},
      {"a..b", false, 0, 0},
      {"", false, 0, 0},
  };
  for (const Row& row : rows) {
    std::optional<CikRange> r = ParseCikRange(row.text);
    ASSERT_EQ(r.has_value(), row.ok) << row.text;
    if (!r) continue;
    EXPECT_EQ(r->low.value, row.low) << row.text;
    EXPECT_EQ(r->high.value, row.high) << row.text;
  }
}

}  // namespace
}  // namespace corresp
