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

}  // namespace corresp
