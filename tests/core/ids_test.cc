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
