// Decides the answer to one request: fair-access checks, injected faults, the file under the
// root, daily-index hiding and gzip. No sockets here; session.h writes the Reply out.
// Thread-safe (its parts lock what they share).
#pragma once

#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

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
  std::string_view host;             // the Host header, "" when absent
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
  std::string location;                         // send Location (301), "" = none
  std::string retry_after;                      // send Retry-After, "" = none
  bool chunked_cut = false;  // chunked, no Content-Length, half the body, clean last chunk
};

class Responder {
 public:
  explicit Responder(const MirrorOptions& options);

  // The answer, checked in this order: rate limit (403 "Request Rate Threshold Exceeded";
  // every request counts), User-Agent (403 "Undeclared Automated Tool"), method (405 unless
  // GET/HEAD), fault dice (503 on kError), path (404), daily-index cutoff (404), file (404).
  // A kReset/kTruncate roll is carried in Reply::fault whatever the status. The --fault
  // modes (fault_modes.h): a redirect-http 301 comes after the dice, before the path; a
  // chunked-truncated cut applies to a served file; Retry-After to any 503 or block 403.
  Reply Respond(const RequestInfo& request);

 private:
  Reply ServeFile(const std::string& rel_path, bool gzip);
  Reply ServeFiling(const std::string& rel_path, bool gzip);
  bool FirstRequestOf(const std::string& rel_path);
  void AddRetryAfter(Reply* reply) const;

  const bool require_user_agent_;
  const FaultModes faults_;
  std::mutex seen_mu_;
  std::unordered_set<std::string> seen_;  // chunked-truncated: paths already cut once
  std::unique_ptr<RateLimiter> limiter_;  // null without --rate-limit
  FaultDice dice_;
  FileCache cache_;
  DailyCutoff cutoff_;
  FilteredListings listings_;
};

// The HTML page sent with `status` (404, 403 rate, 403 CDN, 403 UA, 405, 503, 400, 301).
Bytes ErrorPage(int status, std::string_view reason_note);

// "Fri, 27 Nov 2026 01:02:03 GMT" (RFC 9110 IMF-fixdate) for `t`.
std::string HttpDate(std::time_t t);

}  // namespace corresp::mirror
