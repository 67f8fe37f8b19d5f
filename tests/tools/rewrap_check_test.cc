// The label-free check of the plain-text reader (tools/eval-extract/rewrap_check.h): blocks
// written as a hard-wrapped text letter, differences between two extractions named in order,
// and real PDF and HTML letters of the test data extracting alike from their text form.
#include "tools/eval-extract/rewrap_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/extract/extract.h"
#include "indexer/extract/html_reader.h"
#include "indexer/extract/pdf_reader.h"

namespace corresp {
namespace {

namespace fs = std::filesystem;

Block Para(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

TEST(Rewrap, AsTextLetterWrapsEachBlockAndSeparatesThem) {
  std::string text = rewrap::AsTextLetter(
      {Para("General"),
       Para("1. We note your disclosure of revenue by segment on page 12 and the discussion of "
            "its changes in the results of operations.")},
      "UPLOAD", 40);
  EXPECT_EQ(text.rfind("<DOCUMENT>\n<TYPE>UPLOAD\n", 0), 0u);
  std::string body = text.substr(text.find("<TEXT>\n") + 7);
  body = body.substr(0, body.find("</TEXT>"));
  EXPECT_EQ(body,
            "General\n\n"
            "1. We note your disclosure of revenue by\n"
            "segment on page 12 and the discussion of\n"
            "its changes in the results of\n"
            "operations.\n");
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 40u) << line;
}

TEST(Rewrap, FirstDifferenceNamesWhatDiffersFirst) {
  Letter a;
  a.kind = LetterKind::kCommentLetter;
  a.comments.push_back(Comment{1,
                               {"Form 10-K", "Revenue, page 12"},
                               {},
                               "We note your disclosure of revenue by "
                               "segment.",
                               {}});
  Letter b = a;
  EXPECT_EQ(rewrap::FirstDifference(a, b), "");
  b.comments[0].text = "We note your disclosure of revenue by segment.\n\nPlease revise.";
  EXPECT_EQ(rewrap::FirstDifference(a, b), "") << "the first six words agree";
  b.comments[0].headings = {"Form 10-K"};
  EXPECT_EQ(rewrap::FirstDifference(a, b), "comment 1 heading");
  b.comments[0].text = "Revenue, page 12 We note";
  EXPECT_EQ(rewrap::FirstDifference(a, b), "comment 1 start");
  b.comments.push_back(a.comments[0]);
  EXPECT_EQ(rewrap::FirstDifference(a, b), "comment count");
  b.kind = LetterKind::kResponse;
  EXPECT_EQ(rewrap::FirstDifference(a, b), "kind");
  Letter r;
  r.kind = LetterKind::kResponse;
  r.responses.push_back(Response{2, {}, "Please revise.", "We will revise."});
  Letter s = r;
  s.responses[0].text = "Please revise. We will revise.";
  EXPECT_EQ(rewrap::FirstDifference(r, s), "response 2 start");
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Real letters of the test data: a staff PDF and a company HTML letter extract alike from their
// blocks hard-wrapped as text letters of their form.
TEST(Rewrap, RealLettersExtractAlikeAsTextLetters) {
  const fs::path data = fs::path(CORRESP_TEST_DATA) / "labelled";
  struct Case {
    const char* file;
    const char* form;
  };
  for (const Case& c :
       {Case{"0000000000-16-082877.pdf", "UPLOAD"}, Case{"0000037996-18-000049.htm", "CORRESP"}}) {
    SCOPED_TRACE(c.file);
    std::string bytes = ReadFile(data / c.file);
    ASSERT_FALSE(bytes.empty());
    Letter original = ExtractLetter({bytes, c.file, std::string(c.form)});
    ASSERT_FALSE(original.comments.empty() && original.responses.empty());
    BlockDocument blocks = std::string(c.file).ends_with(".pdf") ? ReadPdf(bytes) : ReadHtml(bytes);
    std::string text = rewrap::AsTextLetter(blocks.blocks, c.form);
    Letter again = ExtractLetter({text, "letter.txt", std::string(c.form)});
    EXPECT_EQ(rewrap::FirstDifference(original, again), "");
  }
}

}  // namespace
}  // namespace corresp
