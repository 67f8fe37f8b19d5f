// What identifies one backfill, kept in each of its partial indexes (backfill_writers.h) so that
// an interrupted backfill resumes only with the same extractor, index schema and split: the
// versions and the companies each part holds. Parts are CIK ranges: part 0 holds the companies
// below the first of `part_starts`, part K those from part_starts[K-1] up to (not including)
// part_starts[K], the last part everything from its start up. A resumed run splits the filings
// it still has to index by the stored plan, so every company stays with the partial that
// already holds some of its letters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace corresp {

struct BackfillPlan {
  int extractor_version = 0;
  int schema_version = 0;
  std::vector<Cik> part_starts;  // the first CIK of parts 1..N-1, ascending

  std::size_t parts() const { return part_starts.size() + 1; }
  // Boundaries of the parts over `ciks` (ascending, one entry per filing): part K is
  // [bounds[K], bounds[K+1]); bounds.front() == 0, bounds.back() == ciks.size(). A part may be
  // empty.
  std::vector<std::size_t> Bounds(const std::vector<Cik>& ciks) const;

  // "backfill-plan 1 extractor 9 schema 2 parts 2 starts 0001090872", one line.
  std::string ToText() const;
  // The plan ToText wrote; nullopt for any other text (total: never throws).
  static std::optional<BackfillPlan> Parse(std::string_view text);

  bool operator==(const BackfillPlan&) const = default;
};

// The plan of a split of `ciks` (ascending) at `bounds` (as SplitCompanies returns them).
BackfillPlan PlanOfSplit(const std::vector<Cik>& ciks, const std::vector<std::size_t>& bounds,
                         int extractor_version, int schema_version);

}  // namespace corresp
