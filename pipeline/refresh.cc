#include "pipeline/refresh.h"

#include <xapian.h>

#include <chrono>
#include <map>
#include <set>

#include "core/index_schema.h"
#include "crawler/crawler.h"
#include "crawler/day_record.h"
#include "store/catalog.h"
#include "store/catalog_transaction.h"
#include "store/document_store.h"

namespace corresp {
namespace {
namespace s = schema;

struct IndexCounts {
  long comments = 0;
  long responses = 0;
};

// Comment and response documents in the index (0 when there is no index yet).
IndexCounts CountItems(const std::filesystem::path& index_path) {
  IndexCounts counts;
  std::error_code ec;
  if (!std::filesystem::exists(index_path, ec)) return counts;
  try {
    Xapian::Database db(index_path.string());
    counts.comments = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeComment));
    counts.responses = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeResponse));
  } catch (const Xapian::Error&) {
    // An unreadable index is reported by the index step itself.
  }
  return counts;
}

// The catalog's watermark, if any.
Result<std::optional<Date>> Watermark(const Catalog& catalog) {
  CORRESP_ASSIGN_OR_RETURN(std::optional<std::string> mark, catalog.GetState(kWatermarkKey));
  if (!mark) return std::optional<Date>();
  if (auto d = Date::Parse(*mark)) return d;
  return Corruption(std::string("catalog state ") + kWatermarkKey + " is not a date: " + *mark);
}

Result<Date> StartDay(const RefreshRequest& request, const Config& config,
                      std::optional<Date> watermark, Date today) {
  if (request.since) return *request.since;
  if (watermark) return *watermark;
  if (!config.refresh.backfill_since.empty()) {
    if (auto d = Date::Parse(config.refresh.backfill_since)) return *d;
    return InvalidArgument("refresh.backfill_since: expected YYYY-MM-DD");
  }
  return today.QuarterStart();
}

// Filings whose failure was recorded as permanent, as index entries to fetch again.
Result<std::vector<IndexEntry>> PermanentFailures(const Catalog& catalog,
                                                  const FilingFilter& filter) {
  CORRESP_ASSIGN_OR_RETURN(std::vector<Filing> filings,
                           catalog.ListFilings(FetchState::kPermanent));
  std::vector<IndexEntry> out;
  for (const Filing& f : filings)
    if (filter.Matches(f.form, f.cik)) out.push_back(EntryForFiling(f));
  return out;
}

// Extraction failures become retryable again: their filings are un-marked as indexed.
Status ForgetExtractFailures(Catalog& catalog) {
  CORRESP_ASSIGN_OR_RETURN(std::vector<FailureRecord> failures, catalog.ListFailures());
  for (const FailureRecord& f : failures) {
    if (f.stage != "extract") continue;
    if (auto acc = Accession::Parse(f.subject))
      CORRESP_RETURN_IF_ERROR(catalog.MarkIndexed(*acc, 0));
  }
  return Status::Ok();
}

// What the catalog and index held before the run, to report what the run changed. (Threads
// opened and closed come from the index step, which reads only the companies it re-links.)
struct BeforeRun {
  IndexCounts items;
  std::map<std::pair<std::string, std::string>, int> failure_attempts;
};

Result<BeforeRun> Remember(const Config& config, const Catalog& catalog) {
  BeforeRun before;
  before.items = CountItems(IndexPath(config));
  CORRESP_ASSIGN_OR_RETURN(std::vector<FailureRecord> failures, catalog.ListFailures());
  for (const FailureRecord& f : failures)
    before.failure_attempts[{f.subject, f.stage}] = f.attempts;
  return before;
}

// Fills the report's comments/responses added and new failures.
Status ReportChanges(const BeforeRun& before, const Config& config, const Catalog& catalog,
                     RefreshReport& report) {
  IndexCounts items = CountItems(IndexPath(config));
  report.comments_added = items.comments - before.items.comments;
  report.responses_added = items.responses - before.items.responses;
  CORRESP_ASSIGN_OR_RETURN(std::vector<FailureRecord> failures, catalog.ListFailures());
  for (const FailureRecord& f : failures) {
    auto it = before.failure_attempts.find({f.subject, f.stage});
    if (it != before.failure_attempts.end() && it->second == f.attempts) continue;  // untouched
    report.failures.push_back({f.subject, f.stage, f.reason});
  }
  return Status::Ok();
}

// Everything this run fetches: the indexes' new filings, earlier failures, and with
// retry_failed the permanent ones; one entry per accession.
Result<std::vector<IndexEntry>> EntriesToFetch(const RefreshRequest& request, Crawler& crawler,
                                               Catalog& catalog, const DayPlan& plan,
                                               const FilingFilter& filter) {
  CORRESP_ASSIGN_OR_RETURN(std::vector<IndexEntry> entries, crawler.Discover(plan.sources, filter));
  CORRESP_ASSIGN_OR_RETURN(std::vector<IndexEntry> pending, crawler.PendingFromCatalog(filter));
  entries.insert(entries.end(), pending.begin(), pending.end());
  if (request.retry_failed) {
    CORRESP_ASSIGN_OR_RETURN(std::vector<IndexEntry> permanent, PermanentFailures(catalog, filter));
    entries.insert(entries.end(), permanent.begin(), permanent.end());
    CORRESP_RETURN_IF_ERROR(ForgetExtractFailures(catalog));
  }
  std::set<std::string> seen;
  std::vector<IndexEntry> unique;
  for (IndexEntry& e : entries)
    if (seen.insert(e.accession.text).second) unique.push_back(std::move(e));
  return unique;
}

