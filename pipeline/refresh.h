// `corresp refresh`: the nightly job. Reads EDGAR's index days from the watermark through
// today, fetches the new UPLOAD/CORRESP filings and the ones earlier runs failed on, extracts
// and indexes them, re-links the affected threads, and only then moves the watermark. Keyed on
// the index day, not Date Filed: EDGAR releases a whole review thread ~20 business days after
// it closes, so letters arrive weeks after their date.
//
// Which days are read (crawler/day_plan.h): every day after the watermark not yet settled,
// the last refresh.daily_window_days business days again (a late index is picked up; filings
// already stored cost nothing but the index request), and once per quarter the quarter's full
// index when it has appeared (reconciliation). The watermark never passes a pending day (a
// business day whose daily index has not answered 200 and whose quarter is not reconciled).
// --since D, and a first run (no watermark: config.refresh.backfill_since, else the start of
// the current quarter), read every day from D; whole past quarters come from the quarterly
// full index.
//
// Crash safety: every step is idempotent (catalog upserts, content-addressed store, Xapian
// replace on unique ids) and the day record and watermark move last, in one transaction, so a
// run killed at any point and run again ends in the state of an uninterrupted run. The caller
// holds the data-dir lock.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/date.h"
#include "core/status.h"
#include "crawler/crawl.h"
#include "crawler/day_plan.h"
#include "indexer/index/index_pipeline.h"

namespace corresp {

class Catalog;
class DocumentStore;

inline constexpr const char* kWatermarkKey = "refresh.watermark";
inline constexpr const char* kLastRefreshKey = "refresh.last_run";

struct RefreshRequest {
  std::optional<Date> since;  // read from this day instead of the watermark
  std::optional<Date> until;  // last index day to read (default: today)
  bool retry_failed = false;  // also retry filings whose failure was recorded as permanent
  // Index only these companies' letters (a shard, docs/scaling.md); all are still fetched.
  std::optional<CikRange> cik_range;
  const std::atomic<bool>* stop = nullptr;  // SIGINT: finish in-flight work, keep watermark
  std::optional<Date> today;                // pins "today" (tests); default Date::Today()
  // The index phase's progress (IndexOptions::progress); may be empty.
  std::function<void(const IndexProgress&)> index_progress;
};

// Where a refresh's time went, in seconds (bench/refresh prints them).
struct RefreshPhaseSeconds {
  double before = 0;       // remember the catalog's threads and failures, the index's counts
  double crawl = 0;        // read the index files, fetch the filings
  double submissions = 0;  // fetch the companies' submissions JSON (reviewed filings)
  double index = 0;        // extract, write, link, commit (`index` breaks it down)
  double changes = 0;      // compare with `before` for the report
  double save = 0;         // record the days, move the watermark
  IndexPhaseSeconds index_phases;
};

struct RefreshFailure {
  std::string subject;  // accession or URL
  std::string stage;    // discover | fetch | extract
  std::string reason;
};

struct RefreshReport {
  Date from;                             // first day of the sweep (watermark, --since, backfill)
  Date to;                               // last index day read
  long days_scanned = 0;                 // calendar days covered
  long index_files = 0;                  // index files requested
  long days_reread = 0;                  // daily indexes read again for days already settled
  std::vector<PendingDay> pending_days;  // days whose index has not answered 200 yet (late or not)
  std::vector<std::string> reconciled_quarters;  // quarters reconciled in this run, "2019Q4"
  long new_filings = 0;                          // filings fetched in this run
  long letters_indexed = 0;                      // letters extracted and indexed in this run
  long comments_added = 0;                       // staff comment documents added to the index
  long responses_added = 0;                      // company response documents added to the index
  long threads_opened = 0;                       // threads that did not exist before this run
  long threads_closed = 0;                       // threads that became closed in this run
  std::vector<RefreshFailure> failures;          // new failures of this run, with reasons
  long items_indexed = 0;                        // comment and response documents of those letters
  std::uint64_t requests = 0;
  double elapsed_seconds = 0;
  RefreshPhaseSeconds phases;
  std::optional<Date> watermark;  // after the run
  bool interrupted = false;       // SIGINT: watermark not moved
};

// Runs one refresh. Per-item failures are in the report (and the catalog), not errors.
// Errors: kBlocked (the SEC block persisted), kIoError/kCorruption (catalog, store or index),
// kUnavailable (index locked), kInvalidArgument (since after until).
Result<RefreshReport> RunRefresh(const RefreshRequest& request, const Config& config,
                                 Catalog& catalog, DocumentStore& store, ProgressSink* progress);

}  // namespace corresp
