#include "indexer/index/backfill_writers.h"

#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <exception>

#include "core/index_schema.h"

namespace corresp {

namespace fs = std::filesystem;
namespace s = schema;

namespace {

double ThreadCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_THREAD, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Stores the batch's letters, rebuilds its companies (in order of first appearance) and
// commits: what `corresp index` does with one batch.
Result<std::map<Cik, std::vector<ReviewThread>>> WriteBatch(IndexWriter& writer,
                                                            const BackfillBatch& batch) {
  std::vector<Cik> companies;
  for (const LetterRecord& r : batch.letters) {
    CORRESP_RETURN_IF_ERROR(writer.PutLetter(r));
    if (std::find(companies.begin(), companies.end(), r.cik) == companies.end())
      companies.push_back(r.cik);
  }
  CORRESP_ASSIGN_OR_RETURN(auto threads, writer.RebuildCompanies(companies));
  if (!batch.through.empty())  // committed with the batch: a resumed run goes on after it
    writer.database().set_metadata(std::string(s::kMetaBackfillThrough), batch.through);
  CORRESP_RETURN_IF_ERROR(writer.Commit());
  return threads;
}

std::string MetadataOf(const fs::path& db, std::string_view key) {
  try {
    return Xapian::Database(db.string()).get_metadata(std::string(key));
  } catch (const Xapian::Error&) {
    return "";
  }
}

// Whether INDEX.part-0 .. INDEX.part-(writers-1), and no other partial, hold `plan`.
bool PartialsHoldPlan(const fs::path& index, int writers, const std::string& plan) {
  std::error_code ec;
  if (fs::exists(PartialIndexPath(index, writers), ec)) return false;
  for (int k = 0; k < writers; ++k)
    if (MetadataOf(PartialIndexPath(index, k), s::kMetaBackfillPlan) != plan) return false;
  return true;
}

}  // namespace

std::vector<std::size_t> SplitCompanies(const std::vector<Cik>& ciks, int parts) {
  std::vector<std::size_t> bounds{0};
  std::size_t n = ciks.size();
  for (int k = 1; k < parts; ++k) {
    std::size_t target = n * static_cast<std::size_t>(k) / static_cast<std::size_t>(parts);
    // The company change nearest the target, after the previous bound.
    std::size_t after = target, before = target;
    while (after < n && after > 0 && ciks[after] == ciks[after - 1]) ++after;
    while (before > bounds.back() && before < n && ciks[before] == ciks[before - 1]) --before;
    std::size_t cut =
        (before > bounds.back() && target - before <= after - target) ? before : after;
    if (cut <= bounds.back() || cut >= n) continue;
    bounds.push_back(cut);
  }
  bounds.push_back(n);
  return bounds;
}

BackfillSchedule::BackfillSchedule(std::vector<std::size_t> bounds, std::size_t max_in_flight)
    : bounds_(std::move(bounds)), max_in_flight_(std::max<std::size_t>(1, max_in_flight)) {
  if (bounds_.empty()) bounds_.push_back(0);
  next_.assign(bounds_.begin(), bounds_.end() - 1);
  in_flight_.assign(next_.size(), 0);
}

BackfillSchedule::Step BackfillSchedule::Next(std::size_t& part) const {
  std::size_t best = next_.size();
  for (std::size_t k = 0; k < next_.size(); ++k)
    if (next_[k] < bounds_[k + 1] && (best == next_.size() || in_flight_[k] < in_flight_[best]))
      best = k;
  if (best == next_.size()) return Step::kDone;
  if (in_flight_[best] >= max_in_flight_) return Step::kWait;
  part = best;
  return Step::kSubmit;
}

void BackfillSchedule::Submitted(std::size_t part, std::size_t end, std::uint64_t tag) {
  next_[part] = std::min(end, bounds_[part + 1]);
  ++in_flight_[part];
  part_of_[tag] = part;
}

void BackfillSchedule::Resume(std::size_t part, std::size_t begin) {
  if (part < next_.size()) next_[part] = std::clamp(begin, next_[part], bounds_[part + 1]);
}

void BackfillSchedule::Finished(std::uint64_t tag) {
  auto it = part_of_.find(tag);
  if (it == part_of_.end()) return;
  --in_flight_[it->second];
  part_of_.erase(it);
}

fs::path PartialIndexPath(const fs::path& index, int k) {
  fs::path p = index;
  p += ".part-" + std::to_string(k);
  return p;
}

struct BackfillWriters::Worker {
  int k = 0;
  std::string through;  // of the last batch committed before Start (a resumed partial)
  std::unique_ptr<IndexWriter> writer;
  std::deque<BackfillBatch> queue;  // guarded by mu_
  std::thread thread;
  double cpu_seconds = 0;  // set by the thread as it ends
};

BackfillWriters::BackfillWriters(fs::path index, BackfillWritersOptions options)
    : index_(std::move(index)), options_(std::move(options)) {}

BackfillWriters::~BackfillWriters() {
  Stop();
  for (auto& w : workers_) w->writer.reset();
  if (options_.plan.empty()) RemoveLeftovers(index_);  // a planned backfill resumes from them
}

std::string BackfillWriters::StoredPlan(const fs::path& index) {
  std::error_code ec;
  if (!fs::exists(PartialIndexPath(index, 0), ec)) return "";
  return MetadataOf(PartialIndexPath(index, 0), s::kMetaBackfillPlan);
}

std::vector<fs::path> BackfillWriters::Leftovers(const fs::path& index) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::path dir = index.parent_path().empty() ? fs::path(".") : index.parent_path();
  std::string part = index.filename().string() + ".part-";
  std::string merging = index.filename().string() + ".merging";
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(part, 0) == 0 || name == merging) out.push_back(e.path());
  }
  return out;
}

