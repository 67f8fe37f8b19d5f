#include "web/work_lane.h"

#include <algorithm>

namespace corresp::web {

WorkLane::WorkLane(const WorkLaneOptions& options) : options_(options) {
  int threads = std::max(1, options_.threads);
  // A thread still starting is idle: it takes the first job as soon as it runs, so a job
  // submitted before it reaches its wait is not behind anything.
  idle_ = threads;
  for (int i = 0; i < threads; ++i)
    threads_.emplace_back([this, i] { Work(options_.first_worker + i); });
}

WorkLane::~WorkLane() {
  std::deque<Queued> dropped;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    dropped.swap(queue_);
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

bool WorkLane::TrySubmit(Job job) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= static_cast<std::size_t>(std::max(0, options_.queue)))
      return false;
    // A job an idle thread takes at once never counts as waiting, whatever the scheduler.
    bool behind = static_cast<std::size_t>(idle_) <= queue_.size();
    queue_.push_back(Queued{std::move(job), std::chrono::steady_clock::now(), behind});
  }
  ready_.notify_one();
  return true;
}

void WorkLane::Work(int worker) {
  const auto max_wait = std::chrono::milliseconds(options_.max_wait_ms);
  for (;;) {
    Queued next;
    {
      std::unique_lock lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      next = std::move(queue_.front());
      queue_.pop_front();
      --idle_;
    }
    next.job(worker, next.behind && std::chrono::steady_clock::now() - next.since > max_wait);
    std::lock_guard lock(mu_);
    ++idle_;
  }
}

}  // namespace corresp::web