// Step 3: what this run learnt about index days, and the watermark, in one transaction. The
// watermark never passes a pending day (crawler/day_plan.h); it stays put when interrupted.
Status SaveDaysAndWatermark(Catalog& catalog, const DayUpdates& updates,
                            std::optional<Date> watermark) {
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  CORRESP_RETURN_IF_ERROR(SaveDayUpdates(catalog, updates));  // txn rolls back on return
  if (watermark) {
    CORRESP_RETURN_IF_ERROR(catalog.SetState(kWatermarkKey, watermark->ToIso()));
    CORRESP_RETURN_IF_ERROR(catalog.SetState(kLastRefreshKey, UtcTimestampNow()));
  }
  return txn.Commit();
}

}  // namespace

Result<RefreshReport> RunRefresh(const RefreshRequest& request, const Config& config,
                                 Catalog& catalog, DocumentStore& store, ProgressSink* progress) {
  auto started = std::chrono::steady_clock::now();
  Date today = request.today.value_or(Date::Today());
  RefreshReport report;
  CORRESP_ASSIGN_OR_RETURN(std::optional<Date> watermark, Watermark(catalog));
  CORRESP_ASSIGN_OR_RETURN(report.from, StartDay(request, config, watermark, today));
  report.to = std::min(request.until.value_or(today), today);
  if (report.from > report.to)
    return InvalidArgument("refresh: --since " + report.from.ToIso() + " is after " +
                           report.to.ToIso());
  report.days_scanned = report.to.DaysSinceEpoch() - report.from.DaysSinceEpoch() + 1;
  auto lap_start = started;
  auto lap = [&lap_start] {
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - lap_start).count();
    lap_start = now;
    return s;
  };
  CORRESP_ASSIGN_OR_RETURN(BeforeRun before, Remember(config, catalog));
  report.phases.before = lap();

  // 1. Discover and fetch: the window, pending days and reconciliations (crawler/day_plan.h).
  CORRESP_ASSIGN_OR_RETURN(DayHistory days, LoadDayHistory(catalog, watermark));
  DayWindow window{report.from, report.to, today, config.refresh.daily_window_days,
                   /*reread_all=*/request.since.has_value() || !watermark};
  DayPlan plan = PlanRefreshDays(window, days);
  report.days_reread = plan.days_reread;
  FilingFilter filter{config.crawl.forms, {}};
  Crawler crawler(config, catalog, store, progress, request.stop);
  CORRESP_ASSIGN_OR_RETURN(std::vector<IndexEntry> entries,
                           EntriesToFetch(request, crawler, catalog, plan, filter));
  CORRESP_RETURN_IF_ERROR(crawler.FetchFilings(entries));
  report.phases.crawl = lap();
  CORRESP_RETURN_IF_ERROR(crawler.FetchCompanySubmissions());  // reviewed filings
  report.phases.submissions = lap();
  const CrawlReport& crawl = crawler.report();
  report.index_files = crawl.index_files;
  report.new_filings = crawl.fetched;
  report.requests = crawl.requests;
  report.interrupted = crawl.interrupted || crawler.stopped();

  // 2. Extract, index, link threads (commits the index, then marks the catalog).
  if (!report.interrupted) {
    IndexOptions options;
    options.cik_range = request.cik_range;
    options.progress = request.index_progress;
    CORRESP_ASSIGN_OR_RETURN(IndexReport indexed, IndexPending(config, catalog, store, options));
    report.letters_indexed = static_cast<long>(indexed.indexed);
    report.items_indexed = static_cast<long>(indexed.items);
    report.threads_opened = static_cast<long>(indexed.threads_opened);
    report.threads_closed = static_cast<long>(indexed.threads_closed);
    report.phases.index_phases = indexed.phases;
  }
  report.phases.index = lap();
  CORRESP_RETURN_IF_ERROR(ReportChanges(before, config, catalog, report));
  report.phases.changes = lap();

  // 3. Only now, with catalog and index committed, record the days and move the watermark.
  DayUpdates updates = ApplyOutcomes(crawler.index_outcomes(), days);
  report.reconciled_quarters = updates.reconciled;
  report.pending_days = PendingDays(report.to, days);
  std::optional<Date> mark;
  if (!report.interrupted) mark = SettledThrough(report.from, report.to, days);
  CORRESP_RETURN_IF_ERROR(SaveDaysAndWatermark(catalog, updates, mark));
  CORRESP_ASSIGN_OR_RETURN(std::optional<std::string> stored, catalog.GetState(kWatermarkKey));
  if (stored) report.watermark = Date::Parse(*stored);
  report.phases.save = lap();
  report.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace corresp
