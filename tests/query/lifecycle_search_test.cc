// The comment lifecycle in search (docs/index-schema.md): `status:` and `rounds:` select exactly
// the staff comments whose document data says so, and the status facet counts them.
#include <gtest/gtest.h>

#include <map>

#include "index_fixture.h"
#include "query/search.h"
#include "query_fixture.h"

namespace corresp {
namespace {

using nlohmann::json;

SearchResponse Find(const std::string& q, bool facets = false) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.query = q;
  r.limit = 1000;
  r.facets = facets;
  auto res = Search(*reader, r);
  EXPECT_TRUE(res.ok()) << q << ": " << res.status().ToString();
  return res.ok() ? *res : SearchResponse{};
}

// Staff comments of the index by status, from the document data.
std::map<std::string, long> StatusCounts() {
  std::map<std::string, long> n;
  for (const json& d : testing::AllDocumentData())
    if (d["type"] == "comment" && d.contains("status")) ++n[d["status"].get<std::string>()];
  return n;
}

TEST(LifecycleSearch, StatusFieldEqualsDocumentData) {
  std::map<std::string, long> counts = StatusCounts();
  // The test mirror holds answered, reissued and resolved comments, and open ones.
  for (const char* status : {"responded", "reissued", "resolved", "open"}) {
    SCOPED_TRACE(status);
    EXPECT_GT(counts[status], 0);
    EXPECT_EQ(Find(std::string("status:") + status).total, counts[status]);
  }
  EXPECT_EQ(Find("status:RESPONDED").total, counts["responded"]) << "case does not matter";
  EXPECT_EQ(Find("status:nonsense").total, 0);
  // Responses and letters carry no status.
  long comments = 0;
  for (const json& d : testing::AllDocumentData()) comments += d["type"] == "comment";
  long with_status = 0;
  for (const auto& [status, n] : counts) with_status += n;
  EXPECT_EQ(with_status, comments);
}

TEST(LifecycleSearch, RoundsRange) {
  auto count = [](auto pred) {
    long n = 0;
    for (const json& d : testing::AllDocumentData())
      if (d["type"] == "comment" && pred(d["rounds"].get<int>())) ++n;
    return n;
  };
  long two_or_more = count([](int r) { return r >= 2; });
  EXPECT_GT(two_or_more, 0);
  EXPECT_LT(two_or_more, count([](int) { return true; }));
  EXPECT_EQ(Find("rounds:2..").total, two_or_more);
  EXPECT_EQ(Find("rounds:1..1").total, count([](int r) { return r == 1; }));
  EXPECT_EQ(Find("rounds:..1").total, count([](int r) { return r <= 1; }));
  // Combined with words and another field.
  SearchResponse both = Find("status:reissued rounds:2..");
  EXPECT_EQ(both.total, Find("status:reissued").total) << "a reissued comment has 2+ rounds";
}

TEST(LifecycleSearch, StatusFacetCountsComments) {
  SearchResponse res = Find("type:comment", true);
  std::map<std::string, long> counts = StatusCounts();
  EXPECT_EQ(res.facets["status"], counts);
  SearchResponse responses = Find("type:response", true);
  EXPECT_EQ(responses.facets.count("status"), 0u) << "responses have no status";
}

}  // namespace
}  // namespace corresp
