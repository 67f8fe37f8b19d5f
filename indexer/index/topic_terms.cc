#include "indexer/index/topic_terms.h"

#include <algorithm>

#include "core/index_schema.h"

namespace corresp {

TopicFields AddItemTopics(Xapian::Document& doc, const TopicInput& input) {
  namespace s = schema;
  TopicFields out;
  for (const TopicTag& t : TagTopics(input)) {
    doc.add_term(s::Term(s::kPrefixTopic, t.slug), std::min(t.score, kMaxTopicWdf));
    out.facets += std::string("\t") + s::kFacetTopic + "=" + t.slug;
    out.slugs.push_back(t.slug);
    out.evidence.push_back({{"slug", t.slug}, {"cues", t.cues}});
  }
  return out;
}

}  // namespace corresp
