#include "crawler/day_plan.h"

#include <algorithm>

#include "core/federal_holidays.h"

namespace corresp {
namespace {

// The last `count` business days up to `to`, ascending.
std::vector<Date> WindowDays(Date to, int count) {
  std::vector<Date> days;
  for (Date d = to; static_cast<int>(days.size()) < count; d = d.AddDays(-1))
    if (IsBusinessDay(d)) days.push_back(d);
  std::reverse(days.begin(), days.end());
  return days;
}

// Quarters to reconcile: those with a daily history (recorded or read in this run) that ended
// before `to`, are not reconciled and are not read whole by this plan already.
std::vector<IndexSource> Reconciliations(const DayWindow& window, const DayHistory& history,
                                         const std::vector<IndexSource>& planned) {
  std::map<std::string, Date> quarters;  // key -> a day of it
  for (const auto& [day, outcome] : history.days) quarters.emplace(QuarterKey(day), day);
  for (const IndexSource& s : planned)
    if (s.daily) quarters.emplace(QuarterKey(s.index_day), s.index_day);
  std::set<std::string> read_whole;
  for (const IndexSource& s : planned)
    if (!s.daily) read_whole.insert(QuarterKey(s.index_day));
  std::vector<IndexSource> out;
  for (const auto& [key, day] : quarters) {
    if (QuarterEnd(day) >= window.to || history.reconciled.count(key) || read_whole.count(key))
      continue;
    IndexSource source = FullIndexSource(day, "form.idx");
    source.reconcile = true;
    out.push_back(std::move(source));
  }
  return out;
}

// Settled by what the runs read: the rule of the header without the holiday calendar.
bool SettledByReading(Date day, const DayHistory& history) {
  if (day.IsWeekend() || history.reconciled.count(QuarterKey(day))) return true;
  auto it = history.days.find(day);
  if (it != history.days.end()) return it->second == IndexDayOutcome::kSeen;
  return history.watermark && day <= *history.watermark;
}

// Whether a run outside the window must still read the day's daily index: an unsettled
// weekday must; a holiday is read once (in case EDGAR published one after all), never again.
bool StillToRead(Date day, const DayHistory& history) {
  if (IsFederalHoliday(day) && history.days.count(day)) return false;
  return !SettledByReading(day, history);
}

}  // namespace

std::string QuarterKey(Date day) {
  return std::to_string(day.year) + "Q" + std::to_string(day.Quarter());
}

bool IsSettled(Date day, const DayHistory& history) {
  return IsFederalHoliday(day) || SettledByReading(day, history);
}

DayPlan PlanRefreshDays(const DayWindow& window, const DayHistory& history) {
  DayPlan plan;
  std::vector<Date> recent = WindowDays(window.to, window.window_days);
  std::set<Date> in_window(recent.begin(), recent.end());
  std::set<Date> planned_days;
  std::set<std::string> whole_quarters;
  auto add_daily = [&](const IndexSource& s) {
    if (!StillToRead(s.index_day, history)) ++plan.days_reread;
    planned_days.insert(s.index_day);
    plan.sources.push_back(s);
  };
  for (const IndexSource& s : PlanIndexFiles(window.from, window.to, window.today)) {
    if (!s.daily) {
      if (window.reread_all || !history.reconciled.count(QuarterKey(s.index_day))) {
        whole_quarters.insert(QuarterKey(s.index_day));
        plan.sources.push_back(s);
      }
    } else if (window.reread_all || in_window.count(s.index_day) ||
               StillToRead(s.index_day, history)) {
      add_daily(s);
    }
  }
  // The window re-read: its days not read already (before `from`, or in a whole quarter that
  // is reconciled and so not read again). --since reads no earlier than it says.
  if (!window.reread_all)
    for (Date d : recent)
      if (!planned_days.count(d) && !whole_quarters.count(QuarterKey(d)))
        add_daily(DailyIndexSource(d));
  std::stable_sort(
      plan.sources.begin(), plan.sources.end(),
      [](const IndexSource& a, const IndexSource& b) { return a.index_day < b.index_day; });
  for (IndexSource& s : Reconciliations(window, history, plan.sources))
    plan.sources.push_back(std::move(s));
  return plan;
}

DayUpdates ApplyOutcomes(const std::vector<IndexFileOutcome>& outcomes, DayHistory& history) {
  DayUpdates updates;
  for (const IndexFileOutcome& o : outcomes) {
    if (o.code == StatusCode::kCancelled || o.code == StatusCode::kBlocked) continue;
    if (!o.source.daily) {
      std::string key = QuarterKey(o.source.index_day);
      if (o.code == StatusCode::kOk && history.reconciled.insert(key).second)
        updates.reconciled.push_back(key);
      continue;
    }
    IndexDayOutcome outcome = o.code == StatusCode::kOk         ? IndexDayOutcome::kSeen
                              : o.code == StatusCode::kNotFound ? IndexDayOutcome::kMissing
                                                                : IndexDayOutcome::kFailed;
    auto [it, inserted] = history.days.emplace(o.source.index_day, outcome);
    if (!inserted && it->second != IndexDayOutcome::kSeen) it->second = outcome;
    updates.days.emplace_back(o.source.index_day, outcome);
  }
  return updates;
}

std::vector<PendingDay> PendingDays(Date to, const DayHistory& history) {
  std::optional<Date> last_seen;
  for (const auto& [day, outcome] : history.days)
    if (outcome == IndexDayOutcome::kSeen) last_seen = day;
  std::vector<PendingDay> out;
  for (const auto& [day, outcome] : history.days) {
    if (day > to || IsSettled(day, history)) continue;
    out.push_back({day, last_seen && *last_seen > day});
  }
  return out;
}

Date SettledThrough(Date from, Date to, const DayHistory& history) {
  Date d = from;
  if (history.watermark) d = std::min(d, history.watermark->AddDays(1));
  std::vector<PendingDay> pending = PendingDays(to, history);
  if (!pending.empty()) d = std::min(d, pending.front().day);
  while (d <= to && IsSettled(d, history)) d = d.AddDays(1);
  return d.AddDays(-1);
}

}  // namespace corresp
