#include "core/date.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace corresp {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

long Date::DaysSinceEpoch() const { return DaysFromCivil(year, month, day); }

Date Date::FromDaysSinceEpoch(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::Weekday() const {
  long z = DaysSinceEpoch();
  return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

std::string Date::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::ToCompact() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

std::optional<Date> Date::Parse(std::string_view t) {
  int y, m, d;
  if (t.size() == 10 && t[4] == '-' && t[7] == '-' && AllDigits(t.substr(0, 4)) &&
      AllDigits(t.substr(5, 2)) && AllDigits(t.substr(8, 2))) {
    y = ToInt(t.substr(0, 4)), m = ToInt(t.substr(5, 2)), d = ToInt(t.substr(8, 2));
  } else if (t.size() == 8 && AllDigits(t)) {
    y = ToInt(t.substr(0, 4)), m = ToInt(t.substr(4, 2)), d = ToInt(t.substr(6, 2));
  } else {
    return std::nullopt;
  }
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

int MonthFromName(std::string_view name) {
  static const char* kNames[] = {"january",   "february", "march",    "april",
                                 "may",       "june",     "july",     "august",
                                 "september", "october",  "november", "december"};
  std::string lower;
  for (char c : name)
    if (c != '.') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    std::string full = kNames[i];
    if (lower == full) return i + 1;
    if (lower.size() <= full.size() && full.compare(0, lower.size(), lower) == 0 &&
        lower.size() >= 3)
      return i + 1;
  }
  return 0;
}

std::optional<Date> Date::ParseLong(std::string_view text) {
  // Tokenise into words and numbers, ignoring commas and extra spaces.
  std::string tokens[4];
  int n = 0;
  size_t i = 0;
  while (i < text.size() && n < 4) {
    while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == ','))
      ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != ',')
      ++i;
    if (i > start) tokens[n++] = std::string(text.substr(start, i - start));
  }
  if (n != 3) return std::nullopt;
  // "3rd", "21st": a day with its ordinal suffix.
  for (std::string* day : {&tokens[0], &tokens[1]}) {
    std::string lower = *day;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* suffix : {"st", "nd", "rd", "th"})
      if (lower.size() > 2 && lower.size() <= 4 && lower.ends_with(suffix) &&
          AllDigits(std::string_view(lower).substr(0, lower.size() - 2)))
        day->resize(day->size() - 2);
  }
  int m = 0, d = 0, y = 0;
  if (MonthFromName(tokens[0]) && AllDigits(tokens[1]) && AllDigits(tokens[2])) {
    m = MonthFromName(tokens[0]), d = ToInt(tokens[1]), y = ToInt(tokens[2]);
  } else if (AllDigits(tokens[0]) && MonthFromName(tokens[1]) && AllDigits(tokens[2])) {
    d = ToInt(tokens[0]), m = MonthFromName(tokens[1]), y = ToInt(tokens[2]);
  } else {
    return std::nullopt;
  }
  if (d > 99 || y < 1000) return std::nullopt;
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::string UtcTimestampNow() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Date Date::Today() {
  auto now = std::chrono::system_clock::now();
  long days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
  return FromDaysSinceEpoch(days);
}

}  // namespace corresp
