#include "tools/edgar-mirror/fault_modes.h"

#include <charconv>
#include <string>

namespace corresp::mirror {
namespace {

// A day: enough for any test, small enough that no addition overflows.
constexpr int kMaxRetryAfterSeconds = 86400;

std::optional<int> ParseSeconds(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < 0 || value > kMaxRetryAfterSeconds) return std::nullopt;
  return value;
}

}  // namespace

Status AddFaultMode(std::string_view value, FaultModes* modes) {
  std::size_t eq = value.find('=');
  std::string_view name = value.substr(0, eq);
  std::string_view arg = eq == std::string_view::npos ? "" : value.substr(eq + 1);
  bool* flag = name == "cdn-403"             ? &modes->cdn_403
               : name == "redirect-http"     ? &modes->redirect_http
               : name == "chunked-truncated" ? &modes->chunked_truncated
                                             : nullptr;
  if (flag != nullptr && eq == std::string_view::npos) {
    *flag = true;
    return Status::Ok();
  }
  if (eq != std::string_view::npos && (name == "retry-after" || name == "retry-after-date")) {
    std::optional<int> seconds = ParseSeconds(arg);
    if (!seconds) {
      return InvalidArgument("--fault " + std::string(value) + ": want seconds in [0, " +
                             std::to_string(kMaxRetryAfterSeconds) + "]");
    }
    (name == "retry-after" ? modes->retry_after_seconds : modes->retry_after_date_seconds) =
        seconds;
    return Status::Ok();
  }
  return InvalidArgument("--fault " + std::string(value) +
                         ": unknown mode (cdn-403, retry-after=N, retry-after-date=N, "
                         "redirect-http, chunked-truncated)");
}

}  // namespace corresp::mirror
