#include "cli/context.h"

#include <iostream>

#include "config/load.h"

namespace corresp {

Result<Config> CliContext::LoadConfig() {
  if (config_) return *config_;
  EnvLookup env = ProcessEnv();
  std::optional<std::filesystem::path> file;
  bool named = !flags.config.empty();
  file = named ? std::filesystem::path(flags.config) : DefaultConfigFile(env);
  Result<Config> loaded = corresp::LoadConfig(file, named, env);
  if (!loaded.ok()) return loaded.status();
  Config config = std::move(loaded).value();
  if (!flags.data_dir.empty()) config.data_dir = flags.data_dir;
  if (flags.quiet) config.log.verbosity = 0;
  if (flags.verbose > 0) config.log.verbosity = 1 + flags.verbose;
  if (flags.log_json) config.log.json = true;
  config_ = config;
  return config;
}

void CliContext::PrintError(const Status& status) const {
  if (!status.ok()) PrintError(status.message());
}

void CliContext::PrintError(const std::string& message) const {
  std::cerr << "corresp: " << message << "\n";
}

}  // namespace corresp
