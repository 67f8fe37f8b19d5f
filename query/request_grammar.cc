#include "query/request_grammar.h"

#include <charconv>

namespace corresp {

namespace {

std::optional<int> Digits(std::string_view text, std::size_t count) {
  if (text.size() != count) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;  // from_chars accepts no sign, but be explicit
  return value;
}

bool YearInSpan(int year) { return year >= kMinBoundYear && year <= kMaxBoundYear; }

Date LastOfMonth(int year, int month) {
  Date next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
  return Date::FromDaysSinceEpoch(next.DaysSinceEpoch() - 1);
}

}  // namespace

std::optional<Date> ParseDateBound(std::string_view text, BoundSide side) {
  bool upper = side == BoundSide::kUpper;
  if (text.size() == 4) {
    std::optional<int> year = Digits(text, 4);
    if (!year || !YearInSpan(*year)) return std::nullopt;
    return Date{*year, upper ? 12 : 1, upper ? 31 : 1};
  }
  if (text.size() == 7 && text[4] == '-') {
    std::optional<int> year = Digits(text.substr(0, 4), 4);
    std::optional<int> month = Digits(text.substr(5, 2), 2);
    if (!year || !YearInSpan(*year) || !month || *month < 1 || *month > 12) return std::nullopt;
    return upper ? LastOfMonth(*year, *month) : Date{*year, *month, 1};
  }
  std::optional<Date> day = Date::Parse(text);
  if (!day || !YearInSpan(day->year)) return std::nullopt;
  return day;
}

const char* DateBoundSyntax() { return "YYYY, YYYY-MM or YYYY-MM-DD"; }

std::optional<SortOrder> ParseSortOrder(std::string_view text) {
  if (text.empty() || text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDate;
  if (text == "newest" || text == "-date") return SortOrder::kDateDescending;
  return std::nullopt;
}

const char* SortOrderName(SortOrder sort) {
  switch (sort) {
    case SortOrder::kRelevance:
      return "relevance";
    case SortOrder::kDate:
      return "date";
    case SortOrder::kDateDescending:
      return "newest";
  }
  return "relevance";
}

const char* SortOrderSyntax() { return "relevance, date or newest (-date)"; }

}  // namespace corresp
