// The day-settling rule (crawler/day_plan.h) as tables: per-day outcome history, window and
// today in; days read, days re-read, reconciliations, pending days and watermark out.
#include "crawler/day_plan.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

constexpr IndexDayOutcome kSeen = IndexDayOutcome::kSeen;
constexpr IndexDayOutcome kMissing = IndexDayOutcome::kMissing;
constexpr IndexDayOutcome kFailed = IndexDayOutcome::kFailed;

Date D(const char* iso) { return *Date::Parse(iso); }

std::vector<std::string> Isos(const std::vector<Date>& days) {
  std::vector<std::string> out;
  for (Date d : days) out.push_back(d.ToIso());
  return out;
}

// The sources of a plan, written compactly: "2019-10-03" for a daily index, "full 2019Q4" for
// a whole quarter, "reconcile 2019Q3" for a reconciliation read.
std::vector<std::string> Describe(const DayPlan& plan) {
  std::vector<std::string> out;
  for (const IndexSource& s : plan.sources) {
    if (s.daily)
      out.push_back(s.index_day.ToIso());
    else
      out.push_back((s.reconcile ? "reconcile " : "full ") + QuarterKey(s.index_day));
  }
  return out;
}

struct PlanCase {
  const char* label;  // what the row pins
  DayWindow window;
  DayHistory history;
  std::vector<std::string> sources;
  long reread;
};

TEST(DayPlanTest, WhichIndexFilesARunReads) {
  const Date today = D("2026-11-30");
  DayHistory seen_through_oct1;
  seen_through_oct1.days = {{D("2019-09-30"), kSeen}, {D("2019-10-01"), kSeen}};
  seen_through_oct1.watermark = D("2019-10-01");
  DayHistory oct3_late = seen_through_oct1;
  oct3_late.days[D("2019-10-02")] = kSeen;
  oct3_late.days[D("2019-10-03")] = kMissing;
  oct3_late.days[D("2019-10-04")] = kSeen;
  oct3_late.watermark = D("2019-10-02");
  DayHistory q3_reconciled = seen_through_oct1;
  q3_reconciled.reconciled = {"2019Q3"};

  std::vector<PlanCase> cases = {
      {"watermark run: the window's settled days are read again, days after it are new",
       {D("2019-10-01"), D("2019-10-04"), today, 5, false},
       q3_reconciled,
       {"2019-09-30", "2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04"},
       2},
      {"a settled day outside the window is skipped; the late day is read until it is seen",
       {D("2019-10-02"), D("2019-10-08"), today, 2, false},
       oct3_late,
       {"2019-10-03", "2019-10-07", "2019-10-08", "reconcile 2019Q3"},
       0},
      {"window 0: only unsettled days",
       {D("2019-10-01"), D("2019-10-04"), today, 0, false},
       q3_reconciled,
       {"2019-10-02", "2019-10-03", "2019-10-04"},
       0},
      {"the window crosses a weekend and counts business days only",
       {D("2019-10-07"), D("2019-10-07"), today, 3, false},
       {{{D("2019-10-03"), kSeen}, {D("2019-10-04"), kSeen}, {D("2019-10-07"), kSeen}},
        {"2019Q3"},
        D("2019-10-07")},
       {"2019-10-03", "2019-10-04", "2019-10-07"},
       3},
      {"--since reads every day of the range, settled or not, and nothing before it",
       {D("2019-09-30"), D("2019-10-02"), today, 10, true},
       q3_reconciled,
       {"2019-09-30", "2019-10-01", "2019-10-02"},
       2},
      {"a quarter with history is reconciled once it ended before `to`",
       {D("2019-09-30"), D("2019-10-01"), today, 10, true},
       {},
       {"2019-09-30", "2019-10-01", "reconcile 2019Q3"},
       0},
      {"a quarter ending on `to` is not reconciled yet (its full index is not out)",
       {D("2019-09-02"), D("2019-09-30"), today, 0, false},
       {{{D("2019-09-02"), kSeen}}, {}, D("2019-09-30")},
       {},
       0},
      {"a whole past quarter comes from master.idx and needs no reconciliation read",
       {D("2019-10-01"), D("2019-12-31"), today, 2, false},
       {{{D("2019-10-01"), kSeen}}, {"2019Q3"}, D("2019-10-01")},
       {"full 2019Q4"},
       0},
      {"a whole quarter already reconciled is not read again by a watermark run",
       {D("2019-09-30"), D("2019-12-31"), today, 2, false},
       {{{D("2019-09-30"), kSeen}}, {"2019Q3", "2019Q4"}, D("2019-09-30")},
       {"2019-12-30", "2019-12-31"},
       2},
      {"an older catalog (no per-day record): the watermark vouches for the days up to it",
       {D("2019-10-04"), D("2019-10-08"), today, 3, false},
       {{}, {"2019Q3"}, D("2019-10-04")},
       {"2019-10-04", "2019-10-07", "2019-10-08"},
       1},
      {"a holiday is read once by the sweep (EDGAR might publish after all), not counted as "
       "re-read",
       {D("2019-11-27"), D("2019-12-02"), today, 0, false},
       {{{D("2019-11-27"), kSeen}}, {}, D("2019-11-27")},
       {"2019-11-28", "2019-11-29", "2019-12-02"},
       0},
      {"a holiday read once (404) is not read again outside the window",
       {D("2019-11-27"), D("2019-12-02"), today, 0, false},
       {{{D("2019-11-27"), kSeen}, {D("2019-11-28"), kMissing}, {D("2019-11-29"), kSeen}},
        {},
        D("2019-11-27")},
       {"2019-12-02"},
       0},
      {"the window counts business days: Thanksgiving is not one",
       {D("2019-12-02"), D("2019-12-02"), today, 3, false},
       {{{D("2019-11-27"), kSeen}, {D("2019-11-28"), kMissing}, {D("2019-11-29"), kSeen}},
        {},
        D("2019-11-29")},
       {"2019-11-27", "2019-11-29", "2019-12-02"},
       2},
      {"a failed day is pending like a missing one",
       {D("2019-10-01"), D("2019-10-02"), today, 0, false},
       {{{D("2019-10-01"), kFailed}}, {"2019Q3"}, D("2019-09-30")},
       {"2019-10-01", "2019-10-02"},
       0},
  };
  for (const PlanCase& c : cases) {
    DayPlan plan = PlanRefreshDays(c.window, c.history);
    EXPECT_EQ(Describe(plan), c.sources) << c.label;
    EXPECT_EQ(plan.days_reread, c.reread) << c.label;
  }
}

