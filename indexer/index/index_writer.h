// The Xapian writer: stores letter records, re-links a company's threads and (re)writes the
// documents of the letters whose built content changed. Every write is idempotent: a letter's
// old documents are deleted (by the docids kept in letterdocs:<ACC>) before its new ones are
// added, and a letter whose documents' inputs are unchanged (letterfp:<ACC>, see
// LetterDocumentsFingerprint) keeps them. Nothing is visible to readers until Commit().
// Documents are built on IndexWriterOptions::builder_threads worker threads while the calling
// thread writes (docs/scaling.md "Indexing throughput").
//
// One writer at a time (Xapian's lock): Open() fails with kUnavailable while another process
// holds it. Readers keep working while a writer commits (they reopen, see query/searcher.h).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/thread.h"
#include "indexer/index/letter_record.h"
#include "indexer/index/thread_linker.h"

namespace Xapian {
class WritableDatabase;
}

namespace corresp {

struct BuiltDocument;

struct IndexWriterOptions {
  // Record spelling data so `search` can suggest "did you mean". Word counts are gathered in
  // memory and written once per word at Commit() (Xapian's per-word FLAG_SPELLING cost ~25%).
  bool spelling = true;
  // Documents Xapian buffers before flushing them to disk. Xapian's default (10,000) makes its
  // in-memory posting maps large and slow; 2,000 indexes ~1.7x faster (bench/search). The
  // XAPIAN_FLUSH_THRESHOLD environment variable, when set, wins. 0 leaves Xapian's default.
  int flush_threshold = 2000;
  // Threads building documents while the calling thread writes them. Building is ~30% of the
  // CPU and the writing (Xapian's inverter, B-trees, commits) ~70% (bench/search), so one
  // builder takes all the building off the writer; more cannot help. 0 builds on the calling
  // thread. The index is the same whatever the number.
  int builder_threads = 1;
  // Letters built ahead of the writer at most: bounds the memory of built documents waiting to
  // be written (tens of KB per document in memory) while keeping the builders busy.
  std::size_t max_letters_in_flight = 64;
  // Thread linking parameters (see thread_linker.h).
  ThreadOptions threads;
};

// What RebuildCompanies did, summed over the writer's life (for benchmarks and reports).
struct IndexWriterStats {
  long letters_built = 0;      // letters whose documents were (re)built and written
  long letters_unchanged = 0;  // letters whose fingerprint matched: documents left alone
  long documents_written = 0;
};

class IndexWriter {
 public:
  // Opens (creating when absent) the database at `path`. kUnavailable when locked by another
  // writer; kCorruption when the folder is not a Xapian database; kIoError otherwise.
  static Result<std::unique_ptr<IndexWriter>> Open(const std::filesystem::path& path,
                                                   const IndexWriterOptions& options = {});
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Stores (replaces) the record of one letter. Its documents are written by RebuildCompany.
  Status PutLetter(const LetterRecord& record);
  // Every stored letter record of `cik`, by accession.
  Result<std::vector<LetterRecord>> CompanyLetters(Cik cik) const;
  // Re-links the threads of each company of `ciks` from its stored records, rewrites the
  // documents of its letters whose fingerprint changed (new letters, letters whose record,
  // thread, pairing or lifecycle changed) and its thread metadata. Documents are added in the
  // order of `ciks`, then of accessions. Returns each company's threads (for the catalog). On
  // error, some companies may be written (not committed): rerunning redoes them.
  Result<std::map<Cik, std::vector<ReviewThread>>> RebuildCompanies(const std::vector<Cik>& ciks);
  // RebuildCompanies of one company.
  Result<std::vector<ReviewThread>> RebuildCompany(Cik cik);
  // Makes everything written so far visible to readers, durably.
  Status Commit();

  Result<long> DocumentCount() const;
  // Whether the record of `acc` of `cik` is stored (committed or not). kIoError when Xapian
  // fails.
  Result<bool> HasLetter(Cik cik, const Accession& acc) const;
  // Letters stored (the count:letters total, counting what is not yet committed).
  long LetterCount() const { return letters_; }
  const IndexWriterStats& stats() const { return stats_; }
  Xapian::WritableDatabase& database() { return *db_; }

 private:
  IndexWriter(std::unique_ptr<Xapian::WritableDatabase> db, IndexWriterOptions options);
  struct CompanyPlan;
  struct PlannedLetter;
  Result<std::shared_ptr<const CompanyPlan>> PlanCompany(Cik cik);
  void WriteLetter(const PlannedLetter& letter, std::vector<BuiltDocument>& docs);
  Status WriteThreads(Cik cik, const std::vector<ReviewThread>& threads);
  void LoadTotals();
  void SaveTotals();
  std::unique_ptr<Xapian::WritableDatabase> db_;
  IndexWriterOptions options_;
  // Spelling words (the unprefixed terms of written documents) and their counts, not yet
  // written to the database.
  std::unordered_map<std::string, unsigned> pending_spelling_;
  // The running totals of the count:* metadata (core/index_schema.h), written with every change
  // so that whatever Xapian commits (our Commit() or its own auto-flush) is consistent.
  long letters_ = 0, threads_open_ = 0, threads_closed_ = 0;
  IndexWriterStats stats_;
};

// JSON form of a thread, as stored in the metadata and printed by `corresp thread --json`:
// {"thread","cik","company","status","start","end","days","letters":[{"accession","form",
// "kind","date","comments"}],"comments":[LifecycleEntry of each staff comment]}.
std::string ThreadToJson(const ReviewThread& thread);

}  // namespace corresp
