#include "core/federal_holidays.h"

#include <algorithm>

namespace corresp {
namespace {

constexpr int kMonday = 1, kThursday = 4, kSaturday = 6, kSunday = 0;
// Years the holidays that were created late are first observed.
constexpr int kFirstMlkDay = 1986;
constexpr int kFirstJuneteenth = 2022;  // enacted June 17, 2021; counted from 2022

// The n-th (1-based) `weekday` of month/year.
Date NthWeekday(int year, int month, int weekday, int n) {
  Date first{year, month, 1};
  int offset = (weekday - first.Weekday() + 7) % 7;
  return first.AddDays(offset + 7 * (n - 1));
}

// The last `weekday` of month/year.
Date LastWeekday(int year, int month, int weekday) {
  Date next_month = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
  Date last = next_month.AddDays(-1);
  return last.AddDays(-((last.Weekday() - weekday + 7) % 7));
}

// Saturday -> the Friday before, Sunday -> the Monday after.
Date Observed(Date day) {
  if (day.Weekday() == kSaturday) return day.AddDays(-1);
  if (day.Weekday() == kSunday) return day.AddDays(1);
  return day;
}

}  // namespace

std::vector<FederalHoliday> FederalHolidays(int year) {
  std::vector<FederalHoliday> out = {
      {"New Year's Day", Observed(Date{year, 1, 1})},
      {"Washington's Birthday", NthWeekday(year, 2, kMonday, 3)},
      {"Memorial Day", LastWeekday(year, 5, kMonday)},
      {"Independence Day", Observed(Date{year, 7, 4})},
      {"Labor Day", NthWeekday(year, 9, kMonday, 1)},
      {"Columbus Day", NthWeekday(year, 10, kMonday, 2)},
      {"Veterans Day", Observed(Date{year, 11, 11})},
      {"Thanksgiving Day", NthWeekday(year, 11, kThursday, 4)},
      {"Christmas Day", Observed(Date{year, 12, 25})},
  };
  if (year >= kFirstMlkDay)
    out.push_back({"Martin Luther King Jr. Day", NthWeekday(year, 1, kMonday, 3)});
  if (year >= kFirstJuneteenth) out.push_back({"Juneteenth", Observed(Date{year, 6, 19})});
  std::sort(out.begin(), out.end(), [](const FederalHoliday& a, const FederalHoliday& b) {
    return a.observed < b.observed;
  });
  return out;
}

bool IsFederalHoliday(Date day) {
  // Dec 31 can be next year's New Year's Day observed.
  for (int year : {day.year, day.year + 1})
    for (const FederalHoliday& h : FederalHolidays(year))
      if (h.observed == day) return true;
  return false;
}

bool IsBusinessDay(Date day) { return !day.IsWeekend() && !IsFederalHoliday(day); }

}  // namespace corresp
