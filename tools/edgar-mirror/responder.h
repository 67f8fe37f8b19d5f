// Decides the answer to one request: fair-access checks, injected faults, the file under the
// root, daily-index hiding and gzip. No sockets here; session.h writes the Reply out.
// Thread-safe (its parts lock what they share).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "tools/edgar-mirror/daily_visibility.h"
#include "tools/edgar-mirror/fault_dice.h"
#include "tools/edgar-mirror/file_cache.h"
#include "tools/edgar-mirror/filtered_listings.h"
#include "tools/edgar-mirror/mirror_options.h"
#include "tools/edgar-mirror/rate_limiter.h"

namespace corresp::mirror {

struct RequestInfo {
  std::string_view method;           // "GET", "HEAD", ...
  std::string_view target;           // as sent: "/Archives/edgar/...?q"
  std::string client;                // remote IP, the rate limiter's key
  std::string_view user_agent;       // "" when absent
  std::string_view accept_encoding;  // "" when absent
  RateLimiter::Clock::time_point now;
};

struct Reply {
  int status = 200;
  std::string_view content_type = "text/html";  // points at static storage
  Bytes body;                                   // never null; the full (maybe gzip) body
  bool gzip = false;                            // send Content-Encoding: gzip
  bool vary = false;                            // send Vary: Accept-Encoding
  bool send_body = true;                        // false for HEAD
  Fault fault = Fault::kNone;                   // kReset / kTruncate: cut the body short
  std::string note = "-";                       // request-log note (request_log.h)
};

class Responder {
 public:
  explicit Responder(const MirrorOptions& options);

  // The answer, checked in this order: rate limit (403 "Request Rate Threshold Exceeded";
  // every request counts), User-Agent (403 "Undeclared Automated Tool"), method (405 unless
  // GET/HEAD), fault dice (503 on kError), path (404), daily-index cutoff (404), file (404).
  // A kReset/kTruncate roll is carried in Reply::fault whatever the status.
  Reply Respond(const RequestInfo& request);

 private:
  Reply ServeFile(const std::string& rel_path, bool gzip);

  const bool require_user_agent_;
  std::unique_ptr<RateLimiter> limiter_;  // null without --rate-limit
  FaultDice dice_;
  FileCache cache_;
  DailyCutoff cutoff_;
  FilteredListings listings_;
};

// The HTML page sent with `status` (404, 403 rate, 403 UA, 405, 503, 400).
Bytes ErrorPage(int status, std::string_view reason_note);

}  // namespace corresp::mirror
