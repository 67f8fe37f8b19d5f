// U.S. federal holidays, by rule (5 U.S.C. 6103 and the observance rule of Executive Order
// 11582): the days EDGAR publishes no daily index because the SEC is closed. The crawler's day
// planner (crawler/day_plan.h) treats them as it treats weekends.
//
// Holidays: New Year's Day (Jan 1), Martin Luther King Jr. Day (third Monday of January, from
// 1986), Washington's Birthday (third Monday of February), Memorial Day (last Monday of May),
// Juneteenth (June 19, from 2022: the law came on June 17, 2021; its first full year),
// Independence Day (July 4), Labor Day (first Monday of September), Columbus Day (second
// Monday of October), Veterans Day (Nov 11), Thanksgiving (fourth Thursday of November),
// Christmas (Dec 25). A fixed-date holiday on a Saturday is observed the Friday before (New
// Year's Day on a Saturday: Dec 31 of the year before), on a Sunday the Monday after.
//
// Not covered (no rule): one-off closures such as a national day of mourning or an order
// closing federal offices; the planner leaves those pending until the quarter is reconciled.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"

namespace corresp {

struct FederalHoliday {
  std::string_view name;  // "Thanksgiving Day"
  Date observed;          // the weekday offices are closed
};

// The holidays of `year` as observed, in date order. New Year's Day of `year` may be observed on
// Dec 31 of year - 1 (and is then listed here, not in year - 1's list).
std::vector<FederalHoliday> FederalHolidays(int year);

// True when `day` is the observed day of a federal holiday.
bool IsFederalHoliday(Date day);

// A weekday that is not a federal holiday: a day EDGAR publishes a daily index for.
bool IsBusinessDay(Date day);

}  // namespace corresp
