#include "tests/mirror/mirror_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

namespace corresp::test {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// "2026-11-27T00:56:55.537Z" -> ms since the epoch; -1 when malformed.
std::int64_t ParseIsoMillis(const std::string& text) {
  std::tm tm{};
  int ms = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &tm.tm_year, &tm.tm_mon,
                  &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) != 7) {
    return -1;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&tm)) * 1000 + ms;
}

// Waits for the child's "listening on ADDR:PORT" line; the port, or 0 on timeout/EOF.
int ReadPortLine(int fd, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string text;
  while (text.find('\n') == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return 0;
    pollfd pfd{fd, POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return 0;
    char buf[256];
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    text.append(buf, static_cast<std::size_t>(n));
  }
  std::size_t colon = text.rfind(':', text.find('\n'));
  if (!text.starts_with("listening on ") || colon == std::string::npos) return 0;
  return std::atoi(text.c_str() + colon + 1);
}

// Waits for `pid` until `timeout`; its exit code, or -1 when still running.
int WaitFor(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (done < 0) return 255;  // not our child any more: nothing to wait for
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

std::string MirrorProcess::DefaultRoot() { return std::string(CORRESP_TEST_DATA) + "/edgar"; }

std::string MirrorProcess::DefaultBinary() {
  return std::string(CORRESP_BINARY_DIR) + "/edgar-mirror";
}

Result<std::unique_ptr<MirrorProcess>> MirrorProcess::Start(std::vector<std::string> args) {
  Options options;
  options.args = std::move(args);
  return Start(std::move(options));
}

Result<std::unique_ptr<MirrorProcess>> MirrorProcess::Start(Options options) {
  if (::access(options.binary.c_str(), X_OK) != 0) {
    return NotFound("edgar-mirror binary not found: " + options.binary);
  }
  std::unique_ptr<MirrorProcess> mirror(new MirrorProcess());
  char dir_template[] = "/tmp/corresp-mirror-XXXXXX";
  if (!::mkdtemp(dir_template)) return IoError(std::string("mkdtemp: ") + std::strerror(errno));
  mirror->temp_dir_ = dir_template;
  mirror->log_path_ = mirror->temp_dir_ + "/requests.tsv";
  mirror->root_ = options.root;

  std::vector<std::string> argv_strings = {
      options.binary, "--root", options.root, "--port", "0", "--request-log", mirror->log_path_};
  argv_strings.insert(argv_strings.end(), options.args.begin(), options.args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return IoError(std::string("pipe: ") + std::strerror(errno));
  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return IoError(std::string("fork: ") + std::strerror(err));
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);
    ::dup2(fds[1], STDOUT_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  mirror->pid_ = pid;
  mirror->stdout_fd_ = fds[0];
  mirror->port_ = ReadPortLine(fds[0], options.startup_timeout);
  if (mirror->port_ <= 0) {
    return Unavailable("edgar-mirror did not print its port line (see its stderr above)");
  }
  return mirror;
}

MirrorProcess::~MirrorProcess() {
  if (pid_ > 0) Stop().status().IgnoreError();
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
}

std::string MirrorProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

Result<int> MirrorProcess::Stop(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return Unavailable("edgar-mirror is not running");
  ::kill(pid_, SIGTERM);
  int code = WaitFor(pid_, timeout);
  if (code < 0) {
    ::kill(pid_, SIGKILL);
    WaitFor(pid_, std::chrono::seconds(5));
    pid_ = -1;
    return Unavailable("edgar-mirror ignored SIGTERM; killed");
  }
  pid_ = -1;
  return code;
}

Result<int> MirrorProcess::WaitForExit(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return Unavailable("edgar-mirror is not running");
  int code = WaitFor(pid_, timeout);
  if (code < 0) return Unavailable("edgar-mirror still running");
  pid_ = -1;
  return code;
}

Result<std::vector<MirrorLogRow>> MirrorProcess::ReadLog() const {
  std::ifstream in(log_path_);
  if (!in) return IoError("cannot read " + log_path_);
  std::vector<MirrorLogRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    CORRESP_ASSIGN_OR_RETURN(MirrorLogRow row, ParseMirrorLogLine(line));
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<MirrorLogRow> ParseMirrorLogLine(std::string_view line) {
  auto f = SplitTabs(line);
  if (f.size() < 7) return ParseError("request log line has < 7 fields: " + std::string(line));
  MirrorLogRow row;
  row.time = std::string(f[0]);
  row.time_ms = ParseIsoMillis(row.time);
  row.client = std::string(f[1]);
  row.method = std::string(f[2]);
  row.path = std::string(f[3]);
  row.status = std::atoi(std::string(f[4]).c_str());
  row.bytes = std::strtoull(std::string(f[5]).c_str(), nullptr, 10);
  row.user_agent = std::string(f[6]);
  row.note = f.size() > 7 ? std::string(f[7]) : "-";
  if (row.time_ms < 0 || row.status < 100) {
    return ParseError("malformed request log line: " + std::string(line));
  }
  return row;
}

}  // namespace corresp::test
