// The date and sort grammar shared by `corresp search`, the web app and the query parser.
#include "query/request_grammar.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

TEST(RequestGrammarTest, DateBounds) {
  struct Case {
    const char* text;
    const char* lower;  // ISO, or nullptr: rejected
    const char* upper;
    const char* pins;
  } cases[] = {
      {"2007", "2007-01-01", "2007-12-31", "a year is the whole year"},
      {"2007-02", "2007-02-01", "2007-02-28", "a month ends on its last day, not the 31st"},
      {"2008-02", "2008-02-01", "2008-02-29", "leap February"},
      {"2007-12", "2007-12-01", "2007-12-31", "December rolls into the next year"},
      {"2007-07-03", "2007-07-03", "2007-07-03", "a day is itself"},
      {"20070703", "2007-07-03", "2007-07-03", "compact form, as the index stores dates"},
      {"2007-7", nullptr, nullptr, "months take two digits"},
      {"2007-13", nullptr, nullptr, "no 13th month"},
      {"2007-02-30", nullptr, nullptr, "impossible day"},
      {"1899", nullptr, nullptr, "year before kMinBoundYear: a typo"},
      {"2201", nullptr, nullptr, "year after kMaxBoundYear"},
      {"+200", nullptr, nullptr, "a sign is not a digit"},
      {" 2007", nullptr, nullptr, "no spaces"},
      {"newest", nullptr, nullptr, "a word"},
      {"", nullptr, nullptr, "empty: callers treat it as no bound before asking"},
  };
  for (const Case& c : cases) {
    std::optional<Date> lo = ParseDateBound(c.text, BoundSide::kLower);
    std::optional<Date> hi = ParseDateBound(c.text, BoundSide::kUpper);
    if (c.lower == nullptr) {
      EXPECT_FALSE(lo.has_value()) << c.text << ": " << c.pins;
      EXPECT_FALSE(hi.has_value()) << c.text << ": " << c.pins;
      continue;
    }
    ASSERT_TRUE(lo && hi) << c.text << ": " << c.pins;
    EXPECT_EQ(lo->ToIso(), c.lower) << c.text << ": " << c.pins;
    EXPECT_EQ(hi->ToIso(), c.upper) << c.text << ": " << c.pins;
  }
}

TEST(RequestGrammarTest, SortOrders) {
  struct Case {
    const char* text;
    std::optional<SortOrder> sort;
    const char* pins;
  } cases[] = {
      {"", SortOrder::kRelevance, "the default"},
      {"relevance", SortOrder::kRelevance, ""},
      {"date", SortOrder::kDate, "oldest first"},
      {"newest", SortOrder::kDateDescending, "the web's spelling, now the CLI's too"},
      {"-date", SortOrder::kDateDescending, "the CLI's spelling, now the web's too"},
      {"Date", std::nullopt, "names are exact"},
      {"oldest", std::nullopt, "not a sort order"},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseSortOrder(c.text), c.sort) << c.text << ": " << c.pins;
  for (SortOrder s : {SortOrder::kRelevance, SortOrder::kDate, SortOrder::kDateDescending})
    EXPECT_EQ(ParseSortOrder(SortOrderName(s)), s) << "the canonical name reads back";
}

}  // namespace
}  // namespace corresp
