// The review-topic taxonomy (docs/topics.md) and the rules that assign topics to a text.
//
// A topic has a stable slug (the index term XTOP<slug>, `topic:<slug>` in queries), a name,
// weighted cue phrases and the accounting standards that imply it. A text's score for a topic
// is the sum over cue occurrences of their weight plus 2 per citation of an implying standard
// (1 when the standard is only reached through the pre-codification <-> ASC map); the topic
// is assigned when the score reaches kTopicThreshold. The score is also the weight the index
// gives the topic term, so texts that dwell on a topic rank above passing mentions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/index/standards.h"

namespace corresp {

struct TopicCue {
  std::string phrase;  // lowercase words separated by one space; a word ending '*' is a prefix
  int weight = 1;      // 2: the phrase alone names the topic; 1: supporting evidence
};

struct Topic {
  std::string slug;  // "hedge-accounting"
  std::string name;  // "Hedge accounting"
  std::vector<TopicCue> cues;
  std::vector<std::string> standards;  // canonical keys implying the topic: "sfas133", "asc815"
};

inline constexpr int kTopicThreshold = 2;

// The curated taxonomy, in documentation order. Slugs are unique.
const std::vector<Topic>& TopicTaxonomy();

struct TopicScore {
  std::string slug;
  int score = 0;
};

// Topics whose score reaches kTopicThreshold, by slug. `standards` are FindStandards(text)
// (passed in so the caller scans the text once).
std::vector<TopicScore> AssignTopics(std::string_view text,
                                     const std::vector<StandardHit>& standards);

// Lowercase words of `text` (letters and digits; everything else separates words): the form
// cue phrases are matched against. "Non-GAAP" -> {"non", "gaap"}; "MD&A" -> {"md", "a"}.
std::vector<std::string> TopicWords(std::string_view text);

}  // namespace corresp
