// What an HTTP answer from the archive means to the crawler: pure decisions, table-tested in
// tests/crawler/response_class_test.cc. The fetcher (http_fetcher.h) acts on them.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace corresp {

enum class ResponseClass {
  kSuccess,    // 2xx: the body is the answer
  kNotFound,   // 404 / 410: not retried
  kRedirect,   // 301 / 302 / 303 / 307 / 308: follow Location through the limiter
  kBlock,      // 429, or any 403 that is not a User-Agent rejection (SEC's "Request Rate
               // Threshold Exceeded", a CDN's "Access Denied"): pause everything
  kIdentity,   // 403 "Undeclared Automated Tool": a configuration error, fatal
  kTransient,  // 5xx, 408: retried with backoff
  kPermanent,  // any other status: failed, not retried
};

// Classifies a completed transfer by its status and (for 403) its body.
ResponseClass ClassifyResponse(long http_status, std::string_view body);

// Longest wait a Retry-After header can impose; a server asking for more is treated as
// asking for this (SEC blocks last 10 minutes; an hour is a generous ceiling).
inline constexpr std::chrono::seconds kMaxRetryAfter{3600};

// The wait a Retry-After value asks for, as libcurl reports it (CURLINFO_RETRY_AFTER: delay
// seconds, or an HTTP-date turned into seconds from now, which may be negative for a past
// date; 0 when absent). Clamped to [0, kMaxRetryAfter].
std::chrono::seconds RetryAfterWait(std::int64_t header_seconds);

// Whether a redirect from `from_url` to `to_url` may be followed: never from https to
// anything else (a downgrade would send the request, User-Agent included, in clear).
// Scheme comparison is case-insensitive; a relative or schemeless `to_url` is refused
// (libcurl resolves Location into an absolute URL before we see it).
bool RedirectAllowed(std::string_view from_url, std::string_view to_url);

}  // namespace corresp
