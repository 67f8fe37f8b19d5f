// A lane for expensive requests (searches): a fixed number of worker threads and a short
// queue in front of them. Searches running in the lane cannot occupy the I/O threads, so cheap
// requests (stats, assets, letters, threads) answer at their own speed however many searches
// are running; searches beyond the lane's threads wait in the queue, and beyond the queue (or
// after waiting too long) their job is told to refuse instead of queueing without bound.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace corresp::web {

struct WorkLaneOptions {
  // Jobs run at once. Two on a 2-core machine: more searches at once only share the cores.
  int threads = 2;
  // Jobs waiting for a thread; one more is refused at once. A few seconds of searches.
  int queue = 8;
  // A job that found every thread busy and waited longer than this is run with expired = true
  // (its client is told to retry) rather than doing work whose client has likely given up.
  // Two seconds: a search under load is answered (started) or refused with 503 within 2 s, the
  // bound issue 12 asks of a pathological query; the match then counts for at most
  // --search-time-limit. The cost: 4 clients sending the heaviest searches measured (1-2 s
  // each) see about one in five refused (docs/operations.md, "The web app under load"); raise
  // it (--search-queue-wait) where waiting suits the users better than a retry.
  int max_wait_ms = 2'000;
  // Worker numbers handed to jobs: first_worker .. first_worker + threads - 1 (so per-worker
  // state, one IndexReader each, can sit beside the I/O threads' own).
  int first_worker = 0;
};

class WorkLane {
 public:
  // worker: the lane thread's number; expired: the job found every thread busy, waited longer
  // than max_wait_ms and must only answer "busy". A job must not throw (an exception ends the
  // process).
  using Job = std::function<void(int worker, bool expired)>;

  // Starts options.threads threads (at least one).
  explicit WorkLane(const WorkLaneOptions& options);
  // Jobs still queued are destroyed without running; running ones finish first.
  ~WorkLane();
  WorkLane(const WorkLane&) = delete;
  WorkLane& operator=(const WorkLane&) = delete;

  // Queues `job`, or returns false (and drops it) when `queue` jobs already wait. Thread-safe.
  bool TrySubmit(Job job);

 private:
  struct Queued {
    Job job;
    std::chrono::steady_clock::time_point since;
    bool behind = false;  // submitted while no thread was idle
  };
  void Work(int worker);

  WorkLaneOptions options_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Queued> queue_;  // guarded by mu_
  bool stopping_ = false;     // guarded by mu_
  int idle_ = 0;              // threads not running a job (starting or waiting); guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace corresp::web
