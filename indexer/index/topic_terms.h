// An item's topics as its Xapian document carries them (core/index_schema.h,
// docs/index-schema.md): called by document_builder.cc for every item.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/index/topics.h"

namespace corresp {

// The most wdf an XTOP<slug> term gets: beyond it more evidence no longer ranks higher.
inline constexpr int kMaxTopicWdf = 50;

struct TopicFields {
  nlohmann::json slugs = nlohmann::json::array();     // data "topics": ["income-taxes"]
  nlohmann::json evidence = nlohmann::json::array();  // data "topics_evidence"
  std::string facets;                                 // "\tT=<slug>" per topic
};

// Tags the item (TagTopics) and adds XTOP<slug> to `doc` with the score as wdf; returns the
// data fields and facet entries. topics_evidence: [{"slug": s, "cues": [...]}], one per topic.
TopicFields AddItemTopics(Xapian::Document& doc, const TopicInput& input);

}  // namespace corresp
