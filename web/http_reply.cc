#include "web/http_reply.h"

#include <nlohmann/json.hpp>

namespace corresp::web {

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
    case StatusCode::kParse:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kUnavailable:
    case StatusCode::kNetwork:  // a remote index (--remote) that does not answer
      return 503;
    default:
      return 500;
  }
}

HttpReply JsonError(int http_status, const std::string& code, const std::string& message) {
  nlohmann::json body = {
      {"error", {{"status", http_status}, {"code", code}, {"message", message}}}};
  HttpReply reply;
  reply.status = http_status;
  reply.content_type = "application/json";
  reply.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return reply;
}

std::string PublicMessage(const Status& status) {
  int http = HttpStatusFor(status);
  if (http == 503) return "the server is busy or the index is unavailable; try again shortly";
  if (http >= 500) return "internal error while reading the index (details are in the server log)";
  return status.message();
}

HttpReply JsonError(const Status& status) {
  int http = HttpStatusFor(status);
  if (http < 500) return JsonError(http, StatusCodeName(status.code()), status.message());
  HttpReply reply =
      JsonError(http, http == 503 ? "unavailable" : "internal", PublicMessage(status));
  reply.log_detail = status.ToString();
  return reply;
}

}  // namespace corresp::web
