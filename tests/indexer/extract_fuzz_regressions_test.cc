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

}  // namespace
}  // namespace corresp
