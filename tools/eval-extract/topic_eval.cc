#include "tools/eval-extract/topic_eval.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "indexer/index/letter_record.h"
#include "indexer/index/topics.h"
#include "store/sha256.h"
#include "tools/eval-extract/label_compare.h"
#include "tools/eval-extract/letter_loader.h"

namespace corresp::labels {

namespace {

// Topics added after topics.tsv was labelled (its guide does not offer them): their
// assignments are reported apart, never counted as wrong or right.
const std::set<std::string>& TopicsNewerThanLabels() {
  static const std::set<std::string> kNew = {"insurance-reserves",
                                             "key-performance-metrics",
                                             "market-risk",
                                             "derivatives",
                                             "regulatory-assets",
                                             "merger-disclosure",
                                             "exhibits-filing-mechanics"};
  return kNew;
}

std::string Fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string JoinSlugs(const std::vector<std::string>& slugs) {
  std::string out;
  for (const std::string& s : slugs) out += (out.empty() ? "" : ",") + s;
  return out.empty() ? "-" : out;
}

// What the index assigns a staff comment (document_builder.cc gives the tagger the same).
struct Tagged {
  std::vector<std::string> slugs;
  std::string evidence;  // "slug: cue, cue; ..." for the report
};

Tagged TagComment(const Comment& c) {
  Tagged out;
  for (const TopicTag& t : TagTopics({c.headings, c.text, ""})) {
    out.slugs.push_back(t.slug);
    std::string cues;
    for (const std::string& cue : t.cues) cues += (cues.empty() ? "" : ", ") + cue;
    out.evidence += (out.evidence.empty() ? "" : "; ") + t.slug + " " + std::to_string(t.score) +
                    " (" + cues + ")";
  }
  return out;
}

const Comment* FindComment(const Letter& letter, const std::string& accession,
                           const std::string& id) {
  LetterRecord record;
  record.accession = Accession{accession};
  record.letter = letter;
  ItemIds ids = MakeItemIds(record);
  for (size_t i = 0; i < ids.comments.size(); ++i)
    if (ids.comments[i] == id) return &letter.comments[i];
  return nullptr;
}

void PrintCounts(const std::string& name, const TopicCounts& c) {
  std::printf("  %-30s %4d %4d %4d   P %s  R %s  F1 %s\n", name.c_str(), c.labelled, c.assigned,
              c.correct, Fixed(Precision(c)).c_str(), Fixed(Recall(c)).c_str(),
              Fixed(F1(c)).c_str());
}

}  // namespace

std::vector<TopicLabel> ReadTopicLabels(const std::string& tsv_path) {
  std::vector<TopicLabel> out;
  for (const auto& row : ReadTsv(tsv_path)) {
    TopicLabel label{row.at("id"), {}};
    for (const std::string& s : Split(row.at("topics"), ","))
      if (!s.empty()) label.slugs.push_back(s);
    out.push_back(std::move(label));
  }
  return out;
}

void TopicScoreboard::Add(const std::vector<std::string>& labelled,
                          const std::vector<std::string>& assigned) {
  for (const std::string& s : labelled) {
    ++micro.labelled;
    ++per_topic[s].labelled;
  }
  for (const std::string& s : assigned) {
    if (!labelled_slugs.count(s)) {
      ++outside[s];
      continue;
    }
    bool right = std::find(labelled.begin(), labelled.end(), s) != labelled.end();
    ++micro.assigned;
    ++per_topic[s].assigned;
    micro.correct += right;
    per_topic[s].correct += right;
  }
}

double Precision(const TopicCounts& c) {
  return c.assigned ? static_cast<double>(c.correct) / c.assigned : 1.0;
}
double Recall(const TopicCounts& c) {
  return c.labelled ? static_cast<double>(c.correct) / c.labelled : 1.0;
}
double F1(const TopicCounts& c) {
  double p = Precision(c), r = Recall(c);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

int FoldOf(std::string_view id, int n) {
  int rest = 0;
  for (char c : Sha256Hex(id)) {
    int digit = c <= '9' ? c - '0' : c - 'a' + 10;
    rest = (rest * 16 + digit) % n;
  }
  return rest;
}

bool FoldFilter::Keeps(std::string_view id) const {
  return folds.empty() || folds.count(FoldOf(id, of)) > 0;
}

std::optional<FoldFilter> ParseFoldFilter(std::string_view spec) {
  auto slash = spec.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<int> {
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    int v = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  std::optional<int> n = number(spec.substr(slash + 1));
  if (!n || *n < 2) return std::nullopt;
  FoldFilter out;
  out.of = *n;
  for (const std::string& k : Split(std::string(spec.substr(0, slash)), ",")) {
    std::optional<int> fold = number(k);
    if (!fold || *fold >= *n) return std::nullopt;
    out.folds.insert(*fold);
  }
  if (out.folds.empty()) return std::nullopt;
  return out;
}

int RunTopicLabels(const std::string& labels_tsv, const std::filesystem::path& data_dir,
                   bool per_item, const FoldFilter& folds) {
  TopicScoreboard board;
  for (const Topic& t : TopicTaxonomy())
    if (!TopicsNewerThanLabels().count(t.slug)) board.labelled_slugs.insert(t.slug);
  int missing = 0, items = 0;
  for (const TopicLabel& label : ReadTopicLabels(labels_tsv)) {
    if (!folds.Keeps(label.id)) continue;
    std::string accession = label.id.substr(0, label.id.find('#'));
    std::optional<Letter> letter = LoadLetter(accession, {data_dir});
    const Comment* comment = letter ? FindComment(*letter, accession, label.id) : nullptr;
    if (!comment) {
      std::cout << label.id << "  MISSING (no such staff comment in " << data_dir.string() << ")\n";
      ++missing;
      continue;
    }
    ++items;
    Tagged got = TagComment(*comment);
    board.Add(label.slugs, got.slugs);
    if (!per_item) continue;
    std::vector<std::string> wrong, missed;
    for (const std::string& s : got.slugs)
      if (board.labelled_slugs.count(s) &&
          std::find(label.slugs.begin(), label.slugs.end(), s) == label.slugs.end())
        wrong.push_back(s);
    for (const std::string& s : label.slugs)
      if (std::find(got.slugs.begin(), got.slugs.end(), s) == got.slugs.end()) missed.push_back(s);
    if (wrong.empty() && missed.empty()) continue;
    std::string headings;
    for (const std::string& h : comment->headings) headings += (headings.empty() ? "" : " / ") + h;
    std::cout << label.id << "  labelled " << JoinSlugs(label.slugs) << "  got "
              << JoinSlugs(got.slugs) << "\n  wrong " << JoinSlugs(wrong) << "  missed "
              << JoinSlugs(missed) << "\n  evidence " << got.evidence << "\n  headings " << headings
              << "\n  text " << comment->text << "\n\n";
  }
  std::cout << "items " << items << (missing ? ", missing " + std::to_string(missing) : "")
            << "\n                                  lab  asg   ok\n";
  PrintCounts("micro (labelled taxonomy)", board.micro);
  std::cout << "per topic\n";
  for (const auto& [slug, counts] : board.per_topic) PrintCounts(slug, counts);
  std::cout << "outside the labelled taxonomy (items assigned):";
  for (const auto& [slug, n] : board.outside) std::cout << " " << slug << "=" << n;
  std::cout << "\n";
  return missing ? 1 : 0;
}

}  // namespace corresp::labels
