// A small pool of forked extraction workers (extract_worker.h). The writer never runs the
// extractor itself: it hands each letter's bytes to an idle worker and collects the Letter, so
// a letter that crashes the extractor, spins past its CPU limit, blocks past its wall-clock
// limit or exhausts its memory costs only that letter, reported with its reason.
//
// Workers are forked (no exec) when the pool starts and again whenever one dies, by a fork
// server (fork_server.h) the pool forks first: a replacement forked while the writer's threads
// run starts from the process as it was at Start(), holding none of their locks. Start the pool
// before starting threads. In the worker only its socket survives (every other descriptor is
// closed: the writer's Xapian, SQLite and lock files stay untouched), and it leaves by
// _exit(). Use from one thread.
//
// | what happens to a job                       | Next() returns for it                        |
// |---------------------------------------------|----------------------------------------------|
// | extracted                                   | the Letter                                   |
// | worker killed by SIGSEGV/SIGABRT/...        | kInternal "extraction crashed: killed by SIGSEGV
// (...)", permanent | | CPU limit (SIGXCPU)                         | kResourceExhausted "... CPU
// time limit ...", permanent | | wall-clock limit (the pool kills it)        | kResourceExhausted
// "... time limit ...", permanent | | memory limit (allocation failed)            |
// kResourceExhausted "... memory limit ...", permanent | | killed from outside (SIGKILL, SIGTERM)
// | kUnavailable, not permanent (retried next run) | | unreadable reply | kInternal, permanent | A
// dead worker is replaced before Next() returns.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "config/options.h"
#include "core/letter.h"
#include "core/status.h"
#include "indexer/index/extract_worker.h"
#include "indexer/index/fork_server.h"

namespace corresp {

struct ExtractOutcome {
  std::size_t tag = 0;  // as given to Submit
  Result<Letter> letter = Internal("not run");
  bool permanent = false;  // for a failure: the same bytes would fail again
};

class ExtractPool {
 public:
  // What a worker process runs with its socket; must not return (tests inject fakes).
  using WorkerMain = std::function<void(int fd)>;

  // Forks the fork server, then limits.workers workers running RunExtractWorker(fd, limits),
  // or `main` when given. kIoError when socketpair() or fork() fails.
  static Result<std::unique_ptr<ExtractPool>> Start(const ExtractOptions& limits,
                                                    WorkerMain main = {});
  // Closes the sockets (idle workers exit), then kills and reaps every worker.
  ~ExtractPool();
  ExtractPool(const ExtractPool&) = delete;
  ExtractPool& operator=(const ExtractPool&) = delete;

  std::size_t idle() const;
  std::size_t busy() const;

  // Sends `job` to an idle worker. Precondition: idle() > 0. A worker found dead while sending
  // is not an error here: the job's outcome comes from Next(). kIoError when no replacement can
  // be forked.
  Status Submit(std::size_t tag, const ExtractJob& job);
  // Waits for the next job to finish, in completion order. Precondition: busy() > 0.
  // Errors only when the pool itself fails (poll, fork): kIoError.
  Result<ExtractOutcome> Next();

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;
    bool busy = false;
    std::size_t tag = 0;
    std::chrono::steady_clock::time_point deadline;
    FrameReader reader;
  };
  explicit ExtractPool(const ExtractOptions& limits) : limits_(limits) {}
  Status Spawn(Worker& worker);
  // Kills (when asked) and reaps `worker`, forks its replacement, returns its job's outcome.
  Result<ExtractOutcome> Bury(Worker& worker, bool kill_first, bool timed_out);
  // Reads what `worker` sent; an outcome when its job finished (or its process died).
  Result<std::optional<ExtractOutcome>> Drain(Worker& worker);

  ExtractOptions limits_;
  std::unique_ptr<ForkServer> server_;
  std::vector<Worker> workers_;
};

}  // namespace corresp
