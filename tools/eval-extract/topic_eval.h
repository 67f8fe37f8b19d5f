// Measuring the topic tagger against hand labels (tests/data/labels/topics-*.tsv: id
// ACCESSION#N, topics comma separated, note): `eval-extract topics LABELS DATA_DIR [--totals]`.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace corresp::labels {

struct TopicLabel {
  std::string id;                  // ACCESSION#N, the index's item id
  std::vector<std::string> slugs;  // 0-3 topics by subject
};

// Rows of a topic label file; a blank topics cell is "no topic".
std::vector<TopicLabel> ReadTopicLabels(const std::string& tsv_path);

struct TopicCounts {
  int labelled = 0, assigned = 0, correct = 0;
};

// Scores of assigned topics against labelled ones. Only slugs of the labelled taxonomy
// (`labelled_slugs`) count toward precision; assignments of other slugs (topics added after
// the labels were made) are counted apart in `outside`.
struct TopicScoreboard {
  std::set<std::string> labelled_slugs;
  TopicCounts micro;
  std::map<std::string, TopicCounts> per_topic;
  std::map<std::string, int> outside;  // slug -> items assigned it

  void Add(const std::vector<std::string>& labelled, const std::vector<std::string>& assigned);
};

// Precision, recall, F1 of counts (1 when the denominator is 0).
double Precision(const TopicCounts& c);
double Recall(const TopicCounts& c);
double F1(const TopicCounts& c);

// Runs the tagger over each labelled comment (extracted from the mirror at `data_dir`) and
// prints the micro and per-topic figures; with `per_item`, also every item with a wrong or
// missed topic, with its evidence, headings and text. Returns 0, or 1 when a labelled item
// cannot be found.
int RunTopicLabels(const std::string& labels_tsv, const std::filesystem::path& data_dir,
                   bool per_item);

}  // namespace corresp::labels