IndexFileOutcome Daily(const char* day, StatusCode code) {
  return {DailyIndexSource(D(day)), code};
}

struct SettleCase {
  const char* label;
  DayHistory before;
  std::vector<IndexFileOutcome> outcomes;  // this run
  Date from, to;
  const char* watermark;
  std::vector<std::string> pending;
  std::vector<std::string> late;
};

TEST(DayPlanTest, WhenDaysSettleAndWhereTheWatermarkGoes) {
  IndexFileOutcome reconcile_q4_2018{FullIndexSource(D("2018-10-01"), "form.idx"), StatusCode::kOk};
  reconcile_q4_2018.source.reconcile = true;
  IndexFileOutcome reconcile_q4_2018_404 = reconcile_q4_2018;
  reconcile_q4_2018_404.code = StatusCode::kNotFound;
  std::vector<SettleCase> cases = {
      {"all seen: the watermark reaches `to`",
       {},
       {Daily("2019-10-01", StatusCode::kOk), Daily("2019-10-02", StatusCode::kOk)},
       D("2019-10-01"),
       D("2019-10-02"),
       "2019-10-02",
       {},
       {}},
      {"the tail not published yet: pending, not late; the watermark stops before it",
       {},
       {Daily("2019-09-30", StatusCode::kOk), Daily("2019-10-01", StatusCode::kOk),
        Daily("2019-10-02", StatusCode::kNotFound), Daily("2019-10-03", StatusCode::kNotFound),
        Daily("2019-10-04", StatusCode::kNotFound)},
       D("2019-09-30"),
       D("2019-10-04"),
       "2019-10-01",
       {"2019-10-02", "2019-10-03", "2019-10-04"},
       {}},
      {"a 404 between seen days is late and holds the watermark",
       {},
       {Daily("2019-10-02", StatusCode::kOk), Daily("2019-10-03", StatusCode::kNotFound),
        Daily("2019-10-04", StatusCode::kOk)},
       D("2019-10-02"),
       D("2019-10-04"),
       "2019-10-02",
       {"2019-10-03"},
       {"2019-10-03"}},
      {"the late day answers 200 the next night: settled, the watermark jumps to `to`",
       {{{D("2019-10-02"), IndexDayOutcome::kSeen},
         {D("2019-10-03"), IndexDayOutcome::kMissing},
         {D("2019-10-04"), IndexDayOutcome::kSeen}},
        {},
        D("2019-10-02")},
       {Daily("2019-10-03", StatusCode::kOk), Daily("2019-10-07", StatusCode::kOk)},
       D("2019-10-02"),
       D("2019-10-07"),
       "2019-10-07",
       {},
       {}},
      {"a day once seen stays seen when a re-read fails",
       {{{D("2019-10-03"), IndexDayOutcome::kSeen}}, {}, D("2019-10-03")},
       {Daily("2019-10-03", StatusCode::kNetwork)},
       D("2019-10-03"),
       D("2019-10-03"),
       "2019-10-03",
       {},
       {}},
      {"a closure no rule knows (404 for good: the day of mourning 2018-12-05) settles when its "
       "quarter is reconciled",
       {{{D("2018-12-04"), IndexDayOutcome::kSeen},
         {D("2018-12-05"), IndexDayOutcome::kMissing},
         {D("2018-12-06"), IndexDayOutcome::kSeen}},
        {},
        D("2018-12-04")},
       {reconcile_q4_2018},
       D("2018-12-04"),
       D("2018-12-31"),
       "2018-12-31",
       {},
       {}},
      {"its full index not out yet (404): the closure stays pending and late",
       {{{D("2018-12-04"), IndexDayOutcome::kSeen},
         {D("2018-12-05"), IndexDayOutcome::kMissing},
         {D("2018-12-06"), IndexDayOutcome::kSeen}},
        {},
        D("2018-12-04")},
       {reconcile_q4_2018_404},
       D("2018-12-04"),
       D("2018-12-06"),
       "2018-12-04",
       {"2018-12-05"},
       {"2018-12-05"}},
      {"Thanksgiving answers 404: a federal holiday is settled at once, the watermark passes it",
       {},
       {Daily("2019-11-27", StatusCode::kOk), Daily("2019-11-28", StatusCode::kNotFound),
        Daily("2019-11-29", StatusCode::kOk)},
       D("2019-11-27"),
       D("2019-11-29"),
       "2019-11-29",
       {},
       {}},
      {"New Year's Day 2022 observed on Friday 2021-12-31: settled without a reconciliation",
       {{{D("2021-12-30"), IndexDayOutcome::kSeen}}, {}, D("2021-12-30")},
       {Daily("2021-12-31", StatusCode::kNotFound), Daily("2022-01-03", StatusCode::kOk)},
       D("2021-12-31"),
       D("2022-01-03"),
       "2022-01-03",
       {},
       {}},
      {"a cancelled read teaches nothing: the unread day holds the watermark",
       {},
       {Daily("2019-10-01", StatusCode::kOk), Daily("2019-10-02", StatusCode::kCancelled)},
       D("2019-10-01"),
       D("2019-10-02"),
       "2019-10-01",
       {},
       {}},
      {"nothing settled: the watermark stays the day before `from`",
       {},
       {Daily("2019-10-01", StatusCode::kNetwork)},
       D("2019-10-01"),
       D("2019-10-01"),
       "2019-09-30",
       {"2019-10-01"},
       {}},
      {"--since later than the watermark does not skip the unread days between",
       {{}, {}, D("2019-10-01")},
       {Daily("2019-10-07", StatusCode::kOk)},
       D("2019-10-07"),
       D("2019-10-07"),
       "2019-10-01",
       {},
       {}},
      {"an earlier pending day holds the watermark though `from` is later",
       {{{D("2019-10-03"), IndexDayOutcome::kMissing}, {D("2019-10-04"), IndexDayOutcome::kSeen}},
        {},
        D("2019-10-02")},
       {Daily("2019-10-07", StatusCode::kOk)},
       D("2019-10-07"),
       D("2019-10-07"),
       "2019-10-02",
       {"2019-10-03"},
       {"2019-10-03"}},
  };
  for (const SettleCase& c : cases) {
    DayHistory history = c.before;
    ApplyOutcomes(c.outcomes, history);
    EXPECT_EQ(SettledThrough(c.from, c.to, history).ToIso(), c.watermark) << c.label;
    std::vector<Date> pending, late;
    for (const PendingDay& p : PendingDays(c.to, history)) {
      pending.push_back(p.day);
      if (p.late) late.push_back(p.day);
    }
    EXPECT_EQ(Isos(pending), c.pending) << c.label;
    EXPECT_EQ(Isos(late), c.late) << c.label;
  }
}

