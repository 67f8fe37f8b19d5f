// Which days a refresh reads, when a day is settled, and where the watermark may go: the pure
// decisions behind "no day is skipped" (docs/crawler.md, "Late daily indexes"). No I/O; the
// refresh loads the history from the catalog and stores what ApplyOutcomes returns.
//
// The rule. A weekday is *settled* once its daily index has answered 200, or once its
// quarter has been reconciled against the quarter's full index (which lists every filing
// disseminated in the quarter, late days included). Weekends and federal holidays
// (core/federal_holidays.h) are always settled (EDGAR publishes nothing for them). A weekday
// that answered 404 or failed, or was never read, is *pending*; a pending day with a later day
// already seen is *late* (EDGAR published past it). A closure no rule knows (a day of
// mourning) 404s for good, so it stays pending (late) until its quarter is reconciled.
// The watermark never passes a pending day. A holiday's daily index is still read once when
// the sweep reaches it (an index published on a holiday after all is not missed) and not
// again; the re-read window counts business days.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "crawler/crawl_plan.h"
#include "store/catalog.h"

namespace corresp {

// What earlier runs learnt (from the catalog) plus, after ApplyOutcomes, this run.
struct DayHistory {
  std::map<Date, IndexDayOutcome> days;  // recorded daily-index outcomes
  std::set<std::string> reconciled;      // quarters reconciled, "2019Q4"
  // Catalogs from before the per-day record: an unrecorded day up to here counts as settled.
  std::optional<Date> watermark;
};

// "2019Q4" for any day of that quarter.
std::string QuarterKey(Date day);

// The rule above, for one day.
bool IsSettled(Date day, const DayHistory& history);

struct DayWindow {
  Date from;   // first index day of the sweep: the watermark, --since or the backfill start
  Date to;     // last index day to read (<= today)
  Date today;  // whole quarters over before today are read from their full index
  // Business days (no weekends, no federal holidays) up to `to` read again even when settled
  // (refresh.daily_window_days).
  int window_days = 10;
  // --since or a first run: every day of [from, to] is read, settled or not; otherwise a
  // settled day of [from, to] outside the window is skipped.
  bool reread_all = false;
};

struct DayPlan {
  // Index files to read, in day order: from the sweep of [from, to] (PlanIndexFiles) the
  // daily indexes of days not settled and the whole past quarters not reconciled (all of them
  // with reread_all); the window's days not read whole already; then one reconciliation read
  // (full-index form.idx) per quarter that has daily history, ended before `to`, and is not
  // reconciled yet.
  std::vector<IndexSource> sources;
  // Daily indexes in `sources` already read to a conclusion (settled, or a holiday read once).
  long days_reread = 0;
};

DayPlan PlanRefreshDays(const DayWindow& window, const DayHistory& history);

// What a run must remember, from its index-file outcomes.
struct DayUpdates {
  std::vector<std::pair<Date, IndexDayOutcome>> days;  // one per daily index answered
  std::vector<std::string> reconciled;                 // quarters newly reconciled
};

// Folds outcomes into `history` and returns what to store: a daily index answering 200 ->
// kSeen (sticky), 404 -> kMissing, any other failure -> kFailed; a full index (whole quarter
// or reconciliation) answering 200 -> its quarter reconciled. Cancelled or blocked reads
// teach nothing and are left out.
DayUpdates ApplyOutcomes(const std::vector<IndexFileOutcome>& outcomes, DayHistory& history);

// Pending days up to `to`: recorded days that are not settled, by day.
struct PendingDay {
  Date day;
  bool late = false;  // a later day's index has been seen
};
std::vector<PendingDay> PendingDays(Date to, const DayHistory& history);

// The new watermark: the last day d such that every weekday from the earliest of `from`, the
// day after the old watermark and the first pending day, through d, is settled; `to` when all
// are. So it never passes a pending day, nor a day after the old watermark that no run read
// (a --since later than the watermark does not skip the days in between).
Date SettledThrough(Date from, Date to, const DayHistory& history);

}  // namespace corresp
