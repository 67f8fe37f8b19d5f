// Test helper: a data dir holding the test corpus (tests/data + the seed letter) indexed by the
// real `corresp index` binary, for end-to-end tests of the read commands.
#pragma once

#include <unistd.h>

#include <string>

#include "core/status.h"
#include "index_fixture.h"
#include "tests/e2e/subprocess.h"

namespace corresp::test {

// The path of the data dir "<name>-<pid>" (one per process: ctest runs each case as its own
// process, maybe in parallel). kInternal with the command's stderr when indexing fails.
inline Result<std::string> IndexedTestDataDir(const std::string& name) {
  auto dir = testing::MakeTestDataDir(name + "-" + std::to_string(getpid()), true);
  if (!dir.ok()) return dir.status();
  std::string path = dir->config.data_dir.string();
  dir->catalog.reset();  // the child process opens the catalog itself
  CommandResult indexed = RunCorresp({"--data-dir", path, "index"});
  if (indexed.exit_code != 0) return Internal("corresp index: " + indexed.err);
  return path;
}

}  // namespace corresp::test
