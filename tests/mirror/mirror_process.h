// Test helper: runs the real edgar-mirror binary as a child process over a root folder, for
// any test suite that needs EDGAR over loopback HTTP (crawler, refresh, end-to-end).
//
//   auto mirror = corresp::test::MirrorProcess::Start({"--latency-ms", "50"});
//   ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
//   fetch((*mirror)->base_url() + "/Archives/edgar/full-index/2019/QTR4/master.idx");
//   auto rows = (*mirror)->ReadLog();  // what the server saw, one row per request
//
// The child gets its own --request-log in a fresh temp folder (removed with the object), so
// do not pass --request-log yourself. Flags: docs/edgar-mirror.md.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace corresp::test {

// One parsed line of the request log (tools/edgar-mirror/request_log.h).
struct MirrorLogRow {
  std::string time;          // "2026-11-27T00:56:55.537Z"
  std::int64_t time_ms = 0;  // the same as milliseconds since the Unix epoch
  std::string client;        // "127.0.0.1"
  std::string method;        // "GET"
  std::string path;          // request target as sent
  int status = 0;
  std::uint64_t bytes = 0;  // body bytes written
  std::string user_agent;   // "-" when absent
  std::string note;         // "-", "error", "reset", "truncate", "rate-limited", ...
};

class MirrorProcess {
 public:
  struct Options {
    // Folder in EDGAR's layout to serve; default: the project's test slice.
    std::string root = DefaultRoot();
    // Extra edgar-mirror flags, e.g. {"--error-rate", "1", "--seed", "7"}.
    std::vector<std::string> args;
    // The binary; default: edgar-mirror in the build folder.
    std::string binary = DefaultBinary();
    // How long to wait for the "listening on" line before giving up.
    std::chrono::milliseconds startup_timeout{10'000};
  };

  // Starts the child and waits for its port line. kNotFound when the binary is missing,
  // kUnavailable when the child exits or stays silent (its stderr shows why), kIoError
  // when fork/pipe/temp folder fail.
  static Result<std::unique_ptr<MirrorProcess>> Start(Options options);
  // Start over the default root with these extra flags.
  static Result<std::unique_ptr<MirrorProcess>> Start(std::vector<std::string> args = {});
  // Lets Start({"--require-user-agent"}) pick the flags overload (not Options{root}).
  static Result<std::unique_ptr<MirrorProcess>> Start(std::initializer_list<std::string> args) {
    return Start(std::vector<std::string>(args));
  }

  // Sends SIGTERM, waits up to 5 s (then SIGKILL), removes the temp folder.
  ~MirrorProcess();
  MirrorProcess(const MirrorProcess&) = delete;
  MirrorProcess& operator=(const MirrorProcess&) = delete;

  int port() const { return port_; }
  // "http://127.0.0.1:PORT"
  std::string base_url() const;
  // base_url() + path ("/Archives/edgar/...").
  std::string url(std::string_view path) const { return base_url() + std::string(path); }
  const std::string& root() const { return root_; }
  const std::string& log_path() const { return log_path_; }
  pid_t pid() const { return pid_; }

  // Every line logged so far. kIoError when unreadable, kParse for a malformed line.
  Result<std::vector<MirrorLogRow>> ReadLog() const;

  // Sends SIGTERM and waits up to `timeout` for the child: its exit code (128 + signal
  // when killed by a signal). kUnavailable when it does not exit in time (it is then killed).
  Result<int> Stop(std::chrono::milliseconds timeout = std::chrono::seconds(5));

  // Waits (without signalling) up to `timeout` for the child to exit: its exit code.
  // kUnavailable when it is still running.
  Result<int> WaitForExit(std::chrono::milliseconds timeout);

  static std::string DefaultRoot();
  static std::string DefaultBinary();

 private:
  MirrorProcess() = default;

  pid_t pid_ = -1;
  int stdout_fd_ = -1;  // read end of the child's stdout, kept open so it never gets SIGPIPE
  int port_ = 0;
  std::string root_;
  std::string temp_dir_;
  std::string log_path_;
};

// Parses one request-log line (without the newline).
Result<MirrorLogRow> ParseMirrorLogLine(std::string_view line);

}  // namespace corresp::test
