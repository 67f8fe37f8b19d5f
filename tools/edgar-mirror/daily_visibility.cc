#include "tools/edgar-mirror/daily_visibility.h"

#include <cctype>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace corresp::mirror {
namespace {

constexpr std::string_view kDailyPrefix = "Archives/edgar/daily-index/";

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::optional<int> ParseYear(std::string_view s) {
  if (s.size() != 4) return std::nullopt;
  int year = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

// "QTR3" -> 3.
std::optional<int> ParseQuarter(std::string_view s) {
  if (s.size() != 4 || !s.starts_with("QTR") || s[3] < '1' || s[3] > '4') return std::nullopt;
  return s[3] - '0';
}

// The day in a daily-index file name: ".YYYYMMDD." anywhere in it.
std::optional<Date> DayInName(std::string_view name) {
  for (std::size_t dot = name.find('.'); dot != std::string_view::npos;
       dot = name.find('.', dot + 1)) {
    if (dot + 9 < name.size() && name[dot + 9] == '.') {
      if (auto d = Date::Parse(name.substr(dot + 1, 8))) return d;
    }
  }
  return std::nullopt;
}

bool YearHidden(std::string_view year, Date cutoff) {
  auto y = ParseYear(year);
  return y && Date{*y, 1, 1} > cutoff;
}

bool QuarterHidden(std::string_view year, std::string_view quarter, Date cutoff) {
  auto y = ParseYear(year);
  auto q = ParseQuarter(quarter);
  return y && q && Date{*y, (*q - 1) * 3 + 1, 1} > cutoff;
}

bool NameHidden(std::string_view name, Date cutoff) {
  auto day = DayInName(name);
  return day && *day > cutoff;
}

// Whether listing entry `name` in the folder `folder_parts` (below daily-index/) is hidden.
bool EntryHidden(const std::vector<std::string_view>& folder, std::string_view name, Date cutoff) {
  if (folder.empty()) return YearHidden(name, cutoff);
  if (folder.size() == 1) return QuarterHidden(folder[0], name, cutoff);
  if (folder.size() == 2) return NameHidden(name, cutoff);
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

bool IsHiddenDailyPath(std::string_view rel_path, Date cutoff) {
  if (!rel_path.starts_with(kDailyPrefix)) return false;
  auto parts = Split(rel_path.substr(kDailyPrefix.size()), '/');
  if (parts.size() >= 2 && YearHidden(parts[0], cutoff)) return true;
  if (parts.size() >= 3 && QuarterHidden(parts[0], parts[1], cutoff)) return true;
  if (parts.size() == 3 && NameHidden(parts[2], cutoff)) return true;
  return false;
}

std::optional<std::string> FilterDailyListing(std::string_view rel_path, std::string_view json,
                                              Date cutoff) {
  if (!rel_path.starts_with(kDailyPrefix) || !rel_path.ends_with("/index.json")) {
    return std::nullopt;
  }
  auto folder = Split(rel_path.substr(kDailyPrefix.size()), '/');
  folder.pop_back();  // "index.json"
  auto doc = nlohmann::ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("directory")) return std::nullopt;
  auto& dir = doc["directory"];
  if (!dir.is_object() || !dir.contains("item") || !dir["item"].is_array()) return std::nullopt;
  nlohmann::ordered_json kept = nlohmann::ordered_json::array();
  bool removed = false;
  for (const auto& item : dir["item"]) {
    const auto name = item.is_object() && item.contains("name") && item["name"].is_string()
                          ? item["name"].get<std::string>()
                          : std::string();
    if (EntryHidden(folder, name, cutoff)) {
      removed = true;
    } else {
      kept.push_back(item);
    }
  }
  if (!removed) return std::nullopt;
  dir["item"] = std::move(kept);
  return doc.dump();
}

Result<std::optional<Date>> ParseMirrorControl(std::string_view text) {
  std::optional<std::optional<Date>> found;
  for (std::string_view line : Split(text, '\n')) {
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) return ParseError("no '=' in: " + std::string(line));
    std::string_view key = Trim(line.substr(0, eq));
    std::string_view value = Trim(line.substr(eq + 1));
    if (key != "hide-daily-after") return ParseError("unknown key: " + std::string(key));
    if (value.empty() || value == "none") {
      found.emplace(std::nullopt);
      continue;
    }
    auto date = Date::Parse(value);
    if (!date) return ParseError("bad hide-daily-after date: " + std::string(value));
    found.emplace(*date);
  }
  if (!found) return NotFound("hide-daily-after not set");
  return *found;
}

DailyCutoff::DailyCutoff(std::optional<Date> flag_value, std::string control_path)
    : flag_value_(flag_value), control_path_(std::move(control_path)) {}

std::optional<Date> DailyCutoff::Current() const {
  std::ifstream in(control_path_, std::ios::binary);
  if (!in) return flag_value_;
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = ParseMirrorControl(text.str());
  if (parsed.ok()) return *parsed;
  if (parsed.status().code() != StatusCode::kNotFound) {
    std::cerr << "edgar-mirror: ignoring " << control_path_ << ": " << parsed.status().ToString()
              << "\n";
  }
  return flag_value_;
}

}  // namespace corresp::mirror
