// Every setting of corresp, with its default and the reason for it. Loaded from a TOML file,
// then CORRESP_* environment variables, then command-line flags (flags win): see load.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/letter_form.h"

namespace corresp {

struct CrawlOptions {
  // Where EDGAR lives. A mirror (tools/edgar-mirror, nginx) for tests and the demo.
  std::string base_url = "https://www.sec.gov";
  // SEC fair access: "Company Name email@domain"; without it sec.gov answers 403.
  std::string user_agent;
  // Request starts per second across the whole process. SEC allows 10; 9.7 has been blocked.
  double requests_per_second = 8.0;
  // Concurrent connections; with HTTP/2 they multiplex. More only helps with high latency.
  int max_connections = 8;
  // Give up connecting after this long: a dead host should not stall the crawl.
  int connect_timeout_ms = 10'000;
  // Give up on one transfer after this long (large PDFs over slow links fit easily).
  int transfer_timeout_ms = 120'000;
  // Larger bodies are refused: no letter comes near it; protects memory and disk.
  std::uint64_t max_body_bytes = 100ull << 20;
  // Attempts per request before the failure is recorded (and retried on the next run).
  int max_attempts = 5;
  // Exponential backoff between attempts, with full jitter: initial and cap.
  int backoff_initial_ms = 500;
  int backoff_max_ms = 30'000;
  // After a 403 rate block or 429: send nothing for this long (SEC blocks last 10 minutes).
  int block_pause_seconds = 600;
  // Give up (exit 3) after this many consecutive blocks: the SEC block persists.
  int max_consecutive_blocks = 3;
  // Form types to collect from the indexes: every review-letter form of core/letter_form.h.
  // "SEC STAFF LETTER" is the form EDGAR gives some staff letters of a review since 2019
  // (accessions 9999999997-...); DRSLTR/DOSLTR are the company's letters on confidential draft
  // registration (since October 2012) and Regulation A statements. All belong to threads.
  std::vector<std::string> forms = ReviewLetterForms();
};

struct RefreshOptions {
  // First run with no watermark starts here ("" = start of the current quarter).
  std::string backfill_since;
  // Business days up to today that every refresh reads again, so a daily index EDGAR
  // publishes late is still read (crawler/day_plan.h); each costs one index request.
  int daily_window_days = 10;
};

// Extraction runs in worker processes (indexer/index/extract_pool.h): a letter whose extraction
// crashes, hangs or blows up its memory costs only that letter, recorded as a permanent failure.
struct ExtractOptions {
  // Worker processes extracting in parallel while the writer indexes; 2 uses both cores of
  // the reference machine. At least 1.
  int workers = 2;
  // CPU seconds one letter may use (RLIMIT_CPU); the slowest corpus letter needs under 1 s.
  int cpu_seconds = 30;
  // Wall-clock seconds one letter may take before its worker is killed: catches a worker
  // blocked without using CPU. Above cpu_seconds so a CPU-bound letter hits its CPU limit first.
  int wall_seconds = 60;
  // Address space (RLIMIT_AS) a worker may add to what it inherits from the writer, in MiB;
  // extraction of the largest corpus letter (5 MB PDF) stays far below 1 GiB.
  std::uint64_t max_memory_mb = 1024;
};

// Searching (`corresp search`, `corresp serve`).
struct SearchOptions {
  // Facets are counted exactly while a search matches at most this many documents; a broader
  // search counts a sample of at most this many matches and scales the counts, answering
  // "facets_exact": false (docs/web.md "Facet counts of broad searches"). Checking a match
  // costs ~2 us with facets (bench/search/README.md, 100k), and a broad search checks up to
  // twice this many: 10,000 keeps that near 40 ms, inside the 150 ms p99 asked at 3M items,
  // while a value holding a tenth of the matches stays within ~5%. 0 = always exact.
  long exact_facets_up_to = 10'000;
};

struct LogOptions {
  // One JSON object per line on stderr (for journald and log shippers).
  bool json = false;
  // 0 = quiet (errors only), 1 = normal, 2 = verbose.
  int verbosity = 1;
};

struct Config {
  // Catalog, document store and index live here.
  std::filesystem::path data_dir;
  CrawlOptions crawl;
  RefreshOptions refresh;
  ExtractOptions extract;
  SearchOptions search;
  LogOptions log;
};

// Files inside the data dir.
inline std::filesystem::path CatalogPath(const Config& c) { return c.data_dir / "catalog.sqlite"; }
inline std::filesystem::path StorePath(const Config& c) { return c.data_dir / "store"; }
inline std::filesystem::path IndexPath(const Config& c) { return c.data_dir / "index"; }

}  // namespace corresp
