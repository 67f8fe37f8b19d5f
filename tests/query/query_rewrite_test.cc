// The rewriting done before QueryParser: MD&A, standard citations, quoted topic names.
#include <gtest/gtest.h>

#include "query/query_builder.h"

namespace corresp {
namespace {

const char* kTopics =
    R"([{"slug":"hedge-accounting","name":"Hedge accounting","standards":["sfas133"]}])";

TEST(RewriteQueryString, Abbreviations) {
  EXPECT_EQ(RewriteQueryString("MD&A liquidity", kTopics), "mda liquidity");
  EXPECT_EQ(RewriteQueryString("md&a", kTopics), "mda");
}

TEST(RewriteQueryString, StandardCitationsOutsideQuotes) {
  EXPECT_EQ(RewriteQueryString("SFAS 133 effectiveness", kTopics),
            "standard:sfas133 effectiveness");
  EXPECT_EQ(RewriteQueryString("FAS No. 133", kTopics), "standard:sfas133");
  EXPECT_EQ(RewriteQueryString("ASC 815-10", kTopics), "standard:asc815-10");
  EXPECT_EQ(RewriteQueryString("\"SFAS 133\"", kTopics), "\"SFAS 133\"");
}

// Xapian ignores a quoted value after a non-boolean field, so the quoted citation becomes the
// standard's key.
TEST(RewriteQueryString, QuotedStandardFieldValue) {
  EXPECT_EQ(RewriteQueryString("standard:\"FAS 133\"", kTopics), "standard:sfas133");
  EXPECT_EQ(RewriteQueryString("hedge Standard:\"Statement No. 133\" x", kTopics),
            "hedge Standard:sfas133 x");
  EXPECT_EQ(RewriteQueryString("standard:\"ASC 815\"", kTopics), "standard:asc815");
}

TEST(RewriteQueryString, QuotedTopicNameAlsoMatchesTheTopic) {
  EXPECT_EQ(RewriteQueryString("\"hedge accounting\"", kTopics),
            "(\"hedge accounting\" OR topicw:hedge_accounting)");
  EXPECT_EQ(RewriteQueryString("\"Hedge Accounting\" AND swaps", kTopics),
            "(\"Hedge Accounting\" OR topicw:hedge_accounting) AND swaps");
  EXPECT_EQ(RewriteQueryString("\"hedge effectiveness\"", kTopics), "\"hedge effectiveness\"");
  EXPECT_EQ(RewriteQueryString("hedge accounting", "not json"), "hedge accounting");
}

TEST(RewriteQueryString, UnbalancedQuotesPassThrough) {
  EXPECT_EQ(RewriteQueryString("\"hedge", kTopics), "\"hedge\"");
}

// Several wildcards share one budget of expanded words; one keeps the full 500.
TEST(WildcardExpansion, SeveralWildcardsShareOneBudget) {
  struct Row {
    std::size_t wildcards;
    Xapian::termcount per_wildcard;
    const char* why;
  };
  const Row rows[] = {
      {0, 500, "no wildcard: the parser's default"},
      {1, 500, "one wildcard: its 500 commonest words"},
      {4, 500, "four share 2,000 exactly"},
      {5, 400, "five: 2,000 / 5"},
      {19, 105, "a* OR b* ... OR s*: 2,000 / 19, rounded down"},
      {40, 50, "forty: the floor of 50 each"},
      {1000, 50, "a thousand: still the floor (the query is long anyway)"},
  };
  for (const Row& row : rows)
    EXPECT_EQ(WildcardExpansion(row.wildcards), row.per_wildcard) << row.why;
}

}  // namespace
}  // namespace corresp
