// Calendar dates (proleptic Gregorian, no time zone): EDGAR's "Date Filed", index days,
// letter dates. Value type, cheap to copy, totally ordered.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace corresp {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01 (negative before).
  long DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);
  Date AddDays(long n) const { return FromDaysSinceEpoch(DaysSinceEpoch() + n); }
  // 0 = Sunday .. 6 = Saturday.
  int Weekday() const;
  bool IsWeekend() const { return Weekday() == 0 || Weekday() == 6; }
  int Quarter() const { return (month - 1) / 3 + 1; }
  Date QuarterStart() const { return Date{year, (Quarter() - 1) * 3 + 1, 1}; }

  std::string ToIso() const;      // "2007-07-03"
  std::string ToCompact() const;  // "20070703"

  // Accepts "YYYY-MM-DD" or "YYYYMMDD"; nullopt for anything else or an impossible date.
  static std::optional<Date> Parse(std::string_view text);
  // Accepts "July 3, 2007", "Jul. 3, 2007", "July 3 2007", "July 3rd, 2007", "3 July 2007"
  // (case-insensitive).
  static std::optional<Date> ParseLong(std::string_view text);
  // Today in UTC.
  static Date Today();
};

bool IsValidDate(int year, int month, int day);
// The current UTC time as ISO-8601 with seconds: "2026-11-27T23:30:02Z".
std::string UtcTimestampNow();
// Month number for a full or abbreviated English month name ("Sept", "jan."), or 0.
int MonthFromName(std::string_view name);

}  // namespace corresp
