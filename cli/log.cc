#include "cli/log.h"

#include <chrono>
#include <cstring>
#include <ctime>
#include <iostream>

namespace corresp {
namespace {

std::string NowUtcMillis() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  long ms = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03ldZ", buf, ms);
  return out;
}

int Rank(const char* level) {
  if (std::strcmp(level, "error") == 0) return 0;
  if (std::strcmp(level, "warn") == 0) return 0;
  if (std::strcmp(level, "info") == 0) return 1;
  return 2;
}

}  // namespace

void Logger::Log(const char* level, const std::string& event, const std::string& message,
                 const nlohmann::json& fields) const {
  if (Rank(level) > options_.verbosity) return;
  if (options_.json) {
    nlohmann::json line = {
        {"ts", NowUtcMillis()}, {"level", level}, {"event", event}, {"msg", message}};
    for (auto it = fields.begin(); it != fields.end(); ++it) line[it.key()] = it.value();
    std::cerr << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cerr << "corresp: " << (Rank(level) == 0 ? std::string(level) + ": " : "") << message
              << "\n";
  }
}

}  // namespace corresp
