// Several IndexWriters filling an empty index (or a new one to replace it: a rebuild) at once, each
// on its own thread and its own partial database (INDEX.part-K, scratch), merged into INDEX at the
// end (partial_merge.h): the writing (Xapian's inverter, B-trees, commits) is ~70% of indexing's
// CPU, so one writer cannot use a second core (docs/scaling.md "Two writers for a backfill").
//
// The caller splits the companies into contiguous parts (SplitCompanies) and gives writer K
// only the letters of part K, whole companies, in company order; then the merged index holds
// the documents in the order one writer would have written them. Each writer stores each batch's
// letters, re-links and rebuilds its companies and commits its partial (IndexWriter), so its
// flush threshold bounds its memory as a single writer's does.
//
// Nothing reaches INDEX before Finish() merges. A backfill with a plan (options.plan, the
// caller's text naming what it writes: BackfillPlan) is resumable: each partial keeps the plan
// and, committed with each batch, the batch's `through` (the caller's resume point). A crash, an
// interrupted run or a destroyed BackfillWriters leaves the partials; the next Start() with the
// same plan keeps them and tells, per writer, where its last commit ended (Through), and the
// letters they hold (Holds). Start() with another plan, or without one, removes them first.
// Finish() takes the plan out of the partials before merging, so a crash during the merge
// starts the next backfill afresh (a merge is minutes; a backfill's writing, at 3M items, more
// than twenty). Without a plan, the destructor removes the partials.
//
// Submit, Next, Finish, Through, Holds and the destructor are called by one thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ids.h"
#include "core/status.h"
#include "core/thread.h"
#include "indexer/index/index_writer.h"
#include "indexer/index/letter_record.h"
#include "indexer/index/partial_merge.h"

namespace corresp {

struct BackfillWritersOptions {
  // Writer threads (and partial databases). Two use both cores of the 2-core target machine;
  // each writer also runs IndexWriterOptions::builder_threads builders.
  int writers = 2;
  // Options of every writer (flush threshold, spelling, thread linking); its builder_threads
  // is replaced by the field below.
  IndexWriterOptions writer;
  // Builder threads of each writer. 0: each writer builds its own documents. Two writers
  // already keep both cores busy, and a builder each only oversubscribes them (100k items, four
  // alternating pairs: 1,481-2,179 items/s and 118-180 s of CPU with none, 1,585-1,835 items/s
  // and 144-168 s with one).
  int builder_threads = 0;
  // Batches waiting for one writer at most: Submit blocks beyond, bounding the letters held.
  std::size_t max_queued_batches = 2;
  // What this backfill writes (BackfillPlan::ToText()); "" for a backfill that is not resumed.
  std::string plan;
  // What Finish() may merge into: an empty INDEX (a first backfill), or any INDEX, replaced (a
  // rebuild: searches read the old index until the merge swaps the new one in).
  MergeTarget target = MergeTarget::kEmptyIndex;
};

// One batch for one writer: letters of whole companies, in company order.
struct BackfillBatch {
  int writer = 0;
  std::uint64_t tag = 0;  // the caller's, returned with the result
  std::vector<LetterRecord> letters;
  // Where a resumed backfill goes on after this batch (the caller's, e.g. the accession of
  // the batch's last filing), committed with it; "" keeps the previous one.
  std::string through;
};

// A batch written and committed to its partial (or the error that stopped it).
struct BackfillBatchDone {
  std::uint64_t tag = 0;
  Result<std::map<Cik, std::vector<ReviewThread>>> threads =
      std::map<Cik, std::vector<ReviewThread>>{};
};

// Where the writers' time went (for benchmarks).
struct BackfillWritersStats {
  IndexWriterStats writer;          // summed over the writers
  std::vector<double> cpu_seconds;  // of each writer thread, once finished
  MergeReport merge;
};

// Boundaries of `parts` contiguous ranges of `ciks` (each entry one letter or filing, grouped by
// company), split at company changes as near equal counts as possible: part K is
// [bounds[K], bounds[K+1]). Fewer parts when there are fewer companies; bounds.front() == 0,
// bounds.back() == ciks.size().
std::vector<std::size_t> SplitCompanies(const std::vector<Cik>& ciks, int parts);

// Which part's batch goes to its writer next: the part with entries left and the fewest batches
// in flight (so neither writer idles while the other's queue is full), none beyond
// `max_in_flight` per part. Parts as SplitCompanies returns them.
class BackfillSchedule {
 public:
  BackfillSchedule(std::vector<std::size_t> bounds, std::size_t max_in_flight);
  enum class Step { kSubmit, kWait, kDone };
  // kSubmit: submit the next batch of `part` (entries from Begin(part) to at most End(part));
  // kWait: every part with entries left is full, take a finished batch first; kDone: every
  // entry has been submitted (batches may still be in flight).
  Step Next(std::size_t& part) const;
  std::size_t Begin(std::size_t part) const { return next_[part]; }
  std::size_t End(std::size_t part) const { return bounds_[part + 1]; }
  // Records the batch [Begin(part), end) submitted under `tag`.
  void Submitted(std::size_t part, std::size_t end, std::uint64_t tag);
  // Records the batch `tag` finished.
  void Finished(std::uint64_t tag);
  // Records the entries of `part` before `begin` as done (an interrupted backfill wrote them);
  // before the part's first batch.
  void Resume(std::size_t part, std::size_t begin);

