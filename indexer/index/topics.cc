#include "indexer/index/topics.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <unordered_map>

namespace corresp {

namespace {

struct CompiledCue {
  size_t topic = 0;
  int weight = 1;
  std::vector<std::string> words;  // a trailing '*' marks a prefix word
};

std::string Key(std::string_view word) {
  if (!word.empty() && word.back() == '*') word.remove_suffix(1);
  return std::string(word.substr(0, 4));
}

bool WordMatches(const std::string& pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*')
    return word.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return pattern == word;
}

// Cues indexed by the first four letters of their first word.
class CueIndex {
 public:
  CueIndex() {
    const auto& topics = TopicTaxonomy();
    for (size_t t = 0; t < topics.size(); ++t) {
      for (const TopicCue& cue : topics[t].cues) {
        CompiledCue c{t, cue.weight, {}};
        std::stringstream in(cue.phrase);
        std::string w;
        while (in >> w) c.words.push_back(w);
        if (!c.words.empty()) by_key_[Key(c.words[0])].push_back(std::move(c));
      }
    }
  }
  const std::vector<CompiledCue>* Find(const std::string& word) const {
    auto it = by_key_.find(Key(word));
    return it == by_key_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, std::vector<CompiledCue>> by_key_;
};

bool MatchesAt(const CompiledCue& cue, const std::vector<std::string>& words, size_t i) {
  if (i + cue.words.size() > words.size()) return false;
  for (size_t k = 0; k < cue.words.size(); ++k)
    if (!WordMatches(cue.words[k], words[i + k])) return false;
  return true;
}

}  // namespace

std::vector<std::string> TopicWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      cur += static_cast<char>(std::tolower(u));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::vector<TopicScore> AssignTopics(std::string_view text,
                                     const std::vector<StandardHit>& standards) {
  static const CueIndex kIndex;
  const auto& topics = TopicTaxonomy();
  std::vector<int> score(topics.size(), 0);
  std::vector<std::string> words = TopicWords(text);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::vector<CompiledCue>* cues = kIndex.Find(words[i]);
    if (!cues) continue;
    for (const CompiledCue& cue : *cues)
      if (MatchesAt(cue, words, i)) score[cue.topic] += cue.weight;
  }
  for (size_t t = 0; t < topics.size(); ++t) {
    for (const StandardHit& hit : standards) {
      if (std::find(topics[t].standards.begin(), topics[t].standards.end(), hit.key) ==
          topics[t].standards.end())
        continue;
      score[t] += hit.direct ? 2 * hit.count : 1;
    }
  }
  std::vector<TopicScore> out;
  for (size_t t = 0; t < topics.size(); ++t)
    if (score[t] >= kTopicThreshold) out.push_back(TopicScore{topics[t].slug, score[t]});
  std::sort(out.begin(), out.end(),
            [](const TopicScore& a, const TopicScore& b) { return a.slug < b.slug; });
  return out;
}

}  // namespace corresp
