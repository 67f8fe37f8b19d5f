#include "web/topic_names.h"

#include <nlohmann/json.hpp>

namespace corresp::web {

TopicNames TopicNames::FromMetadata(const std::string& topics_json) {
  TopicNames out;
  nlohmann::json topics = nlohmann::json::parse(topics_json, nullptr, false);
  if (!topics.is_array()) return out;
  for (const nlohmann::json& t : topics) {
    if (!t.is_object() || !t.contains("slug") || !t.contains("name")) continue;
    if (t["slug"].is_string() && t["name"].is_string())
      out.names_[t["slug"].get<std::string>()] = t["name"].get<std::string>();
  }
  return out;
}

TopicNames TopicNames::Of(IndexReader& reader) {
  Result<std::string> topics = reader.Metadata("topics");
  return topics.ok() ? FromMetadata(*topics) : TopicNames{};
}

std::string TopicNames::Label(std::string_view slug) const {
  auto it = names_.find(slug);
  if (it != names_.end()) return it->second;
  std::string out(slug);
  for (char& c : out)
    if (c == '-' || c == '_') c = ' ';
  return out;
}

}  // namespace corresp::web
