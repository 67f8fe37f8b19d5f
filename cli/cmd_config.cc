// `corresp config`: prints the effective configuration (after file, environment and flags)
// and checks it, so a user can see what a run would use.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "config/load.h"

namespace corresp {

void AddConfigCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto* cmd = app.add_subcommand("config", "Print the effective configuration and check it");
  cmd->callback([&ctx, exit_code] {
    Result<Config> config = ctx.LoadConfig();
    if (!config.ok()) {
      ctx.PrintError(config.status());
      *exit_code = kExitUsage;
      return;
    }
    const Config& c = *config;
    nlohmann::json out = {{"data_dir", c.data_dir.string()},
                          {"crawl",
                           {{"base_url", c.crawl.base_url},
                            {"user_agent", c.crawl.user_agent},
                            {"requests_per_second", c.crawl.requests_per_second},
                            {"max_connections", c.crawl.max_connections},
                            {"block_pause_seconds", c.crawl.block_pause_seconds},
                            {"forms", c.crawl.forms}}},
                          {"refresh", {{"backfill_since", c.refresh.backfill_since}}},
                          {"extract",
                           {{"workers", c.extract.workers},
                            {"cpu_seconds", c.extract.cpu_seconds},
                            {"wall_seconds", c.extract.wall_seconds},
                            {"max_memory_mb", c.extract.max_memory_mb}}},
                          {"search", {{"exact_facets_up_to", c.search.exact_facets_up_to}}},
                          {"log", {{"json", c.log.json}, {"verbosity", c.log.verbosity}}}};
    std::cout << out.dump(2) << "\n";
    Status valid = Validate(c);
    if (!valid.ok()) {
      ctx.PrintError(valid);
      *exit_code = kExitUsage;
    }
  });
}

}  // namespace corresp
