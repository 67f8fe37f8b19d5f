// The one grammar of dates, date ranges and sort orders that every way into a search shares:
// the CLI's --since/--until/--sort, the web app's since/until/sort parameters and the query
// language's ranges (`2005..2010`, `date:2007-01..2007-06`: Xapian splits the range at ".."
// and query_builder.cc reads each end as a bound). Each caller
// turns a nullopt into its own error message with DateBoundSyntax()/SortOrderSyntax().
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"
#include "query/search_request.h"

namespace corresp {

// Which end of a range a bound is: a partial date covers a span, and a lower bound means its
// first day, an upper bound its last.
enum class BoundSide { kLower, kUpper };

// "2007" (the whole year), "2007-07" (the whole month), "2007-07-03" or "20070703" (that
// day). nullopt for anything else: an impossible date, a year outside kMinBoundYear..
// kMaxBoundYear, spaces, signs, "2007-7".
std::optional<Date> ParseDateBound(std::string_view text, BoundSide side);

// Letters run from the 1930s (FOIA copies) to today; a year outside this span is a typo.
inline constexpr int kMinBoundYear = 1900;
inline constexpr int kMaxBoundYear = 2200;

// For error messages: "YYYY, YYYY-MM or YYYY-MM-DD".
const char* DateBoundSyntax();

// "relevance" (or empty), "date" (oldest first), "newest" or "-date" (newest first).
std::optional<SortOrder> ParseSortOrder(std::string_view text);
// The canonical name: "relevance", "date", "newest".
const char* SortOrderName(SortOrder sort);
// For error messages and --help: "relevance, date or newest (-date)".
const char* SortOrderSyntax();

}  // namespace corresp
