// Flags shared by the commands that talk to EDGAR (crawl, refresh): they override the config.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/options.h"

namespace corresp {

struct CrawlFlags {
  std::optional<std::string> base_url;
  std::optional<std::string> user_agent;
  std::optional<double> rate;
  std::optional<int> max_connections;
  std::optional<int> block_pause_seconds;
  std::vector<std::string> forms;  // from --forms A,B
};

// Adds --base-url, --user-agent, --rate, --max-connections, --block-pause-seconds, --forms.
void AddCrawlFlags(CLI::App* cmd, CrawlFlags& flags);
// Applies the flags that were given on top of `config` (flags win).
void ApplyCrawlFlags(const CrawlFlags& flags, Config& config);

}  // namespace corresp
