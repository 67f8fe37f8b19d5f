// A helper process that forks the caller's children on request. A child forked from a
// multi-threaded process inherits every lock another thread held at that instant (a mutex
// inside an RE2 or the allocator) with no thread left to release it, and may block on it
// forever. The fork server is forked once, at Start(), while the caller is still single-
// threaded (before it starts writer threads), and stays single-threaded: each child it forks
// starts from the caller's memory as it was at Start(), with no lock held.
//
// Each child runs `child_main(fd)` with its end of a fresh socket at descriptor 3 (every other
// descriptor above 2 is closed: the caller's Xapian, SQLite and lock files stay untouched) and
// leaves by _exit(). The caller gets the child's pid and the other end of the socket, may
// signal the child by its pid, and learns how it ended through Reap() (the server is its
// parent). When the caller goes away (ForkServer destroyed, or the process dies), the server
// reaps the children left and exits. Use from one thread.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>

#include "core/status.h"

namespace corresp {

class ForkServer {
 public:
  using ChildMain = std::function<void(int fd)>;
  struct Child {
    pid_t pid = -1;
    int fd = -1;  // the caller's end of the child's socket (close-on-exec), the caller's to close
  };

  // Forks the server. kIoError when socketpair() or fork() fails.
  static Result<std::unique_ptr<ForkServer>> Start(ChildMain child_main);
  // Closes the channel: the server reaps the children left (they end when their sockets
  // close) and exits; then reaps the server.
  ~ForkServer();
  ForkServer(const ForkServer&) = delete;
  ForkServer& operator=(const ForkServer&) = delete;

  // Forks a child. kIoError when the server cannot fork (its errno) or is gone.
  Result<Child> Spawn();
  // Waits until child `pid` has ended: its wait status (as waitpid() gives it). kIoError when
  // it is not the server's child or the server is gone.
  Result<int> Reap(pid_t pid);

 private:
  ForkServer(pid_t pid, int channel) : pid_(pid), channel_(channel) {}
  Status Ask(char op, pid_t pid);
  pid_t pid_;
  int channel_;
};

}  // namespace corresp
