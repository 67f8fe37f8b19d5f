// What a route returns: status, content type, body and extra headers. Independent of Beast so
// the routes can be tested without a socket.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace corresp::web {

struct HttpReply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Cache-Control
};

// HTTP status for a library Status: invalid argument / parse -> 400, not found -> 404,
// unavailable -> 503, anything else -> 500.
int HttpStatusFor(const Status& status);

// {"error":{"status":400,"code":"invalid_argument","message":"..."}} with that status.
HttpReply JsonError(const Status& status);
HttpReply JsonError(int http_status, const std::string& code, const std::string& message);

}  // namespace corresp::web
