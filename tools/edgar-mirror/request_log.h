// The request log: one tab-separated line per request, written and flushed before the
// response leaves, so a client that has its answer can already read the line. Columns:
//   time (UTC ISO 8601, milliseconds)  client-ip  method  path  status  body-bytes-sent
//   user-agent  note
// Tabs and line breaks inside fields become spaces; an empty field is written as "-".
// `note` names what the mirror did besides serving: "-", "error", "reset", "truncate",
// "rate-limited", "undeclared-ua", "hidden", "not-found", "bad-method", "bad-request".
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "core/status.h"

namespace corresp::mirror {

struct RequestLogRecord {
  std::chrono::system_clock::time_point time;  // when the request was read
  std::string client;                          // remote IP
  std::string method;                          // "GET", "HEAD", ...
  std::string path;                            // request target as sent
  int status = 0;
  std::uint64_t bytes = 0;  // body bytes written (fewer than the body on reset/truncate)
  std::string user_agent;
  std::string note = "-";
};

// The line for `record`, without the trailing newline.
std::string FormatRequestLogLine(const RequestLogRecord& record);

class RequestLog {
 public:
  // Opens `path` for appending (created when absent). kIoError when it cannot be opened.
  static Result<std::unique_ptr<RequestLog>> Open(const std::string& path);
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  // Appends and flushes one line. Write errors are ignored: the log is a diagnostic.
  void Write(const RequestLogRecord& record);

 private:
  explicit RequestLog(std::FILE* file) : file_(file) {}
  std::mutex mu_;
  std::FILE* file_;
};

}  // namespace corresp::mirror
