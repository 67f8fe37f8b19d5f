#include "crawler/response_class.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace corresp {
namespace {

// The phrase of SEC's page refusing a request without a declared User-Agent.
constexpr std::string_view kUndeclaredTool = "Undeclared Automated Tool";

// "https" for "HTTPS://x", "" when there is no "scheme://".
std::string Scheme(std::string_view url) {
  std::size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0) return "";
  std::string scheme(url.substr(0, colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return scheme;
}

}  // namespace

ResponseClass ClassifyResponse(long http_status, std::string_view body) {
  if (http_status >= 200 && http_status < 300) return ResponseClass::kSuccess;
  switch (http_status) {
    case 404:
    case 410:
      return ResponseClass::kNotFound;
    case 301:
    case 302:
    case 303:
    case 307:
    case 308:
      return ResponseClass::kRedirect;
    case 429:
      return ResponseClass::kBlock;
    case 403:
      return body.find(kUndeclaredTool) != std::string_view::npos ? ResponseClass::kIdentity
                                                                  : ResponseClass::kBlock;
    case 408:
      return ResponseClass::kTransient;
    default:
      return http_status >= 500 ? ResponseClass::kTransient : ResponseClass::kPermanent;
  }
}

std::chrono::seconds RetryAfterWait(std::int64_t header_seconds) {
  return std::chrono::seconds(std::clamp<std::int64_t>(header_seconds, 0, kMaxRetryAfter.count()));
}

bool RedirectAllowed(std::string_view from_url, std::string_view to_url) {
  std::string to = Scheme(to_url);
  if (to.empty()) return false;
  return Scheme(from_url) != "https" || to == "https";
}

}  // namespace corresp
