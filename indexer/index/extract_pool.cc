#include "indexer/index/extract_pool.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace corresp {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadChunk = 64 << 10;

Status Errno(const char* what) { return IoError(std::string(what) + ": " + std::strerror(errno)); }

}  // namespace

Result<std::unique_ptr<ExtractPool>> ExtractPool::Start(const ExtractOptions& limits,
                                                        WorkerMain main) {
  std::unique_ptr<ExtractPool> pool(new ExtractPool(limits));
  if (!main) main = [limits](int fd) { RunExtractWorker(fd, limits); };
  CORRESP_ASSIGN_OR_RETURN(pool->server_, ForkServer::Start(std::move(main)));
  pool->workers_.resize(static_cast<std::size_t>(std::max(1, limits.workers)));
  for (Worker& w : pool->workers_) CORRESP_RETURN_IF_ERROR(pool->Spawn(w));
  return pool;
}

ExtractPool::~ExtractPool() {
  for (Worker& w : workers_)
    if (w.fd >= 0) ::close(w.fd);
  for (Worker& w : workers_) {
    if (w.pid <= 0) continue;
    if (w.busy) ::kill(w.pid, SIGKILL);  // idle ones leave on end of file
    (void)server_->Reap(w.pid);          // nothing to do about a reaping failure here
  }
}  // then the fork server, which has no child left, exits

Status ExtractPool::Spawn(Worker& w) {
  CORRESP_ASSIGN_OR_RETURN(ForkServer::Child child, server_->Spawn());
  w = Worker{};
  w.pid = child.pid;
  w.fd = child.fd;
  return Status::Ok();
}

std::size_t ExtractPool::idle() const {
  return static_cast<std::size_t>(
      std::count_if(workers_.begin(), workers_.end(), [](const Worker& w) { return !w.busy; }));
}

std::size_t ExtractPool::busy() const { return workers_.size() - idle(); }

Status ExtractPool::Submit(std::size_t tag, const ExtractJob& job) {
  auto it = std::find_if(workers_.begin(), workers_.end(), [](const Worker& w) { return !w.busy; });
  if (it == workers_.end()) return Internal("ExtractPool::Submit without an idle worker");
  it->busy = true;
  it->tag = tag;
  it->deadline = Clock::now() + std::chrono::seconds(limits_.wall_seconds);
  // A failed write means the worker is gone; Next() reads end of file and reports why.
  WriteFrame(it->fd, EncodeJob(job)).IgnoreError();
  return Status::Ok();
}

Result<ExtractOutcome> ExtractPool::Bury(Worker& w, bool kill_first, bool timed_out) {
  if (kill_first) ::kill(w.pid, SIGKILL);
  CORRESP_ASSIGN_OR_RETURN(int status, server_->Reap(w.pid));
  ::close(w.fd);
  w.pid = -1;
  w.fd = -1;
  w.busy = false;
  ExtractOutcome out;
  out.tag = w.tag;
  WorkerDeath death = ExitReason(status, timed_out, limits_);
  out.letter = death.reason;
  out.permanent = death.permanent;
  CORRESP_RETURN_IF_ERROR(Spawn(w));
  return out;
}

Result<std::optional<ExtractOutcome>> ExtractPool::Drain(Worker& w) {
  char chunk[kReadChunk];
  bool ended = false;  // end of file or a reset: the worker is dead or dying
  while (!ended) {
    ssize_t n = ::recv(w.fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    if (n <= 0) ended = true;
    if (n > 0) w.reader.Append(std::string_view(chunk, static_cast<std::size_t>(n)));
  }
  Result<std::optional<std::string>> frame = w.reader.Next();
  if (frame.ok() && frame->has_value()) {  // the job finished, whatever became of the worker
    ExtractOutcome out;
    out.tag = w.tag;
    out.letter = DecodeReply(**frame);
    out.permanent = !out.letter.ok();
    if (ended) CORRESP_RETURN_IF_ERROR(Bury(w, true, false).status());
    w.busy = false;
    return std::optional<ExtractOutcome>(std::move(out));
  }
  if (!frame.ok()) {
    CORRESP_ASSIGN_OR_RETURN(ExtractOutcome bad, Bury(w, true, false));
    bad.letter = Internal("extraction worker sent an oversized reply");
    bad.permanent = true;
    return std::optional<ExtractOutcome>(std::move(bad));
  }
  if (!ended) return std::optional<ExtractOutcome>();
  CORRESP_ASSIGN_OR_RETURN(ExtractOutcome dead, Bury(w, true, false));
  return std::optional<ExtractOutcome>(std::move(dead));
}

Result<ExtractOutcome> ExtractPool::Next() {
  if (busy() == 0) return Internal("ExtractPool::Next without a job in flight");
  while (true) {
    std::vector<pollfd> fds;
    std::vector<Worker*> owners;
    Clock::time_point first = Clock::time_point::max();
    for (Worker& w : workers_) {
      if (!w.busy) continue;
      fds.push_back({w.fd, POLLIN, 0});
      owners.push_back(&w);
      first = std::min(first, w.deadline);
    }
    auto wait = std::chrono::ceil<std::chrono::milliseconds>(first - Clock::now());
    int timeout = static_cast<int>(std::clamp<long>(wait.count(), 0, 60'000));
    int ready = ::poll(fds.data(), fds.size(), timeout);
    if (ready < 0 && errno != EINTR) return Errno("poll");
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].revents == 0) continue;
      CORRESP_ASSIGN_OR_RETURN(std::optional<ExtractOutcome> done, Drain(*owners[i]));
      if (done) return std::move(*done);
    }
    for (Worker* w : owners)
      if (w->busy && Clock::now() >= w->deadline) return Bury(*w, true, true);
  }
}

}  // namespace corresp
