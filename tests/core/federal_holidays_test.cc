// The federal holiday calendar (core/federal_holidays.h) as a table of days, traps included:
// observance shifts across a year end, five-Monday months, holidays before they existed.
#include "core/federal_holidays.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

TEST(FederalHolidays, DaysTable) {
  struct Row {
    const char* day;
    bool holiday;
    const char* why;
  };
  const Row rows[] = {
      {"2019-01-01", true, "New Year's Day on a Tuesday"},
      {"2019-01-21", true, "MLK Day: third Monday of January"},
      {"2019-02-18", true, "Washington's Birthday: third Monday of February"},
      {"2019-05-27", true, "Memorial Day: last Monday of May"},
      {"2019-07-04", true, "Independence Day on a Thursday"},
      {"2019-07-05", false, "the Friday after it is a business day"},
      {"2019-09-02", true, "Labor Day: first Monday of September"},
      {"2019-10-14", true, "Columbus Day: second Monday of October"},
      {"2019-11-11", true, "Veterans Day on a Monday"},
      {"2019-11-28", true, "Thanksgiving: fourth Thursday of November"},
      {"2019-11-29", false, "the day after Thanksgiving is open"},
      {"2019-12-24", false, "Christmas Eve is open"},
      {"2019-12-25", true, "Christmas on a Wednesday"},
      {"2018-11-22", true, "Thanksgiving when November starts on a Thursday"},
      {"2018-11-29", false, "... not the last Thursday (the fifth)"},
      {"2021-05-31", true, "Memorial Day in a May of five Mondays: the fifth"},
      {"2021-05-24", false, "... not the fourth"},
      {"2020-07-03", true, "July 4 on a Saturday: observed Friday"},
      {"2020-07-06", false, "... not the Monday after"},
      {"2021-07-05", true, "July 4 on a Sunday: observed Monday"},
      {"2021-12-24", true, "Christmas on a Saturday: observed Friday"},
      {"2021-12-31", true, "New Year's Day 2022 on a Saturday: observed Friday Dec 31, 2021"},
      {"2022-01-03", false, "... not the Monday after"},
      {"2023-01-02", true, "New Year's Day on a Sunday: observed Monday"},
      {"2023-11-10", true, "Veterans Day on a Saturday: observed Friday"},
      {"2021-06-18", false, "Juneteenth counts from 2022 (enacted two days before 2021's)"},
      {"2022-06-20", true, "Juneteenth on a Sunday: observed Monday"},
      {"2023-06-19", true, "Juneteenth on a Monday"},
      {"1985-01-21", false, "no MLK Day before 1986"},
      {"1986-01-20", true, "the first MLK Day"},
      {"2026-11-26", true, "Thanksgiving 2026"},
      {"2026-11-30", false, "an ordinary Monday"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(IsFederalHoliday(D(row.day)), row.holiday) << row.day << ": " << row.why;
    EXPECT_EQ(IsBusinessDay(D(row.day)), !row.holiday) << row.day << ": " << row.why;
  }
}

TEST(FederalHolidays, WeekendsAreNotBusinessDaysNorHolidays) {
  EXPECT_FALSE(IsBusinessDay(D("2019-10-05")));     // Saturday
  EXPECT_FALSE(IsBusinessDay(D("2019-10-06")));     // Sunday
  EXPECT_FALSE(IsFederalHoliday(D("2022-01-01")));  // New Year's Day itself: observed Dec 31
  EXPECT_FALSE(IsFederalHoliday(D("2022-06-19")));  // a Sunday: observed June 20
}

TEST(FederalHolidays, AYearListsElevenInOrderWithItsNewYearObservedTheYearBefore) {
  std::vector<FederalHoliday> y2022 = FederalHolidays(2022);
  ASSERT_EQ(y2022.size(), 11u);
  EXPECT_EQ(y2022.front().name, "New Year's Day");
  EXPECT_EQ(y2022.front().observed, D("2021-12-31"));
  EXPECT_EQ(y2022.back().name, "Christmas Day");
  EXPECT_EQ(y2022.back().observed, D("2022-12-26"));  // Dec 25, 2022 was a Sunday
  for (std::size_t i = 1; i < y2022.size(); ++i)
    EXPECT_LT(y2022[i - 1].observed, y2022[i].observed) << y2022[i].name;
  EXPECT_EQ(FederalHolidays(2021).size(), 10u);  // no Juneteenth yet
  EXPECT_EQ(FederalHolidays(1985).size(), 9u);   // nor MLK Day
}

}  // namespace
}  // namespace corresp
