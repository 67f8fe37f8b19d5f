// eval-extract topics: how assigned topics are scored against labels, and the label file.
#include "tools/eval-extract/topic_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace corresp::labels {
namespace {

TEST(TopicScoreboard, CountsMicroAndPerTopicAndKeepsNewTopicsApart) {
  TopicScoreboard board;
  board.labelled_slugs = {"income-taxes", "goodwill-impairment", "non-gaap"};
  board.Add({"income-taxes"}, {"income-taxes", "goodwill-impairment"});  // one right, one wrong
  board.Add({"non-gaap", "income-taxes"}, {"non-gaap", "market-risk"});  // one missed; new slug
  board.Add({}, {});                                                     // nothing either way
  EXPECT_EQ(board.micro.labelled, 3);
  EXPECT_EQ(board.micro.assigned, 3) << "market-risk is outside the labelled taxonomy";
  EXPECT_EQ(board.micro.correct, 2);
  EXPECT_EQ(board.outside.at("market-risk"), 1);
  EXPECT_EQ(board.per_topic.at("income-taxes").labelled, 2);
  EXPECT_EQ(board.per_topic.at("income-taxes").correct, 1);
  EXPECT_EQ(board.per_topic.at("goodwill-impairment").assigned, 1);
  EXPECT_EQ(board.per_topic.at("goodwill-impairment").correct, 0);
  EXPECT_DOUBLE_EQ(Precision(board.micro), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Recall(board.micro), 2.0 / 3);
  EXPECT_DOUBLE_EQ(F1(board.per_topic.at("goodwill-impairment")), 0.0);
  EXPECT_DOUBLE_EQ(Precision(TopicCounts{}), 1.0) << "nothing assigned, nothing wrong";
}

TEST(FoldOf, MatchesTheLabelSplitRule) {
  // python3 -c 'import hashlib,sys; print(int(hashlib.sha256(sys.argv[1].encode())
  //   .hexdigest(),16)%N)' ID
  EXPECT_EQ(FoldOf("0000000000-16-061961#10", 5), 2);
  EXPECT_EQ(FoldOf("0000000000-20-011696#1", 5), 0);
  EXPECT_EQ(FoldOf("0000000000-16-094772#1", 5), 3);
  EXPECT_EQ(FoldOf("0000000000-16-094772#1", 3), 1) << "dev: not 0 mod 3";
}

TEST(ParseFoldFilter, KeepsTheNamedFoldsAndRejectsNonsense) {
  std::optional<FoldFilter> f = ParseFoldFilter("3,4/5");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->of, 5);
  EXPECT_EQ(f->folds, (std::set<int>{3, 4}));
  EXPECT_TRUE(f->Keeps("0000000000-16-094772#1"));
  EXPECT_FALSE(f->Keeps("0000000000-20-011696#1"));
  EXPECT_TRUE(FoldFilter{}.Keeps("anything")) << "no filter keeps every row";
  for (const char* bad : {"", "3", "3/", "/5", "5/5", "1/1", "a/5", "1,,2/5", "-1/5"})
    EXPECT_FALSE(ParseFoldFilter(bad).has_value()) << bad;
}

TEST(ReadTopicLabels, BlankMeansNoTopicAndCommasSeparate) {
  auto path = std::filesystem::temp_directory_path() /
              ("topic_labels_" + std::to_string(::getpid()) + ".tsv");
  {
    std::ofstream out(path);
    out << "id\ttopics\tnote\n"
        << "0000000000-16-061961#10\t\tmerger background\n"
        << "0000000000-16-066278#2\tsegment-reporting,income-taxes\tASC 280\n";
  }
  auto rows = ReadTopicLabels(path.string());
  std::filesystem::remove(path);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, "0000000000-16-061961#10");
  EXPECT_TRUE(rows[0].slugs.empty());
  EXPECT_EQ(rows[1].slugs, (std::vector<std::string>{"segment-reporting", "income-taxes"}));
}

}  // namespace
}  // namespace corresp::labels
