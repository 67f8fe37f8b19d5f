// The PDF reader on a real staff letter (tests/data/labelled/0000000000-18-014626.pdf, 2018):
// its captions are underlined only, one of them numbered like a comment ("1. Organization and
// Summary of Significant Accounting Policies"). poppler's drawn rules under the words make
// them captions; without them the numbered caption restarted the comments and the letter read
// as one comment.
#include "indexer/extract/pdf_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/extract/extract.h"

namespace corresp::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kLetter = std::string(CORRESP_TEST_DATA) + "/labelled/0000000000-18-014626.pdf";

TEST(PdfReader, UnderlinedCaptionsAreEmphasized) {
  BlockDocument doc = ReadPdf(ReadAll(kLetter));
  ASSERT_TRUE(doc.issues.empty());
  std::vector<std::string> underlined;
  for (const Block& b : doc.blocks)
    if (b.underline) underlined.push_back(b.text);
  EXPECT_EQ(underlined,
            (std::vector<std::string>{
                "Via E-mail", "Form 10-K for the Fiscal Year Ended December 31, 2017",
                "Item 7. Management\u2019s Discussion and Analysis of Financial Condition and "
                "Results of Operations",
                "Results of Operations, page 44", "Notes to Consolidated Financial Statements",
                "1. Organization and Summary of Significant Accounting Policies",
                "Cost of Sales, page 84", "Form 8-K Filed February 28, 2018", "Exhibit 99.1"}));
}

TEST(PdfReader, UnderlinedNumberedCaptionIsNoComment) {
  Letter l = ExtractLetter({ReadAll(kLetter), "filename1.pdf", "UPLOAD"});
  ASSERT_EQ(l.comments.size(), 3u);
  EXPECT_EQ(l.comments[1].number, 2);
  EXPECT_EQ(
      l.comments[1].headings,
      (std::vector<std::string>{"Form 10-K for the Fiscal Year Ended December 31, 2017",
                                "Notes to Consolidated Financial Statements",
                                "1. Organization and Summary of Significant Accounting Policies",
                                "Cost of Sales, page 84"}));
  EXPECT_EQ(l.comments[2].headings,
            (std::vector<std::string>{"Form 8-K Filed February 28, 2018", "Exhibit 99.1"}));
}

}  // namespace
}  // namespace corresp::testing
