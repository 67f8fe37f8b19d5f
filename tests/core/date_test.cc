#include "core/date.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

TEST(DateTest, ParsesIsoAndCompactForms) {
  EXPECT_EQ(Date::Parse("2007-07-03"), (Date{2007, 7, 3}));
  EXPECT_EQ(Date::Parse("20070703"), (Date{2007, 7, 3}));
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
  for (const char* bad : {"", "2007-7-3", "2007-02-30", "2007/07/03", "20071301", "abcd-ef-gh",
                          "2007-07-03x", "1899-01-01"})
    EXPECT_FALSE(Date::Parse(bad).has_value()) << bad;
  EXPECT_TRUE(Date::Parse("2024-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2023-02-29").has_value());
}

TEST(DateTest, ParsesLongEnglishDates) {
  EXPECT_EQ(Date::ParseLong("July 3, 2007"), (Date{2007, 7, 3}));
  EXPECT_EQ(Date::ParseLong("Sept. 14, 2016"), (Date{2016, 9, 14}));
  EXPECT_EQ(Date::ParseLong("3 July 2007"), (Date{2007, 7, 3}));
  EXPECT_EQ(Date::ParseLong("DECEMBER 31, 2006"), (Date{2006, 12, 31}));
  EXPECT_FALSE(Date::ParseLong("July 32, 2007").has_value());
  EXPECT_FALSE(Date::ParseLong("Page 3 of 2007").has_value());
  EXPECT_FALSE(Date::ParseLong("July 2007").has_value());
  EXPECT_EQ(Date::ParseLong("May 3rd, 2006"), (Date{2006, 5, 3}));
  EXPECT_EQ(Date::ParseLong("21st June 2006"), (Date{2006, 6, 21}));
  EXPECT_FALSE(Date::ParseLong("May 3xx, 2006").has_value());
  EXPECT_FALSE(Date::ParseLong("May rd, 2006").has_value());
}

TEST(DateTest, DayArithmeticRoundTrips) {
  Date d{2016, 12, 30};
  EXPECT_EQ(d.AddDays(3), (Date{2017, 1, 2}));
  EXPECT_EQ(Date::FromDaysSinceEpoch(0), (Date{1970, 1, 1}));
  for (long z = -1000; z < 30000; z += 37)
    EXPECT_EQ(Date::FromDaysSinceEpoch(z).DaysSinceEpoch(), z);
}

TEST(DateTest, WeekdaysAndQuarters) {
  EXPECT_EQ((Date{2026, 11, 27}).Weekday(), 5);  // a Friday
  EXPECT_TRUE((Date{2026, 11, 28}).IsWeekend());
  EXPECT_EQ((Date{2016, 10, 28}).Quarter(), 4);
  EXPECT_EQ((Date{2016, 8, 15}).QuarterStart(), (Date{2016, 7, 1}));
}

}  // namespace
}  // namespace corresp
