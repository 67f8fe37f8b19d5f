// Log lines on stderr: "corresp: message" for people, or with --log-json one JSON object per
// line ({"ts","level","event","msg",...fields}) for journald and log shippers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "config/options.h"

namespace corresp {

class Logger {
 public:
  explicit Logger(const LogOptions& options) : options_(options) {}
  // level: "error", "warn", "info", "debug". Info needs verbosity >= 1, debug >= 2.
  void Log(const char* level, const std::string& event, const std::string& message,
           const nlohmann::json& fields = nlohmann::json::object()) const;
  void Error(const std::string& event, const std::string& message,
             const nlohmann::json& fields = nlohmann::json::object()) const {
    Log("error", event, message, fields);
  }
  void Info(const std::string& event, const std::string& message,
            const nlohmann::json& fields = nlohmann::json::object()) const {
    Log("info", event, message, fields);
  }
  bool json() const { return options_.json; }

 private:
  LogOptions options_;
};

}  // namespace corresp
