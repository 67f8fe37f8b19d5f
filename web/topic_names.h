// Display names of topic slugs ("liquidity-mdna" -> "Liquidity and MD&A"), read from the
// index's "topics" metadata (the taxonomy the index was built with, docs/topics.md).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "query/index_reader.h"

namespace corresp::web {

class TopicNames {
 public:
  // From the "topics" metadata JSON ([{"slug","name",...}]); empty for anything else.
  static TopicNames FromMetadata(const std::string& topics_json);
  // The names of the index `reader` reads (empty when it has none).
  static TopicNames Of(IndexReader& reader);

  // The topic's name; an unknown slug in plain words ("new-topic" -> "new topic").
  std::string Label(std::string_view slug) const;

 private:
  std::map<std::string, std::string, std::less<>> names_;
};

}  // namespace corresp::web
