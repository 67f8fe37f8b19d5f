// Which EDGAR index files cover a range of days, and which index rows a crawl keeps.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/filing.h"
#include "core/ids.h"
#include "core/status.h"

namespace corresp {

// One index file to read: its path under the site root and the day it stands for.
struct IndexSource {
  std::string path;  // "Archives/edgar/full-index/2019/QTR4/master.idx"
  Date index_day;    // the daily index's day, or the quarter's first day
  bool daily = false;
  // A quarter's full index read to reconcile the catalog against it: a 404 means "not
  // published yet" (not a failure), like a daily index's.
  bool reconcile = false;
};

// What one index file of a plan answered: kOk (200), kNotFound (404), kCancelled/kBlocked
// (never answered), or the failure (network, 5xx, unparsable).
struct IndexFileOutcome {
  IndexSource source;
  StatusCode code = StatusCode::kOk;
};

// "Archives/edgar/daily-index/2019/QTR4/master.20191003.idx" for that day.
IndexSource DailyIndexSource(Date day);
// "Archives/edgar/full-index/2019/QTR4/<name>" for the quarter holding `day`.
IndexSource FullIndexSource(Date day, const std::string& name);
// The last day of the quarter holding `day`.
Date QuarterEnd(Date day);

// The index files listing what EDGAR disseminated on days since..until (inclusive, until
// capped at today): the quarterly full index for every quarter wholly inside the range and
// already over (before `today`), and one daily index per weekday for the rest (partial or
// current quarters). Weekends are skipped (EDGAR has no index for them). Empty when
// since > until.
std::vector<IndexSource> PlanIndexFiles(Date since, Date until, Date today);

// Which index rows a crawl keeps.
struct FilingFilter {
  std::vector<std::string> forms;  // exact form types; empty keeps every form
  std::vector<Cik> ciks;           // empty keeps every company
  bool Matches(const std::string& form, Cik cik) const;
};

}  // namespace corresp
