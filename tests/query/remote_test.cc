// `search --remote`: the same searches against the test index served by Xapian's own
// xapian-tcpsrv on loopback.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "query/export.h"
#include "query/index_stats.h"
#include "query/lookup.h"
#include "query/search.h"
#include "query_fixture.h"
#include "tests/support/free_port.h"
#include "tests/support/tcpsrv.h"

namespace corresp {
namespace {

using testing::FreePort;

class RemoteSearch : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(); }
  void TearDown() override { StopServer(); }
  void StartServer() {
    ASSERT_TRUE(server_.Start(IndexPath(testing::SharedIndexConfig()).string()));
  }
  void StopServer() { server_.Stop(); }
  std::unique_ptr<IndexReader> Connect() {
    std::string address = server_.address();
    for (int i = 0; i < 100; ++i) {
      auto reader = IndexReader::OpenRemote(address);
      if (reader.ok()) return std::move(reader).value();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "xapian-tcpsrv did not start on " << address;
    return nullptr;
  }
  testing::TcpServer server_;
};

TEST_F(RemoteSearch, AnswersLikeTheLocalIndex) {
  auto remote = Connect();
  ASSERT_NE(remote, nullptr);
  auto local = testing::OpenSharedIndex();
  for (const char* q : {"\"hedge accounting\"", "loans held for sale", "standard:sfas133",
                        "form:corresp", "revised disclosures"}) {
    SearchRequest r;
    r.query = q;
    r.facets = true;
    auto a = Search(*remote, r);
    auto b = Search(*local, r);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(a->total, b->total) << q;
    ASSERT_EQ(a->hits.size(), b->hits.size()) << q;
    for (size_t i = 0; i < a->hits.size(); ++i) EXPECT_EQ(a->hits[i].id, b->hits[i].id) << q;
    EXPECT_EQ(a->facets, b->facets) << q;
  }
  // Above the limit the remote client reads the facet values of a sample of the matches too.
  SearchRequest broad;
  broad.query = "form:upload";
  broad.facets = true;
  broad.exact_facets_up_to = 0;
  auto exact = Search(*local, broad);
  broad.exact_facets_up_to = 10;
  auto sampled = Search(*remote, broad);
  ASSERT_TRUE(exact.ok() && sampled.ok());
  ASSERT_GT(exact->total, 4 * broad.exact_facets_up_to);
  EXPECT_FALSE(sampled->facets_exact);
  // The sample holds more than half the limit: a rate of at least limit / (2 x total).
  double max_scale = 2.0 * exact->total / broad.exact_facets_up_to;
  for (const auto& [value, n] : exact->facets["year"]) {
    long got = sampled->facets["year"].count(value) ? sampled->facets["year"][value] : 0;
    EXPECT_LE(std::abs(got - n), 3 * std::sqrt(n * (max_scale - 1)) + 1) << value;
  }
  auto thread = GetThread(*remote, "0001090872-16-000078");
  ASSERT_TRUE(thread.ok()) << thread.status().ToString();
  auto stats = ReadIndexStats(*remote);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_GT(stats->comments, 0);
}

// Export over xapian-tcpsrv (pages of matches instead of a match spy) writes what the local
// export writes, at every level, with and without a query, across page boundaries.
TEST_F(RemoteSearch, ExportsLikeTheLocalIndex) {
  auto remote = Connect();
  ASSERT_NE(remote, nullptr);
  auto local = testing::OpenSharedIndex();
  for (ExportLevel level :
       {ExportLevel::kComment, ExportLevel::kResponse, ExportLevel::kLetter, ExportLevel::kThread})
    for (const char* q : {"", "revenue"}) {
      ExportRequest request;
      request.level = level;
      request.search.query = q;
      request.remote_page = 7;  // several pages on the small test index
      auto from_remote = testing::ExportToString(*remote, request);
      auto from_local = testing::ExportToString(*local, request);
      EXPECT_GT(from_local.rows, 0) << ExportLevelName(level) << " " << q;
      EXPECT_EQ(from_remote.rows, from_local.rows) << ExportLevelName(level) << " " << q;
      EXPECT_EQ(from_remote.text, from_local.text) << ExportLevelName(level) << " " << q;
    }
}

TEST_F(RemoteSearch, ReconnectsAfterTheServerRestarts) {
  auto remote = Connect();
  ASSERT_NE(remote, nullptr);
  ASSERT_TRUE(ReadIndexStats(*remote).ok());
  StopServer();
  auto away = ReadIndexStats(*remote);  // its reconnect is refused too
  ASSERT_FALSE(away.ok());
  EXPECT_EQ(away.status().code(), StatusCode::kNetwork) << away.status().ToString();
  StartServer();
  ASSERT_NE(Connect(), nullptr);  // waits until the new server answers
  auto back = ReadIndexStats(*remote);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_GT(back->comments, 0);
  SearchRequest r;
  r.query = "\"hedge accounting\"";
  EXPECT_TRUE(Search(*remote, r).ok());
}

TEST(RemoteAddress, BadAddressesAreRejected) {
  EXPECT_EQ(IndexReader::OpenRemote("nohost").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(IndexReader::OpenRemote("host:0").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(IndexReader::OpenRemote("host:99999").status().code(), StatusCode::kInvalidArgument);
  IndexReaderOptions fast;
  fast.remote_timeout_ms = 500;
  EXPECT_EQ(
      IndexReader::OpenRemote("127.0.0.1:" + std::to_string(FreePort()), fast).status().code(),
      StatusCode::kNetwork);
}

}  // namespace
}  // namespace corresp
