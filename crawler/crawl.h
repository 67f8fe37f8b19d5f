// `corresp crawl`: discover review letters in EDGAR's index files and store every document
// of each filing (original bytes in the DocumentStore, metadata in the Catalog).
//
// RunCrawl = Crawler::Discover over PlanIndexFiles(since, until) + Crawler::FetchFilings over
// what was discovered (plus filings an earlier run discovered or failed on). The nightly
// refresh reuses the two steps through the Crawler class (crawler/crawler.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/status.h"
#include "store/catalog.h"
#include "store/document_store.h"

namespace corresp {

struct CrawlRequest {
  Date since;                      // first index day to read
  std::optional<Date> until;       // last index day (default: today)
  std::vector<std::string> forms;  // form types to keep; empty = config.crawl.forms
  std::vector<Cik> ciks;           // companies to keep; empty = all
  // Set (e.g. from a SIGINT handler) to stop starting new work: requests on the wire finish,
  // finished filings are saved, the rest stay "discovered" for the next run. May be null.
  const std::atomic<bool>* stop = nullptr;
  // "Today" for planning (tests pin it); default Date::Today().
  std::optional<Date> today;
};

struct CrawlFailure {
  std::string subject;  // accession, or the index file's URL
  std::string stage;    // "discover", "fetch" or "submissions"
  std::string reason;   // Status::ToString()
};

struct CrawlReport {
  long index_files = 0;         // index files read (404 daily indexes included)
  long index_row_errors = 0;    // malformed index rows skipped
  long discovered = 0;          // filings kept from the indexes (after form/CIK filters)
  long fetched = 0;             // filings stored in this run
  long skipped = 0;             // already fetched earlier: no request made
  long failed = 0;              // filings (and index files) that failed; recorded for retry
  long submissions = 0;         // companies whose submissions JSON was fetched and saved
  long submissions_failed = 0;  // companies whose submissions JSON could not be had
  std::vector<CrawlFailure> failures;
  std::uint64_t requests = 0;  // HTTP transfers started, retries included
  std::uint64_t retries = 0;
  std::uint64_t blocks = 0;  // blocks (429 / 403 other than a User-Agent refusal)
  std::uint64_t bytes = 0;   // body bytes received
  double elapsed_seconds = 0;
  double requests_per_second = 0;  // requests / elapsed
  bool interrupted = false;        // stopped early by CrawlRequest::stop
};

struct CrawlProgress {
  const char* phase = "";  // "discover" or "fetch"
  long done = 0;           // index files read / filings finished in this phase
  long total = 0;
  const CrawlReport* report = nullptr;  // counters so far
};

// Receives progress on the crawl's thread; implementations must be quick.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void OnProgress(const CrawlProgress& progress) = 0;
};

// Runs a crawl. `config` must have passed Validate(). Returns the report when the crawl ran
// to the end or was interrupted (report.interrupted); per-filing failures are in the report
// and the catalog, never an error here. Errors: kBlocked when the server blocked us
// max_consecutive_blocks times or refused our identity (403 Undeclared Automated Tool),
// kIoError/kCorruption when the catalog or store fails, kInvalidArgument for a bad request
// (since after until). Progress already saved stays saved in every case.
Result<CrawlReport> RunCrawl(const CrawlRequest& request, const Config& config, Catalog& catalog,
                             DocumentStore& store, ProgressSink* progress);

}  // namespace corresp
