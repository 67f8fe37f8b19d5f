// The server-drawn year chart.
#include "web/year_chart.h"

#include <gtest/gtest.h>

namespace corresp::web {
namespace {

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
    ++n;
  return n;
}

TEST(YearChart, OneBarPerYearIncludingGaps) {
  std::string svg = YearChartSvg({{"2005", 3}, {"2008", 10}}, {});
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(Count(svg, "<rect class=\"bar\""), 4);  // 2005..2008
  EXPECT_NE(svg.find("<title>2008: 10 matches</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>2006: 0 matches</title>"), std::string::npos);
  EXPECT_NE(svg.find(">2005</text>"), std::string::npos);
}

TEST(YearChart, LinksOnlyNonEmptyBarsAndEscapesThem) {
  std::string svg = YearChartSvg({{"2005", 3}, {"2007", 1}}, {},
                                 [](int y) { return "/?q=a&since=" + std::to_string(y); });
  EXPECT_EQ(Count(svg, "<a href="), 2);
  EXPECT_NE(svg.find("href=\"/?q=a&amp;since=2005\""), std::string::npos);
}

TEST(YearChart, EmptyWhenNoYears) {
  EXPECT_EQ(YearChartSvg({}, {}), "");
  EXPECT_EQ(YearChartSvg({{"n/a", 4}, {"2001", 0}}, {}), "");
}

TEST(YearChart, NounIsEscaped) {
  YearChartOptions o;
  o.noun = "<x>";
  std::string svg = YearChartSvg({{"2001", 1}}, o);
  EXPECT_EQ(svg.find("<x>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;x&gt;"), std::string::npos);
}

}  // namespace
}  // namespace corresp::web
