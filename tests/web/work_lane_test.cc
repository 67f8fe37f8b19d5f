// The heavy lane's waiting rule (web/work_lane.h): a job counts as waiting only when it found
// every thread busy, whatever the scheduler does, including right after the lane starts.
#include "web/work_lane.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <optional>

namespace corresp::web {
namespace {

// The `expired` flag a job was run with, once it ran.
class Ran {
 public:
  WorkLane::Job Job() {
    return [this](int, bool expired) {
      std::lock_guard lock(mu_);
      expired_ = expired;
      done_.notify_all();
    };
  }
  bool Expired() {
    std::unique_lock lock(mu_);
    done_.wait(lock, [this] { return expired_.has_value(); });
    return *expired_;
  }

 private:
  std::mutex mu_;
  std::condition_variable done_;
  std::optional<bool> expired_;
};

WorkLaneOptions NoWaitAllowed() {
  WorkLaneOptions options;
  options.threads = 1;
  options.queue = 1;
  options.max_wait_ms = 0;  // any wait behind a busy thread expires the job
  return options;
}

// A thread still starting is idle: the first job of a new lane was not behind anything, even
// when it is submitted before the thread reaches its wait (which a loaded machine makes
// likely; the serve test "ASearchThatWaitedPastTheLimitIsRefusedNotRun" hung on it).
TEST(WorkLane, AJobSubmittedAsTheLaneStartsIsNotExpired) {
  for (int round = 0; round < 200; ++round) {
    Ran ran;
    {
      WorkLane lane(NoWaitAllowed());
      ASSERT_TRUE(lane.TrySubmit(ran.Job()));
      EXPECT_FALSE(ran.Expired()) << "round " << round;
    }
  }
}

// A job queued behind a busy thread, past max_wait_ms, runs expired; the queue holds one.
TEST(WorkLane, AJobBehindABusyThreadExpiresAndTheQueueIsBounded) {
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false, open = false;
  Ran behind;
  {
    WorkLane lane(NoWaitAllowed());
    ASSERT_TRUE(lane.TrySubmit([&](int, bool) {
      std::unique_lock lock(mu);
      entered = true;
      cv.notify_all();
      cv.wait(lock, [&] { return open; });
    }));
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return entered; });
    }
    ASSERT_TRUE(lane.TrySubmit(behind.Job()));
    EXPECT_FALSE(lane.TrySubmit([](int, bool) {}));  // the queue's one place is taken
    {
      std::lock_guard lock(mu);
      open = true;
    }
    cv.notify_all();
    EXPECT_TRUE(behind.Expired());
  }
}

}  // namespace
}  // namespace corresp::web
