// The plan an interrupted backfill is resumed by (indexer/index/backfill_plan.h): its text
// round-trips, any other text is refused, and its parts split filings by CIK range.
#include "indexer/index/backfill_plan.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

Cik C(long n) { return *Cik::Parse(std::to_string(n)); }

std::vector<Cik> Ciks(std::vector<long> ns) {
  std::vector<Cik> out;
  for (long n : ns) out.push_back(C(n));
  return out;
}

TEST(BackfillPlan, TextRoundTrips) {
  BackfillPlan two{9, 2, {C(1090872)}};
  EXPECT_EQ(two.ToText(), "backfill-plan 1 extractor 9 schema 2 parts 2 starts 0001090872");
  EXPECT_EQ(BackfillPlan::Parse(two.ToText()), two);
  BackfillPlan one{9, 2, {}};
  EXPECT_EQ(BackfillPlan::Parse(one.ToText()), one);
  BackfillPlan three{10, 3, {C(5), C(700)}};
  EXPECT_EQ(BackfillPlan::Parse(three.ToText()), three);
}

TEST(BackfillPlan, RefusesAnyOtherText) {
  for (const char* text : {
           "",
           "backfill-plan",
           "backfill-plan 2 extractor 9 schema 2 parts 2 starts 0001090872",  // another format
           "backfill-plan 1 extractor 9 schema 2 parts 3 starts 0001090872",  // a start missing
           "backfill-plan 1 extractor 9 schema 2 parts 2 starts",
           "backfill-plan 1 extractor x schema 2 parts 2 starts 0001090872",
           "backfill-plan 1 extractor -1 schema 2 parts 2 starts 0001090872",
           "backfill-plan 1 extractor 9 schema 2 parts 0 starts",
           "backfill-plan 1 extractor 9 schema 2 parts 3 starts 0000000700 0000000005",  // order
           "backfill-plan 1 extractor 9 schema 2 parts 2 starts 12345678901",
           "plan 1 extractor 9 schema 2 parts 1 starts",
       })
    EXPECT_FALSE(BackfillPlan::Parse(text).has_value()) << text;
}

TEST(BackfillPlan, PartsAreCikRanges) {
  std::vector<Cik> ciks = Ciks({1, 1, 2, 2, 3, 3});
  BackfillPlan plan = PlanOfSplit(ciks, {0, 2, 6}, 9, 2);
  EXPECT_EQ(plan.part_starts, Ciks({2}));
  EXPECT_EQ(plan.Bounds(ciks), (std::vector<std::size_t>{0, 2, 6}));
  // The same plan over the filings left and a company that arrived since: by CIK, not count.
  EXPECT_EQ(plan.Bounds(Ciks({1, 2, 2, 3, 4, 5})), (std::vector<std::size_t>{0, 1, 6}));
  EXPECT_EQ(plan.Bounds(Ciks({3})), (std::vector<std::size_t>{0, 0, 1})) << "an empty part";
  EXPECT_EQ(plan.Bounds({}), (std::vector<std::size_t>{0, 0, 0}));
  EXPECT_EQ(PlanOfSplit(ciks, {0, 6}, 9, 2).parts(), 1u);
}

}  // namespace
}  // namespace corresp
