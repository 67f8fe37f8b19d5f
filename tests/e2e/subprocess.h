// Test helper: runs the built `corresp` binary as a child process.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace corresp::test {

struct CommandResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;     // stdout
  std::string err;     // stderr
};

struct CommandOptions {
  std::vector<std::string> env;  // extra "NAME=value" entries
  // Applied in the child between fork and exec (e.g. setrlimit); must be async-signal-safe.
  std::function<void()> in_child;
};

// Options that isolate a run from the user's config and data: HOME and XDG_CONFIG_HOME at
// `home`, CORRESP_HOME unset, a declared test User-Agent.
CommandOptions IsolatedHome(const std::string& home);

// Path of the corresp binary in the build folder.
std::string CorrespBinary();

// Runs `corresp args...` to completion.
CommandResult RunCorresp(const std::vector<std::string>& args, const CommandOptions& options = {});

// Starts `corresp args...` with stdout/stderr discarded; returns its pid.
pid_t StartCorresp(const std::vector<std::string>& args, const CommandOptions& options = {});
// Waits for a child started by StartCorresp; its exit code (128 + signal when killed).
int WaitChild(pid_t pid);

}  // namespace corresp::test
