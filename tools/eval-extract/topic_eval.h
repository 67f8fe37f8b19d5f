// Measuring the topic tagger against hand labels (tests/data/labels/topics-*.tsv: id
// ACCESSION#N, topics comma separated, note): `eval-extract topics LABELS DATA_DIR [--totals]`.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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

// The fold of a label id when the labels are split N ways the way the dev/validation split is
// made (tests/data/labels/README.md): the SHA-256 of the id's UTF-8 bytes read as one
// big-endian integer, mod N (N >= 1).
int FoldOf(std::string_view id, int n);

// Which folds of an N-way split to measure: `--fold 3,4/5` keeps the rows in folds 3 and 4 of
// 5, so rules shaped on some folds can be checked on the others. Parsing "K[,K...]/N"
// (0 <= K < N, N >= 2) gives nullopt on anything else.
struct FoldFilter {
  std::set<int> folds;  // empty: every row
  int of = 1;
  bool Keeps(std::string_view id) const;
};
std::optional<FoldFilter> ParseFoldFilter(std::string_view spec);

// Runs the tagger over each labelled comment (extracted from the mirror at `data_dir`) and
// prints the micro and per-topic figures; with `per_item`, also every item with a wrong or
// missed topic, with its evidence, headings and text. Returns 0, or 1 when a labelled item
// cannot be found.
// Rows outside `folds` are skipped.
int RunTopicLabels(const std::string& labels_tsv, const std::filesystem::path& data_dir,
                   bool per_item, const FoldFilter& folds = {});

}  // namespace corresp::labels
