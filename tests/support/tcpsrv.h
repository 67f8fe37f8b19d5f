// A real xapian-tcpsrv serving one database on loopback, for tests of remote and sharded
// reading. It runs in its own process group (it forks a child per connection, and Stop() must
// end those too) and is killed with SIGKILL (it does not exit on SIGTERM while serving).
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "tests/support/free_port.h"

extern char** environ;

namespace corresp::testing {

class TcpServer {
 public:
  TcpServer() = default;
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;
  ~TcpServer() { Stop(); }

  // Serves `database` on a free loopback port (the same port on a restart); false when
  // xapian-tcpsrv cannot be spawned. The server may take a moment to accept connections.
  bool Start(const std::string& database) {
    if (port_ == 0) port_ = FreePort();
    std::string port = std::to_string(port_);
    const char* argv[] = {"xapian-tcpsrv", "--interface",    "127.0.0.1", "--port",
                          port.c_str(),    database.c_str(), nullptr};
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    int rc =
        posix_spawnp(&pid_, "xapian-tcpsrv", nullptr, &attr, const_cast<char**>(argv), environ);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) pid_ = -1;
    return rc == 0;
  }
  void Stop() {
    if (pid_ > 0) {
      kill(-pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace corresp::testing
