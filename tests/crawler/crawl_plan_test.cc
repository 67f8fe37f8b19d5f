// Which index files a date range reads.
#include "crawler/crawl_plan.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

TEST(CrawlPlanTest, WholePastQuartersUseTheFullIndex) {
  auto plan = PlanIndexFiles({2019, 1, 1}, {2019, 12, 31}, {2026, 11, 27});
  ASSERT_EQ(plan.size(), 4u);
  EXPECT_EQ(plan[0].path, "Archives/edgar/full-index/2019/QTR1/master.idx");
  EXPECT_EQ(plan[3].path, "Archives/edgar/full-index/2019/QTR4/master.idx");
  EXPECT_EQ(plan[3].index_day, (Date{2019, 10, 1}));
  EXPECT_FALSE(plan[0].daily);
}

TEST(CrawlPlanTest, PartialQuartersUseDailyIndexesOnWeekdays) {
  // Thu 2019-12-26 .. Tue 2020-01-07, then the full Q1 2020 is not wholly inside.
  auto plan = PlanIndexFiles({2019, 12, 26}, {2020, 1, 7}, {2026, 11, 27});
  std::vector<std::string> days;
  for (const auto& s : plan) {
    EXPECT_TRUE(s.daily);
    days.push_back(s.index_day.ToIso());
  }
  EXPECT_EQ(days, (std::vector<std::string>{"2019-12-26", "2019-12-27", "2019-12-30", "2019-12-31",
                                            "2020-01-01", "2020-01-02", "2020-01-03", "2020-01-06",
                                            "2020-01-07"}));
  EXPECT_EQ(plan[0].path, "Archives/edgar/daily-index/2019/QTR4/master.20191226.idx");
  EXPECT_EQ(plan[5].path, "Archives/edgar/daily-index/2020/QTR1/master.20200102.idx");
}

TEST(CrawlPlanTest, TheCurrentQuarterIsReadDayByDayUpToToday) {
  auto plan = PlanIndexFiles({2026, 10, 1}, {2026, 12, 31}, {2026, 10, 6});
  ASSERT_EQ(plan.size(), 4u);  // Thu 1, Fri 2, Mon 5, Tue 6
  EXPECT_EQ(plan.back().index_day, (Date{2026, 10, 6}));
}

TEST(CrawlPlanTest, MixedRange) {
  auto plan = PlanIndexFiles({2019, 9, 30}, {2020, 7, 1}, {2026, 11, 27});
  // Mon 2019-09-30 daily, Q4 2019 full, Q1 2020 full, Q2 2020 full, Wed 2020-07-01 daily.
  ASSERT_EQ(plan.size(), 5u);
  EXPECT_TRUE(plan[0].daily);
  EXPECT_FALSE(plan[1].daily);
  EXPECT_FALSE(plan[3].daily);
  EXPECT_TRUE(plan[4].daily);
}

TEST(CrawlPlanTest, EmptyWhenSinceIsAfterUntil) {
  EXPECT_TRUE(PlanIndexFiles({2020, 1, 2}, {2020, 1, 1}, {2026, 1, 1}).empty());
}

TEST(CrawlPlanTest, Filter) {
  FilingFilter all;
  EXPECT_TRUE(all.Matches("10-K", Cik{1}));
  FilingFilter letters{{"UPLOAD", "CORRESP"}, {Cik{831001}}};
  EXPECT_TRUE(letters.Matches("UPLOAD", Cik{831001}));
  EXPECT_FALSE(letters.Matches("UPLOAD", Cik{831002}));
  EXPECT_FALSE(letters.Matches("10-K", Cik{831001}));
}

}  // namespace
}  // namespace corresp