TEST(DayPlanTest, ApplyOutcomesReturnsWhatToStore) {
  DayHistory history;
  history.reconciled = {"2019Q3"};
  IndexFileOutcome q3{FullIndexSource(D("2019-07-01"), "form.idx"), StatusCode::kOk};
  IndexFileOutcome q4{FullIndexSource(D("2019-10-01"), "master.idx"), StatusCode::kOk};
  DayUpdates updates = ApplyOutcomes({Daily("2019-10-03", StatusCode::kNotFound),
                                      Daily("2019-10-04", StatusCode::kBlocked), q3, q4},
                                     history);
  ASSERT_EQ(updates.days.size(), 1u) << "a blocked read is not recorded";
  EXPECT_EQ(updates.days[0].first, D("2019-10-03"));
  EXPECT_EQ(updates.days[0].second, kMissing);
  EXPECT_EQ(updates.reconciled, std::vector<std::string>{"2019Q4"}) << "2019Q3 was already";
}

TEST(DayPlanTest, WeekendsAndHolidaysAreAlwaysSettled) {
  DayHistory none;
  EXPECT_TRUE(IsSettled(D("2019-10-05"), none));
  EXPECT_FALSE(IsSettled(D("2019-10-04"), none));
  EXPECT_TRUE(IsSettled(D("2019-11-28"), none));   // Thanksgiving
  EXPECT_FALSE(IsSettled(D("2018-12-05"), none));  // a closure without a rule
}

}  // namespace
}  // namespace corresp
