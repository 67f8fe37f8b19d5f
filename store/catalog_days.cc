// Catalog methods for refresh's per-day record of daily indexes and reconciled quarters.
#include <sqlite3.h>

#include "store/catalog.h"
#include "store/sqlite_statement.h"

namespace corresp {
namespace {

// The stored names, one place for both directions.
constexpr std::pair<IndexDayOutcome, const char*> kOutcomeNames[] = {
    {IndexDayOutcome::kSeen, "seen"},
    {IndexDayOutcome::kMissing, "missing"},
    {IndexDayOutcome::kFailed, "failed"},
};

const char* OutcomeName(IndexDayOutcome outcome) {
  for (const auto& [value, name] : kOutcomeNames)
    if (value == outcome) return name;
  return "failed";
}

std::optional<IndexDayOutcome> ParseOutcome(const std::string& text) {
  for (const auto& [value, name] : kOutcomeNames)
    if (text == name) return value;
  return std::nullopt;
}

}  // namespace

Status Catalog::RecordIndexDay(Date day, IndexDayOutcome outcome) {
  SqliteStatement s(db_,
                    "INSERT INTO index_days (day, outcome, checked_at) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT(day) DO UPDATE SET checked_at = excluded.checked_at, "
                    "outcome = CASE WHEN index_days.outcome = 'seen' THEN 'seen' "
                    "ELSE excluded.outcome END");
  s.Bind(1, day.ToIso()).Bind(2, OutcomeName(outcome)).Bind(3, UtcTimestampNow());
  return s.Run();
}

Result<std::map<Date, IndexDayOutcome>> Catalog::ListIndexDays() const {
  SqliteStatement s(db_, "SELECT day, outcome FROM index_days ORDER BY day");
  std::map<Date, IndexDayOutcome> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    std::optional<Date> day = DateColumn(s, 0);
    std::optional<IndexDayOutcome> outcome = ParseOutcome(s.Text(1));
    if (!day || !outcome)
      return Corruption("index_days row is not a day and an outcome: " + s.Text(0) + " " +
                        s.Text(1));
    out[*day] = *outcome;
  }
}

Status Catalog::MarkQuarterReconciled(std::string_view quarter) {
  SqliteStatement s(db_,
                    "INSERT INTO reconciled_quarters (quarter, reconciled_at) VALUES (?1, ?2) "
                    "ON CONFLICT(quarter) DO NOTHING");
  s.Bind(1, quarter).Bind(2, UtcTimestampNow());
  return s.Run();
}

Result<std::set<std::string>> Catalog::ListReconciledQuarters() const {
  SqliteStatement s(db_, "SELECT quarter FROM reconciled_quarters");
  std::set<std::string> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.insert(s.Text(0));
  }
}

}  // namespace corresp
