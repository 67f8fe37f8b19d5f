#include "core/ids.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

TEST(CikTest, ParsesWithAndWithoutPadding) {
  EXPECT_EQ(Cik::Parse("0001090872")->value, 1090872u);
  EXPECT_EQ(Cik::Parse(" 1090872 ")->ToString(), "1090872");
  EXPECT_EQ(Cik::Parse("1090872")->Padded(), "0001090872");
  EXPECT_FALSE(Cik::Parse("").has_value());
  EXPECT_FALSE(Cik::Parse("12a").has_value());
  EXPECT_FALSE(Cik::Parse("00000000000").has_value());
  EXPECT_FALSE(Cik::Parse("0").has_value());
}

TEST(AccessionTest, AcceptsDashedAndPlainForms) {
  EXPECT_EQ(Accession::Parse("0001090872-16-000078")->NoDashes(), "000109087216000078");
  EXPECT_EQ(Accession::Parse("000109087216000078")->text, "0001090872-16-000078");
  EXPECT_FALSE(Accession::Parse("0001090872-16-00007").has_value());
  EXPECT_FALSE(Accession::Parse("000109087216000078x").has_value());
}

TEST(AccessionTest, OutsideEdgarIdsNeverLookLikeEdgarOnes) {
  const std::string sha = "3FA9C2D417E0B6A8" + std::string(48, '0');
  std::optional<Accession> outside = Accession::OutsideEdgar(sha);
  ASSERT_TRUE(outside.has_value());
  EXPECT_EQ(outside->text, "X-3fa9c2d417e0b6a8");
  EXPECT_TRUE(outside->IsOutsideEdgar());
  EXPECT_FALSE(Accession::Parse("0000000000-16-092800")->IsOutsideEdgar());
  struct Case {
    const char* text;
    const char* parsed;  // nullptr: rejected
    const char* pins;
  } cases[] = {
      {"X-3fa9c2d417e0b6a8", "X-3fa9c2d417e0b6a8", "the canonical synthetic id"},
      {"x-3FA9C2D417E0B6A8", "X-3fa9c2d417e0b6a8", "typed in another case"},
      {" X-3fa9c2d417e0b6a8 ", "X-3fa9c2d417e0b6a8", "spaces around, as for EDGAR ids"},
      {"X-3fa9c2d417e0b6a", nullptr, "one digit short"},
      {"X-3fa9c2d417e0b6a8f", nullptr, "one digit long"},
      {"X-3fa9c2d417e0b6g8", nullptr, "not hex"},
      {"Y-3fa9c2d417e0b6a8", nullptr, "another prefix"},
      {"0001090872-16-000078", "0001090872-16-000078", "EDGAR ids are unchanged"},
  };
  for (const Case& c : cases) {
    std::optional<Accession> a = Accession::Parse(c.text);
    if (c.parsed == nullptr) {
      EXPECT_FALSE(a.has_value()) << c.text << ": " << c.pins;
    } else {
      ASSERT_TRUE(a.has_value()) << c.text << ": " << c.pins;
      EXPECT_EQ(a->text, c.parsed) << c.pins;
    }
  }
  EXPECT_FALSE(Accession::OutsideEdgar("3fa9").has_value()) << "too short a hash";
  EXPECT_FALSE(Accession::OutsideEdgar(std::string(63, 'a') + "z").has_value()) << "not hex";
}

TEST(PathsTest, FollowEdgarLayout) {
  Cik cik{1090872};
  Accession acc{"0001090872-16-000078"};
  EXPECT_EQ(SubmissionTextPath(cik, acc), "Archives/edgar/data/1090872/0001090872-16-000078.txt");
  EXPECT_EQ(FilingIndexJsonPath(cik, acc),
            "Archives/edgar/data/1090872/000109087216000078/index.json");
  EXPECT_EQ(SecFilingUrl(cik, acc, "filename1.htm"),
            "https://www.sec.gov/Archives/edgar/data/1090872/000109087216000078/filename1.htm");
}

}  // namespace
}  // namespace corresp
