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

HttpReply JsonError(const Status& status) {
  return JsonError(HttpStatusFor(status), StatusCodeName(status.code()), status.message());
}

}  // namespace corresp::web
