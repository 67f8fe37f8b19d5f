// Building a Config: defaults, then a TOML file, then CORRESP_* environment variables;
// the CLI applies its flags on top and calls Validate().
//
// TOML keys (all optional):
//   data_dir = "/var/lib/corresp"
//   [crawl]   base_url, user_agent, requests_per_second, max_connections, connect_timeout_ms,
//             transfer_timeout_ms, max_body_bytes, max_attempts, backoff_initial_ms,
//             backoff_max_ms, block_pause_seconds, max_consecutive_blocks, forms = ["UPLOAD"]
//   [refresh] backfill_since = "2024-01-01", daily_window_days
//   [extract] workers, cpu_seconds, wall_seconds, max_memory_mb
//   [search]  exact_facets_up_to
//   [log]     json = true, verbosity = 2
// Environment: CORRESP_HOME (data_dir), CORRESP_BASE_URL, CORRESP_USER_AGENT, CORRESP_RATE,
//   CORRESP_MAX_CONNECTIONS, CORRESP_BLOCK_PAUSE_SECONDS, CORRESP_FORMS (comma list),
//   CORRESP_BACKFILL_SINCE, CORRESP_LOG_JSON (1/0).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "config/options.h"
#include "core/status.h"

namespace corresp {

// Looks up an environment variable; returns nullopt when unset. Injected for tests.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup ProcessEnv();

// Default data dir: $CORRESP_HOME, else $XDG_DATA_HOME/corresp, else ~/.local/share/corresp.
std::filesystem::path DefaultDataDir(const EnvLookup& env);
// Default config file: $XDG_CONFIG_HOME/corresp/config.toml, else ~/.config/corresp/config.toml.
std::filesystem::path DefaultConfigFile(const EnvLookup& env);

// Defaults, then `file` when it exists (a missing default file is fine; a missing file the user
// named is kInvalidArgument), then the environment. Errors are one line naming the file, the key
// and the expected form: "config.toml: crawl.requests_per_second: expected a number, got \"x\"".
// `file_must_exist` is true when the user named the file explicitly.
Result<Config> LoadConfig(const std::optional<std::filesystem::path>& file, bool file_must_exist,
                          const EnvLookup& env);

// Checks the final settings. kInvalidArgument, one line, naming the key and the expected form:
// - crawl.base_url: must start with http:// or https://
// - crawl.user_agent: required for sec.gov, as "Company Name email@domain"
// - crawl.requests_per_second: > 0, and <= 10 when the host is sec.gov
// - crawl.max_connections: 1..256; timeouts, attempts, pauses: positive
// - crawl.forms: not empty
// - refresh.backfill_since: YYYY-MM-DD or empty
// - extract.workers: 1..64; extract.cpu_seconds, wall_seconds: >= 1; max_memory_mb: >= 64
Status Validate(const Config& config);

// True when `base_url`'s host is sec.gov or a subdomain of it.
bool IsSecGov(const std::string& base_url);
// True when `user_agent` has a name and an email address ("Acme Research ops@acme.com").
bool IsDeclaredUserAgent(const std::string& user_agent);

}  // namespace corresp
