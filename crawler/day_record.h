// The catalog side of crawler/day_plan.h: load what earlier runs learnt about daily indexes,
// store what this run learnt.
#pragma once

#include <optional>

#include "core/status.h"
#include "crawler/day_plan.h"
#include "store/catalog.h"

namespace corresp {

// Every recorded day and reconciled quarter; `watermark` is the refresh's current one (it
// settles unrecorded days of catalogs older than the per-day record). kIoError/kCorruption.
Result<DayHistory> LoadDayHistory(const Catalog& catalog, std::optional<Date> watermark);

// Records every day outcome and reconciled quarter of `updates`. Call inside the caller's
// transaction so they land together with the watermark. kIoError.
Status SaveDayUpdates(Catalog& catalog, const DayUpdates& updates);

}  // namespace corresp
