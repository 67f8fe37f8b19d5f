// `corresp serve`: the research web app (search page, letters, threads, JSON API) over the
// index, read-only, on loopback by default. Prints "listening on URL" once ready.
#include <iostream>
#include <mutex>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/log.h"
#include "web/serve.h"

namespace corresp {

void AddServeCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto* cmd = app.add_subcommand("serve", "Serve the search web app and JSON API over the index");
  auto options = std::make_shared<web::ServeOptions>();
  auto index = std::make_shared<std::string>();
  auto exact_facets = std::make_shared<std::optional<long>>();
  cmd->add_option("--bind", options->server.bind, "Address to listen on (loopback by default)")
      ->capture_default_str();
  cmd->add_option("--port", options->server.port, "TCP port (0 = any free port)")
      ->capture_default_str();
  cmd->add_option("--threads", options->server.threads,
                  "I/O threads, each with its own index reader")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--max-connections", options->server.max_connections,
                  "Open connections served at once; more are answered 503 and closed")
      ->check(CLI::Range(1, 65536))
      ->capture_default_str();
  cmd->add_option("--search-threads", options->server.heavy_lane.threads,
                  "Searches run at once, on threads of their own (other requests never wait "
                  "for them)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--search-queue", options->server.heavy_lane.queue,
                  "Searches waiting for a search thread; one more is answered 503")
      ->check(CLI::Range(0, 4096))
      ->capture_default_str();
  cmd->add_option("--search-queue-wait", options->server.heavy_lane.max_wait_ms,
                  "Milliseconds a search may wait for a search thread before it is answered 503")
      ->check(CLI::Range(0, 600000))
      ->capture_default_str();
  cmd->add_option("--search-time-limit", options->app.limits.search_time_limit_seconds,
                  "Seconds a search may spend: counting facets stops at half of it and the "
                  "answer is marked partial; 0 = no limit")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  cmd->add_option("--index", *index,
                  "Index folder, or a Xapian stub file naming shards (default: DATA_DIR/index)");
  cmd->add_option("--facet-cache", options->reader.facet_cache_entries,
                  "Facet counts kept per thread for repeated searches (paging); 0 = off")
      ->capture_default_str();
  cmd->add_option("--exact-facets-up-to", *exact_facets,
                  "Count facets exactly up to this many matches, over a sample above (shown "
                  "as estimates); 0 = always exact (default: search.exact_facets_up_to, 10000)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--remote", options->remote,
                  "Read an index served by xapian-tcpsrv at HOST:PORT; repeat for shards "
                  "searched together");
  cmd->callback([&ctx, exit_code, options, index, exact_facets] {
    Result<Config> config = ctx.LoadConfig();
    if (!config.ok()) {
      ctx.PrintError(config.status());
      *exit_code = kExitUsage;
      return;
    }
    options->app.limits.exact_facets_up_to =
        exact_facets->value_or(config->search.exact_facets_up_to);
    std::filesystem::path path =
        index->empty() ? IndexPath(*config) : std::filesystem::path(*index);
    // 5xx details through the CLI's logger (--log-json for journald), one line at a time.
    auto logger = std::make_shared<Logger>(config->log);
    auto log_mutex = std::make_shared<std::mutex>();
    options->app.log = [logger, log_mutex](std::string_view line) {
      std::lock_guard lock(*log_mutex);
      logger->Error("serve", std::string(line));
    };
    options->server.log = options->app.log;
    Status served = web::Serve(path, *options, [](const std::string& url) {
      std::cout << "listening on " << url << std::endl;
    });
    if (!served.ok()) {
      ctx.PrintError(served);
      *exit_code = ExitCodeFor(served);
    }
  });
}

}  // namespace corresp
