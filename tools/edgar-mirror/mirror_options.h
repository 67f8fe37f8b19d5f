// Every setting of the edgar-mirror test server, with its default and the reason for it.
// Filled from the command line by main.cc; read by RunMirror (server.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "tools/edgar-mirror/fault_modes.h"

namespace corresp::mirror {

struct MirrorOptions {
  // Folder in EDGAR's layout (Archives/edgar/..., submissions/...) served as www.sec.gov.
  std::string root;
  // Loopback by default: a test server has no business listening on other interfaces.
  std::string bind_address = "127.0.0.1";
  // 0 = let the kernel pick a free port, so parallel tests never collide.
  std::uint16_t port = 0;
  // Delay before every response (async timer), to exercise crawler timeouts/concurrency.
  int latency_ms = 0;
  // Probability of answering 503 instead of the real response (server overload).
  double error_rate = 0.0;
  // Probability of sending headers + half the body, then a TCP reset (connection lost).
  double reset_rate = 0.0;
  // Probability of sending half the body under the full Content-Length, then a clean close.
  double truncate_rate = 0.0;
  // SEC fair access: more than this many requests from one IP in any 1 s window blocks it.
  // 0 = no limit.
  int rate_limit = 0;
  // How long a block lasts; every request during the block restarts it (SEC: 10 minutes).
  double block_seconds = 600.0;
  // Answer 403 "Undeclared Automated Tool" unless the User-Agent holds an email address.
  bool require_user_agent = false;
  // Deterministic refusals, redirects and cut answers (--fault MODE; fault_modes.h).
  FaultModes faults;
  // One tab-separated line per request (see docs/edgar-mirror.md); empty = no log.
  std::string request_log;
  // Seed of the fault dice; unset = seeded from the clock (not reproducible).
  std::optional<std::uint64_t> seed;
  // Daily-index files for days after this date answer 404 (and vanish from listings).
  // ROOT/.mirror-control (re-read on every daily-index request) overrides it.
  std::optional<Date> hide_daily_after;
  // Threads running the io_context; the machine is shared, and 2 saturate loopback.
  int threads = 2;
  // Files up to this size are kept in memory (letters and index files all fit).
  std::size_t cache_max_file_bytes = 8u << 20;
  // Total bytes the in-memory cache may hold; beyond it files are read per request.
  std::size_t cache_budget_bytes = 512u << 20;
};

}  // namespace corresp::mirror
