// The seed letter (tests/data/seed: a 2007 staff letter to Citigroup rendered as plain text,
// with a running page header and comments continued across page breaks).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "indexer/extract/extract.h"

namespace corresp {
namespace {

Letter Seed() {
  std::string path = std::string(CORRESP_TEST_DATA) + "/seed/citigroup-2007-07-03-UPLOAD.txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  return ExtractLetter({bytes, path, std::nullopt});
}

TEST(SeedLetterTest, TwelveCommentsWithTheirHeadings) {
  Letter l = Seed();
  EXPECT_EQ(l.form, "UPLOAD");  // inferred from the text
  EXPECT_EQ(l.kind, LetterKind::kCommentLetter);
  EXPECT_EQ(l.letter_date->ToIso(), "2007-07-03");
  ASSERT_EQ(l.comments.size(), 12u);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(l.comments[i].number, i + 1);
  EXPECT_EQ(l.comments[0].headings.back(), "Bank and Credit Card Customer Rewards Costs, page 11");
  for (int i = 4; i <= 10; ++i)
    EXPECT_EQ(l.comments[i].headings.back(), "Note 23. Derivative Activities, page 148") << i + 1;
  EXPECT_EQ(l.comments[11].headings.back(), "Note 7. Restructuring, page 92");
  EXPECT_EQ(l.comments[4].page_ref, "page 148");
}

TEST(SeedLetterTest, CommentsContinueAcrossPageBreaks) {
  Letter l = Seed();
  ASSERT_EQ(l.comments.size(), 12u);
  // "Specifically address how" / (page break) / "such amounts are reported ..."
  EXPECT_NE(l.comments[0].text.find("address how such amounts"), std::string::npos);
  EXPECT_NE(l.comments[3].text.find("Further, you stated"), std::string::npos);
  // The closing paragraphs and the "Gary Crittenden / July 3, 2007 / Page 7" header stay out.
  for (const Comment& c : l.comments) {
    EXPECT_EQ(c.text.find("Page 7"), std::string::npos);
    EXPECT_EQ(c.text.find("Please respond to these comments"), std::string::npos);
  }
}

TEST(SeedLetterTest, ReferencesFromTheReBlock) {
  Letter l = Seed();
  ASSERT_EQ(l.references.size(), 1u);
  EXPECT_EQ(l.references[0].form, "10-K");
  EXPECT_EQ(l.references[0].period->ToIso(), "2006-12-31");
  EXPECT_EQ(l.references[0].filed->ToIso(), "2007-02-23");
  EXPECT_EQ(l.references[0].file_numbers, std::vector<std::string>{"001-09924"});
  EXPECT_EQ(l.addressee, "Gary Crittenden");
}

}  // namespace
}  // namespace corresp
