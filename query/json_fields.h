// Reading fields of the JSON the index stores (document data, thread records) without
// throwing: a missing field or one of another type reads as empty.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace corresp {

// j[key] when j is an object holding a string there, else "".
inline std::string JsonString(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// The strings of the array j[key] (other elements skipped); empty when there is none.
inline std::vector<std::string> JsonStrings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.is_object() && j.contains(key) && j[key].is_array())
    for (const nlohmann::json& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// A reviewed filing (docs/index-schema.md "reviewed") in words: "10-K amendment 2 · period
// 2016-12-31 · filed 2017-02-23" (parts the Re: block did not give are left out).
inline std::string ReviewedLabel(const nlohmann::json& r) {
  std::string label = JsonString(r, "form");
  if (r.is_object() && r.contains("amendment") && r["amendment"].is_number_integer())
    label += " amendment " + std::to_string(r["amendment"].get<int>());
  if (!JsonString(r, "period").empty()) label += " · period " + JsonString(r, "period");
  if (!JsonString(r, "filed").empty()) label += " · filed " + JsonString(r, "filed");
  return label;
}

}  // namespace corresp
