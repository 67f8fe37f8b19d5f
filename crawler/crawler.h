// The two steps of a crawl, for RunCrawl and the nightly refresh: discovery (index files ->
// catalog rows) and fetching (one filing -> its documents in the store + catalog metadata).
// One Crawler owns one event loop and one HttpFetcher, so the rate limit and the block
// policy hold across both steps. Single-threaded; each step runs the loop until it is done.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "config/options.h"
#include "core/filing.h"
#include "core/submission.h"
#include "crawler/crawl.h"
#include "crawler/crawl_plan.h"
#include "crawler/http_fetcher.h"
#include "store/catalog.h"
#include "store/document_store.h"

namespace corresp {

// The index entry that fetches a catalogued filing again (its complete submission .txt).
IndexEntry EntryForFiling(const Filing& filing);

class Crawler {
 public:
  // `catalog`, `store`, `progress` (may be null) and `stop` (may be null) must outlive it.
  Crawler(const Config& config, Catalog& catalog, DocumentStore& store, ProgressSink* progress,
          const std::atomic<bool>* stop, RateLimiter::Options limiter = {});
  ~Crawler();

  // Reads every index file of `plan` and records each row matching `filter` in the catalog
  // (AddDiscovered: known filings keep their state). A 404 for a daily index or a
  // reconciliation read is not a failure (what it means is the caller's: crawler/day_plan.h);
  // any other failure is recorded (stage "discover") and skipped. Every file's outcome is
  // kept for index_outcomes(). Returns the matching
  // entries, one per accession, in index order. Errors: kBlocked (fatal), kIoError (catalog).
  Result<std::vector<IndexEntry>> Discover(const std::vector<IndexSource>& plan,
                                           const FilingFilter& filter);

  // Catalog filings that an earlier run discovered but did not fetch, or failed on, that
  // match `filter` (so an interrupted or failed filing is retried by the next run).
  Result<std::vector<IndexEntry>> PendingFromCatalog(const FilingFilter& filter) const;

  // Fetches every entry not already fetched: one request for ACCESSION.txt, its documents
  // stored, then SaveFetched in one transaction. Fallback when the .txt is missing, corrupt
  // or holds no letter: the folder's index.json, then its letter documents. A failed filing
  // is recorded (SaveFetchFailure) and the crawl goes on. Stops starting filings when the
  // stop flag is set. Errors: kBlocked (fatal), kIoError/kCorruption (store or catalog).
  Status FetchFilings(const std::vector<IndexEntry>& entries);

  // Fetches the submissions JSON of every company with a fetched letter whose cached copy is
  // stale by NeedsSubmissionsFetch (crawler/submissions_json.h): its first file, then every
  // page that lists whose filings reach back to kPageLookbackDays before the company's oldest
  // letter, through the same fetcher and rate limit; the filings of a company are saved in one
  // transaction once all its files answered. A failed first file (404, bad JSON, network; a
  // 404 or bad JSON is permanent until a newer letter) fails the company; a failed page loses
  // its filings alone. Each failure is recorded (stage "submissions", subject the URL) and
  // reported, and the run goes on. Stops
  // starting companies when the stop flag is set. Errors: kBlocked (fatal), kIoError (catalog).
  Status FetchCompanySubmissions();

  // What each index file read by Discover answered, in the order the answers came.
  const std::vector<IndexFileOutcome>& index_outcomes() const { return index_outcomes_; }

  // Counters so far (requests/bytes/retries/blocks/elapsed filled in by this call).
  const CrawlReport& report();
  bool stopped() const { return stopping_; }

 private:
  struct FilingJob;
  struct CompanyJob;

  void Get(const std::string& url, std::function<void(Result<FetchResponse>)> then);
  void RunLoop();
  void ArmStopPoll();
  void CheckStop();
  void SetFatal(Status status);
  Status StepStatus() const;
  void OnIndexFile(const IndexSource& source, const FilingFilter& filter,
                   Result<FetchResponse> response, std::vector<IndexEntry>* out);
  void StartNextFilings();
  void StartFiling(const IndexEntry& entry);
  void OnSubmission(std::shared_ptr<FilingJob> job, Result<FetchResponse> response);
  void StartFallback(std::shared_ptr<FilingJob> job, const Status& why);
  void OnFolderListing(std::shared_ptr<FilingJob> job, Result<FetchResponse> response);
  void OnFallbackDocument(std::shared_ptr<FilingJob> job, std::size_t index,
                          Result<FetchResponse> response);
  void SaveFiling(std::shared_ptr<FilingJob> job, Filing filing,
                  std::vector<SubmissionDocument> documents);
  void FailFiling(std::shared_ptr<FilingJob> job, const Status& why);
  void FinishFiling(std::shared_ptr<FilingJob> job);
  void StartNextCompanies();
  void OnCompanyFile(std::shared_ptr<CompanyJob> job, std::size_t index,
                     Result<FetchResponse> response);
  void FinishCompany(std::shared_ptr<CompanyJob> job);
  void RecordSubmissionsFailure(const std::string& url, const Status& why);
  void Report(const char* phase);
  std::string Url(const std::string& path) const;

  Config config_;
  Catalog& catalog_;
  DocumentStore& store_;
  ProgressSink* progress_;
  const std::atomic<bool>* stop_;
  boost::asio::io_context io_;
  std::unique_ptr<HttpFetcher> fetcher_;
  boost::asio::steady_timer stop_poll_;
  std::chrono::steady_clock::time_point started_;
  CrawlReport report_;
  std::vector<IndexFileOutcome> index_outcomes_;
  bool stopping_ = false;
  Status fatal_;  // store/catalog failure: stops the crawl
  // FetchFilings state.
  const std::vector<IndexEntry>* entries_ = nullptr;
  std::size_t next_entry_ = 0;
  std::size_t in_flight_ = 0;
  long outstanding_ = 0;  // fetches whose callback has not run
  // FetchCompanySubmissions state.
  std::vector<Cik> companies_;
  std::vector<std::optional<Date>> oldest_letters_;  // of companies_, same order
  std::size_t next_company_ = 0;
  long phase_done_ = 0;
  long phase_total_ = 0;
};

}  // namespace corresp
