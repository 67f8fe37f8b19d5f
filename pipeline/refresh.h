// `corresp refresh`: the nightly job. Reads every EDGAR index day from the watermark (the last
// index day a refresh completed) through today, fetches the new UPLOAD/CORRESP filings and the
// ones earlier runs failed on, extracts and indexes them, re-links the affected threads, and
// only then moves the watermark. Keyed on the index day, not Date Filed: EDGAR releases a whole
// review thread ~20 business days after it closes, so letters arrive weeks after their date.
//
// First run (no watermark): from config.refresh.backfill_since, else the start of the current
// quarter; whole past quarters come from the quarterly full index, the rest from daily indexes.
// The watermark day itself is read again by the next run (its index may have been published
// after we read it); that costs one request and finds only filings already stored.
//
// Crash safety: every step is idempotent (catalog upserts, content-addressed store, Xapian
// replace on unique ids) and the watermark moves last, so a run killed at any point and run
// again ends in the state of an uninterrupted run. The caller holds the data-dir lock.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/date.h"
#include "core/status.h"
#include "crawler/crawl.h"
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
  const std::atomic<bool>* stop = nullptr;  // SIGINT: finish in-flight work, keep watermark
  std::optional<Date> today;                // pins "today" (tests); default Date::Today()
};

struct RefreshFailure {
  std::string subject;  // accession or URL
  std::string stage;    // discover | fetch | extract
  std::string reason;
};

struct RefreshReport {
  Date from;                             // first index day read
  Date to;                               // last index day read
  long days_scanned = 0;                 // calendar days covered
  long index_files = 0;                  // index files requested
  long new_filings = 0;                  // filings fetched in this run
  long letters_indexed = 0;              // letters extracted and indexed in this run
  long comments_added = 0;               // staff comment documents added to the index
  long responses_added = 0;              // company response documents added to the index
  long threads_opened = 0;               // threads that did not exist before this run
  long threads_closed = 0;               // threads that became closed in this run
  std::vector<RefreshFailure> failures;  // new failures of this run, with reasons
  std::uint64_t requests = 0;
  double elapsed_seconds = 0;
  std::optional<Date> watermark;  // after the run
  bool interrupted = false;       // SIGINT: watermark not moved
};

// Runs one refresh. Per-item failures are in the report (and the catalog), not errors.
// Errors: kBlocked (the SEC block persisted), kIoError/kCorruption (catalog, store or index),
// kUnavailable (index locked), kInvalidArgument (since after until).
Result<RefreshReport> RunRefresh(const RefreshRequest& request, const Config& config,
                                 Catalog& catalog, DocumentStore& store, ProgressSink* progress);

}  // namespace corresp
