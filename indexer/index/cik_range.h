// A shard's share of the companies: the CIKs from `low` to `high`, both included
// (`corresp index --cik-range LOW..HIGH`, docs/scaling.md). Every document, letter record and
// thread of a company derives from that company's letters, so an index holding a CIK range
// holds whole companies, and shards split by disjoint ranges together hold what one index would.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/status.h"

namespace corresp {

struct CikRange {
  Cik low;
  Cik high;
  bool Contains(Cik cik) const { return low <= cik && cik <= high; }
};

// "LOW..HIGH" (CIKs of 1..10 digits, LOW <= HIGH; "..HIGH" and "LOW.." leave that side open);
// nullopt for anything else.
std::optional<CikRange> ParseCikRange(std::string_view text);

// The --cik-range flag of `index` and `refresh`: nullopt for "" (every company), kInvalidArgument
// naming the flag and the text when it does not parse.
Result<std::optional<CikRange>> CikRangeFlag(const std::string& text);

}  // namespace corresp
