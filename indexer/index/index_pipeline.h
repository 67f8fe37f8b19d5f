// `corresp index`: extracts every fetched letter not yet indexed by the current extractor
// version (all of them with rebuild), stores its record, re-links the threads of every
// company touched, rewrites that company's documents, commits, then marks the filings indexed
// in the catalog. Idempotent; a crash between commit and MarkIndexed only re-does work.
//
// Into an empty index (a first backfill, or after removing the index) with at least two
// companies to index, IndexOptions::backfill_writers writers fill partial indexes, merged into
// the index at the end (backfill_writers.h); the filings are marked indexed only after the
// merge. A crash or an interrupted run before the merge leaves the index empty and no filing
// marked; the next run with the same extractor and number of writers resumes each partial
// after its last commit (BackfillPlan, IndexReport::resumed), any other removes the partials
// and starts the backfill again. A rebuild is such a backfill into a new index that replaces
// the existing one at the merge: the old index (of any schema: it is never opened) answers
// searches until then and stays whole if the rebuild dies; the next rebuild resumes it. Every
// other run (an index with letters) has one writer and commits batch by batch, as above. All
// write the same documents.
//
// Each letter's Re: references are resolved against its company's filings as cached in the
// catalog (crawler/submissions_json.h); a company whose cache is newer than its last
// resolution has its indexed letters resolved again first (docs/crawler.md).
//
// Extraction runs in a pool of forked workers (extract_pool.h, config.extract): this process
// reads the catalog and the store and writes the index, it never runs the extractor itself.
// A filing whose letter cannot be read (no letter document, store object missing or corrupt,
// unreadable letter, extractor exception, a worker that crashed or hit its CPU, wall-clock or
// memory limit) gets a failure record (stage "extract", with the reason) and the run goes on;
// such a filing is marked indexed when the failure is permanent so it is not retried every run
// (only by `refresh --retry-failed` or a new extractor version), and left for the next run
// otherwise.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/filing.h"
#include "core/status.h"
#include "indexer/index/cik_range.h"
#include "indexer/index/index_writer.h"
#include "indexer/index/rebuild_space.h"

namespace corresp {

class Catalog;
class DocumentStore;

// Where a run is: filings finished (extracted and written, or failed) out of those to do, and
// the items (comment and response documents) of the letters finished.
struct IndexProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::size_t items = 0;
};

struct IndexOptions {
  // Re-extract and re-index every fetched filing, not only new ones (after an extractor fix or
  // a schema change), into a new index swapped in for the existing one (see above).
  bool rebuild = false;
  // Before a rebuild touches anything, refuse it when the index's file system has less free
  // space than it needs (rebuild_space.h); `free_space` measures it (empty: FreeSpaceOf).
  bool check_free_space = true;
  FreeSpaceFn free_space;
  // Filings per commit: bounds the work lost on a crash and lets searchers see progress.
  std::size_t batch_size = 200;
  // Writer options (spelling data, thread linking).
  IndexWriterOptions writer;
  // Writers filling an empty index (see above): the writing is ~70% of indexing's CPU, so two
  // use both cores of the 2-core target (docs/scaling.md "Two writers for a backfill"). 1 keeps
  // one writer committing batch by batch (a backfill interrupted then resumes where it stopped).
  int backfill_writers = 2;
  // Index only the filings of these companies (a shard, docs/scaling.md); the others are left
  // unindexed in this catalog and counted in IndexReport::outside_range.
  std::optional<CikRange> cik_range;
  // Called on this thread as each filing of a batch is finished and after each commit; may be
  // empty. Filings are indexed company by company (a company's letters in one batch where
  // possible, so it is re-linked once), not in catalog order.
  std::function<void(const IndexProgress&)> progress;
};

// Where a run's time went, in seconds (bench/refresh reads them from the JSON reports).
struct IndexPhaseSeconds {
  double prepare = 0;  // open the index, list and order the filings, re-resolve stale companies
  double extract = 0;  // read the letters from the store and extract them on the workers
  double write = 0;    // resolve the Re: references, store the letter records
  double link = 0;     // re-link the companies' threads, rewrite their documents, catalog threads
  double commit = 0;   // commit the index (a backfill: merge the partials), mark the filings
};

struct IndexReport {
  std::size_t filings = 0;         // filings considered
  std::size_t outside_range = 0;   // filings left out by IndexOptions::cik_range
  std::size_t indexed = 0;         // letters extracted and written
  std::size_t failed = 0;          // filings with a failure record this run
  std::size_t companies = 0;       // companies whose threads were re-linked
  std::size_t relinks = 0;         // company re-links: one per company per batch it had letters in
  std::size_t threads = 0;         // threads of those companies
  std::size_t threads_opened = 0;  // of those, threads the catalog did not have before the run
  std::size_t threads_closed = 0;  // of those, threads closed now and not before the run
  std::size_t reresolved = 0;      // companies whose indexed letters were resolved again against
                                   // a newer submissions JSON (before the new letters)
  std::size_t items = 0;           // comment and response documents of the letters indexed
  std::size_t batches = 0;         // commits of new letters (of partial indexes in a backfill)
  std::size_t resumed = 0;         // letters an interrupted backfill had written, kept (not in
                                   // `indexed`, `items`)
  int writers = 1;                 // writers that wrote the letters (partial indexes merged)
  long documents = 0;              // documents in the index after the run
  double seconds = 0;
  IndexPhaseSeconds phases;

  // Throughput over the whole run (0 when it took no time).
  double LettersPerSecond() const {
    return seconds > 0 ? static_cast<double>(indexed) / seconds : 0;
  }
  double ItemsPerSecond() const { return seconds > 0 ? static_cast<double>(items) / seconds : 0; }
};

// The letter document of a filing: the first document of a review-letter type (IsLetterType:
// UPLOAD, CORRESP, DRSLTR, ...), else the
// first pdf/htm/html/txt document; nullopt when there is none.
std::optional<DocumentInfo> PickLetterDocument(const Filing& filing);

// Runs the pipeline over the catalog and store of `config` (index at IndexPath(config)).
// Fails (without partial catalog marks) on: index locked (kUnavailable), catalog errors,
// workers that cannot be forked (kIoError).
Result<IndexReport> IndexPending(const Config& config, Catalog& catalog, const DocumentStore& store,
                                 const IndexOptions& options = {});

}  // namespace corresp
