#include "tools/edgar-mirror/request_log.h"

#include <cerrno>
#include <cstring>
#include <ctime>

namespace corresp::mirror {
namespace {

void AppendField(std::string& line, const std::string& field) {
  if (!line.empty()) line.push_back('\t');
  if (field.empty()) {
    line.push_back('-');
    return;
  }
  for (char c : field) line.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

std::string IsoMillis(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

}  // namespace

std::string FormatRequestLogLine(const RequestLogRecord& r) {
  std::string line;
  line.reserve(160 + r.path.size() + r.user_agent.size());
  AppendField(line, IsoMillis(r.time));
  AppendField(line, r.client);
  AppendField(line, r.method);
  AppendField(line, r.path);
  AppendField(line, std::to_string(r.status));
  AppendField(line, std::to_string(r.bytes));
  AppendField(line, r.user_agent);
  AppendField(line, r.note);
  return line;
}

Result<std::unique_ptr<RequestLog>> RequestLog::Open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "ae");
  if (!file) return IoError("cannot open request log " + path + ": " + std::strerror(errno));
  return std::unique_ptr<RequestLog>(new RequestLog(file));
}

RequestLog::~RequestLog() { std::fclose(file_); }

void RequestLog::Write(const RequestLogRecord& record) {
  std::string line = FormatRequestLogLine(record);
  line.push_back('\n');
  std::lock_guard lock(mu_);
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

}  // namespace corresp::mirror
