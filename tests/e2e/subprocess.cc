#include "tests/e2e/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

namespace corresp::test {
namespace {

std::vector<char*> Argv(const std::vector<std::string>& args, std::string& binary) {
  std::vector<char*> argv;
  argv.push_back(binary.data());
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

[[noreturn]] void ExecChild(const std::vector<std::string>& args, const CommandOptions& options) {
  for (const std::string& e : options.env) putenv(const_cast<char*>(e.c_str()));
  if (options.in_child) options.in_child();
  std::string binary = CorrespBinary();
  std::vector<char*> argv = Argv(args, binary);
  execv(binary.c_str(), argv.data());
  _exit(127);
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

CommandOptions IsolatedHome(const std::string& home) {
  CommandOptions o;
  o.env = {"HOME=" + home, "XDG_CONFIG_HOME=" + home,
           "CORRESP_HOME=", "CORRESP_USER_AGENT=corresp tests test@example.com"};
  return o;
}

std::string CorrespBinary() { return std::string(CORRESP_BINARY_DIR) + "/corresp"; }

CommandResult RunCorresp(const std::vector<std::string>& args, const CommandOptions& options) {
  int out[2], err[2];
  if (pipe(out) != 0 || pipe(err) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(out[0]);
    close(err[0]);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    ExecChild(args, options);
  }
  close(out[1]);
  close(err[1]);
  CommandResult result;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? result.out : result.err).append(buf, static_cast<size_t>(n));
      }
    }
  }
  result.exit_code = WaitChild(pid);
  return result;
}

pid_t StartCorresp(const std::vector<std::string>& args, const CommandOptions& options) {
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);
    ExecChild(args, options);
  }
  return pid;
}

int WaitChild(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return DecodeStatus(status);
}

}  // namespace corresp::test
