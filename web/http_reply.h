// What a route returns: status, content type, body and extra headers. Independent of Beast so
// the routes can be tested without a socket.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace corresp::web {

struct HttpReply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Cache-Control
  // The detail of a 5xx for the server log (WebApp::Handle writes it); never sent.
  std::string log_detail;
  // A body too large to hold (an export): when set, `body` is ignored and the server sends
  // the status and headers at once, then calls stream with a writer that sends each block as
  // it comes (HTTP/1.1 chunked; HTTP/1.0 until the connection closes). A writer error (the
  // client went away, or stopped reading for the server's timeout) ends the stream with that
  // status; a stream that fails cannot change the status already sent: the server logs the
  // error and closes the connection without the last chunk, so the client sees a truncated
  // transfer, never a complete-looking one.
  using Writer = std::function<Status(std::string_view bytes)>;
  std::function<Status(const Writer& write)> stream;
};

// HTTP status for a library Status: invalid argument / parse -> 400, not found -> 404,
// unavailable and network (a remote index away) -> 503, else 500.
int HttpStatusFor(const Status& status);

// What a client may read of a failure: the Status message for a 4xx (why the request was
// refused), a fixed sentence for a 5xx, whose detail
// (file paths, Xapian internals) belongs in the server log only.
std::string PublicMessage(const Status& status);

// {"error":{"status":400,"code":"invalid_argument","message":"..."}} with that status.
// JsonError(const Status&): for a 5xx, code "internal" (500) or "unavailable" (503) and
// PublicMessage, the Status kept in log_detail.
HttpReply JsonError(const Status& status);
HttpReply JsonError(int http_status, const std::string& code, const std::string& message);

}  // namespace corresp::web
