// What every subcommand shares: the global flags, the loaded configuration, and output.
#pragma once

#include <optional>
#include <string>

#include "config/options.h"
#include "core/status.h"

namespace corresp {

struct GlobalFlags {
  std::string data_dir;   // --data-dir; empty = default
  std::string config;     // --config; empty = default file (may be absent)
  int verbose = 0;        // -v (repeatable)
  bool quiet = false;     // -q
  bool log_json = false;  // --log-json
};

class CliContext {
 public:
  GlobalFlags flags;

  // Loads the config (file, environment) and applies the global flags. Cached after the first
  // call. Does not Validate(): commands apply their own flags first, then call Validate.
  Result<Config> LoadConfig();

  // Prints "corresp: <message>" on stderr (unless the status is ok).
  void PrintError(const Status& status) const;
  void PrintError(const std::string& message) const;
  bool quiet() const { return flags.quiet; }

 private:
  std::optional<Config> config_;
};

}  // namespace corresp
