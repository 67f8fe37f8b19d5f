// The Xapian writer: stores letter records, re-links a company's threads and (re)writes its
// documents. Every write is idempotent: documents are replaced on their unique Q term, and a
// letter's stale items are deleted on its XACC term before its new ones are written. Nothing
// is visible to readers until Commit().
//
// One writer at a time (Xapian's lock): Open() fails with kUnavailable while another process
// holds it. Readers keep working while a writer commits (they reopen, see query/searcher.h).
#pragma once

#include <filesystem>
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

struct IndexWriterOptions {
  // Record spelling data so `search` can suggest "did you mean". Word counts are gathered in
  // memory and written once per word at Commit() (Xapian's per-word FLAG_SPELLING cost ~25%).
  bool spelling = true;
  // Documents Xapian buffers before flushing them to disk. Xapian's default (10,000) makes its
  // in-memory posting maps large and slow; 2,000 indexes ~1.7x faster (bench/search). The
  // XAPIAN_FLUSH_THRESHOLD environment variable, when set, wins. 0 leaves Xapian's default.
  int flush_threshold = 2000;
  // Thread linking parameters (see thread_linker.h).
  ThreadOptions threads;
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
  // Re-links the threads of `cik` from its stored records and rewrites all its documents and
  // thread metadata. Returns the threads (for the catalog).
  Result<std::vector<ReviewThread>> RebuildCompany(Cik cik);
  // Makes everything written so far visible to readers, durably.
  Status Commit();

  Result<long> DocumentCount() const;
  Xapian::WritableDatabase& database() { return *db_; }

 private:
  IndexWriter(std::unique_ptr<Xapian::WritableDatabase> db, IndexWriterOptions options);
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
};

// JSON form of a thread, as stored in the metadata and printed by `corresp thread --json`:
// {"thread","cik","company","status","start","end","days","letters":[{"accession","form",
// "kind","date","comments"}],"comments":[LifecycleEntry of each staff comment]}.
std::string ThreadToJson(const ReviewThread& thread);

}  // namespace corresp