 private:
  std::vector<std::size_t> bounds_, next_, in_flight_;
  std::size_t max_in_flight_;
  std::map<std::uint64_t, std::size_t> part_of_;
};

class BackfillWriters {
 public:
  // Keeps the partials of an interrupted backfill when `options.plan` is not empty and they
  // are exactly `options.writers`, each holding that plan as partial K; otherwise removes
  // stale partials (INDEX.part-*, INDEX.merging) and creates `options.writers` empty ones.
  // Starts a thread for each. kIoError / kUnavailable as IndexWriter::Open.
  static Result<std::unique_ptr<BackfillWriters>> Start(const std::filesystem::path& index,
                                                        const BackfillWritersOptions& options);
  // The plan INDEX's partial 0 holds ("" when there is none or it cannot be read): what an
  // interrupted backfill was writing, for the caller to split its filings the same way.
  static std::string StoredPlan(const std::filesystem::path& index);
  // The partials (INDEX.part-K) and a merge's copy (INDEX.merging) beside INDEX, as they are on
  // disk (none when the folder cannot be read).
  static std::vector<std::filesystem::path> Leftovers(const std::filesystem::path& index);
  // Removes the partials (and a merge's copy) beside INDEX: a finished or abandoned backfill's
  // scratch, or what an interrupted one left when a run writes INDEX in place (after which
  // they can never be resumed).
  static void RemoveLeftovers(const std::filesystem::path& index);
  // Stops the threads after their current batch; removes the partials unless there is a plan.
  ~BackfillWriters();
  BackfillWriters(const BackfillWriters&) = delete;
  BackfillWriters& operator=(const BackfillWriters&) = delete;

  int writers() const { return static_cast<int>(workers_.size()); }
  // Queues a batch for batch.writer, blocking while that writer has max_queued_batches waiting.
  // kInvalidArgument for a writer out of range.
  Status Submit(BackfillBatch batch);
  // Whether Start() kept the partials of an interrupted backfill.
  bool resumed() const { return resumed_; }
  // The `through` of the last batch writer K committed ("" for a new partial). Before the
  // first Submit.
  const std::string& Through(int writer) const;
  // Whether writer K's partial holds the letter `acc` of `cik`. Before the first Submit.
  Result<bool> Holds(int writer, Cik cik, const Accession& acc) const;
  // Batches submitted and not yet returned by Next.
  std::size_t InFlight() const { return in_flight_; }
  // A finished batch: waits for one when `wait` (nullopt when none is in flight), otherwise
  // nullopt unless one is ready. Batches come in the order they finish.
  std::optional<BackfillBatchDone> Next(bool wait);
  // Precondition: InFlight() == 0. Stops the threads, takes the plan and resume points out of
  // the partials, closes them and merges them into `index` (see MergePartialIndexes for its
  // precondition and errors), then removes them.
  Result<MergeReport> Finish();
  const BackfillWritersStats& stats() const { return stats_; }

 private:
  struct Worker;
  BackfillWriters(std::filesystem::path index, BackfillWritersOptions options);
  void Run(Worker& worker);
  void Stop();

  std::filesystem::path index_;
  BackfillWritersOptions options_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::mutex mu_;
  std::condition_variable cv_;  // a queue shrank or grew, a batch finished, or stop_
  std::deque<BackfillBatchDone> done_;
  std::size_t in_flight_ = 0;
  bool stop_ = false;
  bool resumed_ = false;
  BackfillWritersStats stats_;
};

// INDEX.part-K.
std::filesystem::path PartialIndexPath(const std::filesystem::path& index, int k);

}  // namespace corresp
