// `corresp index`: extracts every fetched letter not yet indexed by the current extractor
// version (all of them with rebuild), stores its record, re-links the threads of every
// company touched, rewrites that company's documents, commits, then marks the filings indexed
// in the catalog. Idempotent; a crash between commit and MarkIndexed only re-does work.
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

namespace corresp {

class Catalog;
class DocumentStore;

struct IndexOptions {
  // Re-extract and re-index every fetched filing, not only new ones (after an extractor fix).
  bool rebuild = false;
  // Filings per commit: bounds the work lost on a crash and lets searchers see progress.
  std::size_t batch_size = 200;
  // Writer options (spelling data, thread linking).
  IndexWriterOptions writer;
  // Index only the filings of these companies (a shard, docs/scaling.md); the others are left
  // unindexed in this catalog and counted in IndexReport::outside_range.
  std::optional<CikRange> cik_range;
  // Called after each batch with (filings done, filings to do); may be empty.
  std::function<void(std::size_t, std::size_t)> progress;
};

struct IndexReport {
  std::size_t filings = 0;        // filings considered
  std::size_t outside_range = 0;  // filings left out by IndexOptions::cik_range
  std::size_t indexed = 0;        // letters extracted and written
  std::size_t failed = 0;         // filings with a failure record this run
  std::size_t companies = 0;      // companies whose threads were re-linked
  std::size_t threads = 0;        // threads of those companies
  std::size_t reresolved = 0;     // companies whose indexed letters were resolved again against
                                  // a newer submissions JSON (before the new letters)
  long documents = 0;             // documents in the index after the run
  double seconds = 0;
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
