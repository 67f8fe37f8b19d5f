// The deterministic misbehaviours of edgar-mirror chosen with `--fault MODE` (repeatable):
// the ways a real www.sec.gov and its CDN refuse, redirect or cut answers, which the random
// dice (fault_dice.h) do not cover. Pure parsing; Responder applies them.
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"

namespace corresp::mirror {

struct FaultModes {
  // cdn-403: a rate block (--rate-limit) answers a CDN's "Access Denied" page instead of
  // SEC's "Request Rate Threshold Exceeded" (same 403, same block rules).
  bool cdn_403 = false;
  // retry-after=N: every 503 and every block 403 carries "Retry-After: N" (seconds).
  std::optional<int> retry_after_seconds;
  // retry-after-date=N: the same, as the HTTP-date N seconds from the response.
  std::optional<int> retry_after_date_seconds;
  // redirect-http: a GET of a filing file (under Archives/edgar/data/) without a query
  // answers 301 to "http://HOST/same/path?redirected", which is then served.
  bool redirect_http = false;
  // chunked-truncated: the first request of each filing file (.pdf/.txt/.htm under
  // Archives/edgar/data/) is sent chunked, without Content-Length and uncompressed: half
  // the body, then a clean last chunk. Later requests of the same path are whole.
  bool chunked_truncated = false;
};

// Adds one `--fault` value ("cdn-403", "retry-after=5", ...) to `modes`. kInvalidArgument
// for an unknown mode or a count that is not an integer in [0, 86400].
[[nodiscard]] Status AddFaultMode(std::string_view value, FaultModes* modes);

}  // namespace corresp::mirror
