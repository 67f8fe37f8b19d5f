// Builds letters' documents (BuildLetterDocuments: term generation, topics, standards, JSON
// data, the CPU part of indexing) on worker threads while one thread, the index writer's, adds
// them to Xapian. The writer submits letters in its order and takes their documents back in
// the same order, so the index is the same whatever the number of threads.
//
// Xapian objects are not thread-safe and Xapian::Document's reference count is not atomic: a
// document belongs to the worker that builds it until Take() moves it to the writer; the pool
// keeps no copy. Each worker has its own TermGenerator (ConfigureTermGenerator).
//
// Not thread-safe itself: Submit, Take and TakeSpelling are called by one thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "indexer/index/document_builder.h"

namespace corresp {

// One letter to build. The pointed-to objects must stay alive and unchanged until its
// documents are taken (or the pool is destroyed).
struct LetterBuildJob {
  const LetterRecord* record = nullptr;
  const ThreadLinks* links = nullptr;
  const ItemTexts* texts = nullptr;
};

// Spelling words (unprefixed terms) and their summed within-document frequencies.
using SpellingCounts = std::unordered_map<std::string, unsigned>;

struct DocumentBuildPoolOptions {
  // Worker threads. 0 builds each letter on the calling thread inside Take() (no threads).
  int threads = 1;
  // Count the spelling words of every built document (IndexWriterOptions::spelling).
  bool spelling = true;
};

class DocumentBuildPool {
 public:
  explicit DocumentBuildPool(const DocumentBuildPoolOptions& options);
  // Stops the workers after the letter each is building and joins them; documents not taken
  // are dropped.
  ~DocumentBuildPool();
  DocumentBuildPool(const DocumentBuildPool&) = delete;
  DocumentBuildPool& operator=(const DocumentBuildPool&) = delete;

  // Queues a letter; never blocks. The caller bounds memory by taking results once Pending()
  // reaches its limit.
  void Submit(const LetterBuildJob& job);
  // Letters submitted and not yet taken.
  std::size_t Pending() const { return slots_.size(); }
  // The documents of the oldest letter not yet taken, waiting until they are built.
  // Precondition: Pending() > 0. kInternal when building threw (the message says what).
  Result<std::vector<BuiltDocument>> Take();
  // The spelling counts of every letter built so far, moved out (empty unless
  // options.spelling). Precondition: Pending() == 0, so no worker is counting.
  SpellingCounts TakeSpelling();

 private:
  struct Slot {
    LetterBuildJob job;
    std::optional<Result<std::vector<BuiltDocument>>> result;  // set once built
  };
  // What one thread needs to build: its own generator and spelling counts.
  struct Builder {
    Builder();
    Result<std::vector<BuiltDocument>> Build(const LetterBuildJob& job, bool spelling);
    Xapian::TermGenerator tg;
    SpellingCounts spelling;
  };
  void Work(Builder& builder);

  DocumentBuildPoolOptions options_;
  std::deque<std::unique_ptr<Slot>> slots_;  // submitted, not taken, in submission order
  std::unique_ptr<Builder> inline_builder_;  // options.threads == 0
  std::vector<std::unique_ptr<Builder>> builders_;
  std::vector<std::thread> threads_;
  std::mutex mu_;                    // guards todo_, stop_ and every Slot::result
  std::condition_variable work_cv_;  // todo_ gained a job, or stop_
  std::condition_variable done_cv_;  // a slot's result was set
  std::deque<Slot*> todo_;           // slots no worker has started
  bool stop_ = false;
};

}  // namespace corresp
