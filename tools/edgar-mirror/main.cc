// edgar-mirror: serves a folder in EDGAR's layout as www.sec.gov would, for tests, demos
// and benchmarks, with optional fault injection. Flags: docs/edgar-mirror.md.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "tools/edgar-mirror/server.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  corresp::mirror::MirrorOptions options;
  std::string hide_daily_after;
  std::vector<std::string> faults;
  CLI::App app{"edgar-mirror: serve a folder in EDGAR's layout as www.sec.gov would"};
  app.add_option("--root", options.root, "Folder holding Archives/edgar/... and submissions/")
      ->required();
  app.add_option("--port", options.port, "TCP port; 0 or absent = pick a free one");
  app.add_option("--bind", options.bind_address, "Address to listen on (default 127.0.0.1)");
  app.add_option("--latency-ms", options.latency_ms, "Delay before every response");
  app.add_option("--error-rate", options.error_rate, "Probability of answering 503");
  app.add_option("--reset-rate", options.reset_rate,
                 "Probability of sending half the body, then a TCP reset");
  app.add_option("--truncate-rate", options.truncate_rate,
                 "Probability of sending half the body under the full Content-Length");
  app.add_option("--rate-limit", options.rate_limit,
                 "Block a client making more than N requests in any 1 s window (0 = off)");
  app.add_option("--block-seconds", options.block_seconds,
                 "Block length; each request while blocked restarts it (default 600)");
  app.add_flag("--require-user-agent", options.require_user_agent,
               "403 unless the User-Agent contains an email address");
  app.add_option("--fault", faults,
                 "cdn-403, retry-after=N, retry-after-date=N, redirect-http, chunked-truncated "
                 "(repeatable)");
  app.add_option("--request-log", options.request_log, "Append one TSV line per request here");
  app.add_option("--seed", options.seed, "Seed of the fault dice (reproducible runs)");
  app.add_option("--hide-daily-after", hide_daily_after,
                 "Daily-index files for later days answer 404 (YYYY-MM-DD)");
  app.add_option("--threads", options.threads, "Threads serving requests (1 or 2)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (!hide_daily_after.empty()) {
    options.hide_daily_after = corresp::Date::Parse(hide_daily_after);
    if (!options.hide_daily_after) {
      std::cerr << "edgar-mirror: --hide-daily-after: not a date: " << hide_daily_after << "\n";
      return kExitUsage;
    }
  }
  for (const std::string& fault : faults) {
    corresp::Status status = corresp::mirror::AddFaultMode(fault, &options.faults);
    if (!status.ok()) {
      std::cerr << "edgar-mirror: " << status.message() << "\n";
      return kExitUsage;
    }
  }
  if (options.faults.cdn_403 && options.rate_limit <= 0) {
    std::cerr << "edgar-mirror: --fault cdn-403 changes the page of rate blocks: it needs "
                 "--rate-limit\n";
    return kExitUsage;
  }
  try {
    corresp::Status status = corresp::mirror::RunMirror(options, std::cout);
    if (!status.ok()) {
      std::cerr << "edgar-mirror: " << status.ToString() << "\n";
      return status.code() == corresp::StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
    }
  } catch (const std::exception& e) {
    std::cerr << "edgar-mirror: fatal: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}
