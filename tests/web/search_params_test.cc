// Parameters of /api/search and the search page: accepted values, caps and error messages.
#include "web/search_params.h"

#include <gtest/gtest.h>

#include "test_client.h"

namespace corresp::web {
namespace {

Result<SearchRequest> Parse(const std::string& qs, WebLimits limits = {}) {
  return ParseSearchParams(ParseQueryString(qs), limits);
}

TEST(SearchParams, AllFilters) {
  auto r = Parse(
      "q=%22hedge+accounting%22&form=UPLOAD&kind=comment&company=citigroup&cik=0000831001"
      "&topic=Hedge-Accounting&standard=FAS+133&since=2005&until=2008-06&sort=newest"
      "&collapse=thread&facets=1&limit=20&offset=40");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->query, "\"hedge accounting\"");
  EXPECT_EQ(r->form, "upload");
  EXPECT_EQ(r->kind, "comment");
  EXPECT_EQ(r->company, "citigroup");
  EXPECT_EQ(r->cik, "0000831001");
  EXPECT_EQ(r->topic, "hedge-accounting");
  EXPECT_EQ(r->standard, "FAS 133");
  EXPECT_EQ(r->since->ToIso(), "2005-01-01");
  EXPECT_EQ(r->until->ToIso(), "2008-06-30");
  EXPECT_EQ(r->sort, SortOrder::kDateDescending);
  EXPECT_EQ(r->collapse, Collapse::kThread);
  EXPECT_TRUE(r->facets);
  EXPECT_EQ(r->limit, 20);
  EXPECT_EQ(r->offset, 40);
}

TEST(SearchParams, DefaultsAndPage) {
  auto r = Parse("q=x&page=3");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->limit, 10);
  EXPECT_EQ(r->offset, 20);
  EXPECT_EQ(r->sort, SortOrder::kRelevance);
  EXPECT_FALSE(r->facets);
  auto until = Parse("until=2008");
  ASSERT_TRUE(until.ok());
  EXPECT_EQ(until->until->ToIso(), "2008-12-31");
  auto feb = Parse("until=2008-02");
  ASSERT_TRUE(feb.ok());
  EXPECT_EQ(feb->until->ToIso(), "2008-02-29");
}

struct BadCase {
  const char* label;
  const char* qs;
  const char* message_part;
};
// gtest prints a case by its label (ctest lists it so).
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.label; }

class SearchParamsBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(SearchParamsBad, RejectedWithReason) {
  auto r = Parse(GetParam().qs);
  ASSERT_FALSE(r.ok()) << GetParam().label;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find(GetParam().message_part), std::string::npos)
      << GetParam().label << ": " << r.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SearchParamsBad,
    ::testing::Values(BadCase{"unknown parameter", "q=x&colour=red", "unknown parameter 'colour'"},
                      BadCase{"unknown form", "form=10-K", "unknown form"},
                      BadCase{"unknown kind", "kind=memo", "unknown kind"},
                      BadCase{"bad date", "since=2005-13-01", "bad date for since"},
                      BadCase{"words as date", "until=yesterday", "bad date for until"},
                      BadCase{"since after until", "since=2010&until=2005", "since is after until"},
                      BadCase{"bad sort", "sort=random", "unknown sort"},
                      BadCase{"bad collapse", "collapse=company", "unknown collapse"},
                      BadCase{"limit zero", "limit=0", "limit must be"},
                      BadCase{"limit too big", "limit=100000", "limit must be"},
                      BadCase{"limit not a number", "limit=ten", "limit must be"},
                      BadCase{"negative offset", "offset=-1", "offset must be"},
                      BadCase{"window too deep", "offset=5000", "result window too deep"},
                      BadCase{"page zero", "page=0", "page must be"},
                      BadCase{"cik letters", "cik=abc", "cik must be digits"}),
    [](const auto& info) { return testing::TestNameOf(info.param.label); });

TEST(SearchParams, QueryLengthCapped) {
  std::string big(10 * 1024, 'a');
  auto r = Parse("q=" + big);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("query too long"), std::string::npos);
  WebLimits wide;
  wide.max_query_bytes = 20 * 1024;
  EXPECT_TRUE(Parse("q=" + big, wide).ok());
}

TEST(SearchParams, RoundTripThroughParams) {
  auto r = Parse("q=swap&form=corresp&since=2006-02-03&sort=date&limit=25&offset=25");
  ASSERT_TRUE(r.ok());
  auto again = ParseSearchParams(SearchParamsOf(*r, WebLimits{}), WebLimits{});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->query, "swap");
  EXPECT_EQ(again->form, "corresp");
  EXPECT_EQ(again->since->ToIso(), "2006-02-03");
  EXPECT_EQ(again->sort, SortOrder::kDate);
  EXPECT_EQ(again->limit, 25);
  EXPECT_EQ(again->offset, 25);
}

TEST(SearchParams, DraftStatementLettersAndTheSharedGrammar) {
  auto r = Parse("form=DRSLTR&since=2007-02&until=2007-02&sort=-date");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->form, "drsltr");
  EXPECT_EQ(r->since->ToIso(), "2007-02-01");
  EXPECT_EQ(r->until->ToIso(), "2007-02-28") << "the month's real last day";
  EXPECT_EQ(r->sort, SortOrder::kDateDescending) << "-date is the CLI's spelling of newest";
  EXPECT_TRUE(Parse("form=dosltr").ok());
}

}  // namespace
}  // namespace corresp::web
