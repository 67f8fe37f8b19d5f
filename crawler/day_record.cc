#include "crawler/day_record.h"

namespace corresp {

Result<DayHistory> LoadDayHistory(const Catalog& catalog, std::optional<Date> watermark) {
  DayHistory history;
  CORRESP_ASSIGN_OR_RETURN(history.days, catalog.ListIndexDays());
  CORRESP_ASSIGN_OR_RETURN(history.reconciled, catalog.ListReconciledQuarters());
  history.watermark = watermark;
  return history;
}

Status SaveDayUpdates(Catalog& catalog, const DayUpdates& updates) {
  for (const auto& [day, outcome] : updates.days)
    CORRESP_RETURN_IF_ERROR(catalog.RecordIndexDay(day, outcome));
  for (const std::string& quarter : updates.reconciled)
    CORRESP_RETURN_IF_ERROR(catalog.MarkQuarterReconciled(quarter));
  return Status::Ok();
}

}  // namespace corresp