void BackfillWriters::RemoveLeftovers(const fs::path& index) {
  std::error_code ec;
  for (const fs::path& leftover : Leftovers(index)) fs::remove_all(leftover, ec);
}

Result<std::unique_ptr<BackfillWriters>> BackfillWriters::Start(
    const fs::path& index, const BackfillWritersOptions& options) {
  std::unique_ptr<BackfillWriters> self(new BackfillWriters(index, options));
  self->options_.writer.builder_threads = options.builder_threads;
  int writers = std::max(1, options.writers);
  self->resumed_ = !options.plan.empty() && PartialsHoldPlan(index, writers, options.plan);
  if (!self->resumed_) RemoveLeftovers(index);  // a crashed run's scratch, or another plan's
  for (int k = 0; k < writers; ++k) {
    auto worker = std::make_unique<Worker>();
    worker->k = k;
    // Opened here, one after the other: IndexWriter::Open sets the process environment.
    CORRESP_ASSIGN_OR_RETURN(worker->writer,
                             IndexWriter::Open(PartialIndexPath(index, k), self->options_.writer));
    Xapian::WritableDatabase& db = worker->writer->database();
    try {
      if (self->resumed_) {
        worker->through = db.get_metadata(std::string(s::kMetaBackfillThrough));
      } else if (!options.plan.empty()) {
        db.set_metadata(std::string(s::kMetaBackfillPlan), options.plan);
        CORRESP_RETURN_IF_ERROR(worker->writer->Commit());
      }
    } catch (const Xapian::Error& e) {
      return IoError(PartialIndexPath(index, k).string() + ": " + e.get_type() + ": " +
                     e.get_msg());
    }
    self->workers_.push_back(std::move(worker));
  }
  for (auto& w : self->workers_) {
    Worker* worker = w.get();
    worker->thread = std::thread([s = self.get(), worker] { s->Run(*worker); });
  }
  return self;
}

