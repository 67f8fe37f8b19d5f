// Inputs found by the fuzz targets (tests/fuzz, bench/fuzz), kept as regression tests. Each
// file in tests/data/fuzz-regressions/ must extract without crashing; the crafted cases below
// pin the bug each one exposed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/extract/extract.h"
#include "indexer/segment/segment.h"

namespace corresp {
namespace {

TEST(FuzzRegressions, EveryKeptInputExtracts) {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry :
       fs::directory_iterator(std::string(CORRESP_TEST_DATA) + "/fuzz-regressions")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    for (std::optional<std::string> form :
         {std::optional<std::string>("UPLOAD"), std::optional<std::string>("CORRESP"),
          std::optional<std::string>()}) {
      Letter l = ExtractLetter({bytes, entry.path().string(), form});
      EXPECT_EQ(l.file, entry.path().string());
      // sgml-invalid-utf8.txt: invalid UTF-8 in the letter made the JSON dump throw.
      EXPECT_NO_THROW((void)LetterToJson(l).dump()) << entry.path();
    }
    ++files;
  }
  EXPECT_GE(files, 1);
}

// fuzz_html-empty-item.htm: a numbered item with no text at all in a response letter made
// MakeResponse read parts[0] of an empty list.
TEST(FuzzRegressions, ResponseItemWithoutAnyText) {
  std::vector<Block> blocks(3);
  blocks[0].text = "Dear Sir:";
  blocks[1].text = "In response to the Staff's comments:";
  blocks[2].text = "1.";
  Letter l = SegmentLetter(blocks, std::string("CORRESP"));
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].comment_text, "");
  EXPECT_EQ(l.responses[0].text, "");
}

// A 60,000-character word (any filer can send one) made libstdc++'s std::regex, which recurses
// per character, overflow the stack: `corresp extract` died with SIGSEGV. With RE2 every
// pattern runs in linear time over whole blocks; the word must come through as text.
TEST(FuzzRegressions, SixtyThousandCharacterWordExtracts) {
  std::string word(60000, 'x');
  // A word inside the cues' reach: page lines, page references, prior comment references.
  std::string cues = "<html><body><p>" + word + " Page 2</p><p>" + word +
                     ", page 4</p><p>prior comment " + word + "</p></body></html>";
  for (const char* form : {"UPLOAD", "CORRESP"})
    EXPECT_EQ(ExtractLetter({cues, "cues.htm", std::string(form)}).file, "cues.htm");
  const std::string bodies[] = {
      "<html><body><p>Dear Sir:</p><p>We respond to the Staff's comments.</p><p>1. " + word +
          "</p><p>Response: " + word + "</p></body></html>",
      "Dear Sir:\n\nWe respond to the Staff's comments.\n\n1. " + word + "\n\nResponse: " + word +
          "\n",
  };
  for (const std::string& body : bodies) {
    for (const char* form : {"UPLOAD", "CORRESP"}) {
      Letter l = ExtractLetter({body, body[0] == '<' ? "long.htm" : "long.txt", std::string(form)});
      std::string all;
      for (const Comment& c : l.comments) all += c.text;
      for (const Response& r : l.responses) all += r.comment_text + r.text;
      EXPECT_NE(all.find(word), std::string::npos) << form;
    }
  }
}

}  // namespace
}  // namespace corresp