void BackfillWriters::Run(Worker& worker) {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return stop_ || !worker.queue.empty(); });
    if (stop_) break;
    BackfillBatch batch = std::move(worker.queue.front());
    worker.queue.pop_front();
    cv_.notify_all();  // Submit may be waiting for room
    lock.unlock();
    BackfillBatchDone done;
    done.tag = batch.tag;
    try {
      done.threads = WriteBatch(*worker.writer, batch);
    } catch (const std::exception& e) {
      done.threads =
          Internal("writing partial index " + std::to_string(worker.k) + ": " + e.what());
    }
    batch.letters.clear();
    lock.lock();
    done_.push_back(std::move(done));
    cv_.notify_all();
  }
  worker.cpu_seconds = ThreadCpuSeconds();
}

void BackfillWriters::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (auto& w : workers_)
    if (w->thread.joinable()) w->thread.join();
}

const std::string& BackfillWriters::Through(int writer) const {
  static const std::string kNone;
  if (writer < 0 || writer >= writers()) return kNone;
  return workers_[static_cast<std::size_t>(writer)]->through;
}

Result<bool> BackfillWriters::Holds(int writer, Cik cik, const Accession& acc) const {
  if (writer < 0 || writer >= writers())
    return InvalidArgument("no backfill writer " + std::to_string(writer));
  return workers_[static_cast<std::size_t>(writer)]->writer->HasLetter(cik, acc);
}

Status BackfillWriters::Submit(BackfillBatch batch) {
  if (batch.writer < 0 || batch.writer >= writers())
    return InvalidArgument("no backfill writer " + std::to_string(batch.writer));
  Worker& worker = *workers_[static_cast<std::size_t>(batch.writer)];
  std::unique_lock<std::mutex> lock(mu_);
  std::size_t limit = std::max<std::size_t>(1, options_.max_queued_batches);
  cv_.wait(lock, [&] { return stop_ || worker.queue.size() < limit; });
  if (stop_) return Internal("backfill writers stopped");
  worker.queue.push_back(std::move(batch));
  ++in_flight_;
  cv_.notify_all();
  return Status::Ok();
}

std::optional<BackfillBatchDone> BackfillWriters::Next(bool wait) {
  std::unique_lock<std::mutex> lock(mu_);
  if (done_.empty() && (!wait || in_flight_ == 0)) return std::nullopt;
  cv_.wait(lock, [&] { return !done_.empty(); });
  BackfillBatchDone done = std::move(done_.front());
  done_.pop_front();
  --in_flight_;
  return done;
}

Result<MergeReport> BackfillWriters::Finish() {
  if (in_flight_ > 0) return Internal("BackfillWriters::Finish with batches in flight");
  Stop();
  std::vector<fs::path> partials;
  for (auto& w : workers_) {
    // Not resumable from here on: a crash during the merge starts the next backfill afresh
    // (ShiftLetterDocs renumbers the partials in place).
    try {
      w->writer->database().set_metadata(std::string(s::kMetaBackfillPlan), "");
      w->writer->database().set_metadata(std::string(s::kMetaBackfillThrough), "");
    } catch (const Xapian::Error& e) {
      return IoError(PartialIndexPath(index_, w->k).string() + ": " + e.get_msg());
    }
    CORRESP_RETURN_IF_ERROR(w->writer->Commit());
    const IndexWriterStats& s = w->writer->stats();
    stats_.writer.letters_built += s.letters_built;
    stats_.writer.letters_unchanged += s.letters_unchanged;
    stats_.writer.documents_written += s.documents_written;
    stats_.cpu_seconds.push_back(w->cpu_seconds);
    w->writer.reset();  // closes the partial (its last batch is committed)
    partials.push_back(PartialIndexPath(index_, w->k));
  }
  CORRESP_ASSIGN_OR_RETURN(stats_.merge, MergePartialIndexes(partials, index_, options_.target));
  RemoveLeftovers(index_);
  return stats_.merge;
}

}  // namespace corresp
