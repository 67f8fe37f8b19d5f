// Letters of 2004-2015 formats the corpus lacks (EDGAR text documents with <PAGE> marks and SGML
// tables, typed rules, hanging indents, 2005-2012 HTML with <FONT> tags, layout tables and an
// element per printed line, full submissions), written by reader agents who decided each
// letter's kind, date, numbers, first words and heading paths before running the extractor
// (tests/data/synthetic/expected.json; docs/extractor.md, "A QA round on letters of 2004-2015
// formats"). Items are counted as the hand labels count them (labels::LabelItemsOf: staff
// comments, or the restated comments of a reply; a narrative reply has none). Each letter is a
// case; a letter marked "known_gap" names what the extractor still gets wrong and is not
// compared.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "indexer/extract/extract.h"
#include "tools/eval-extract/expected_fields.h"

namespace corresp::testing {
namespace {

using nlohmann::json;

const std::string kDir = std::string(CORRESP_TEST_DATA) + "/synthetic";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct SyntheticCase {
  std::string file;
  json expected;
};
void PrintTo(const SyntheticCase& c, std::ostream* os) { *os << c.file; }

std::vector<SyntheticCase> Cases() {
  json all = json::parse(ReadAll(kDir + "/expected.json"));
  std::vector<SyntheticCase> out;
  for (auto& [file, expected] : all.items()) out.push_back({file, expected});
  return out;
}

class SyntheticLetterTest : public ::testing::TestWithParam<SyntheticCase> {};

TEST_P(SyntheticLetterTest, MatchesItsExpectedFields) {
  const SyntheticCase& c = GetParam();
  if (c.expected.contains("known_gap"))
    GTEST_SKIP() << "known gap: " << c.expected["known_gap"].get<std::string>();
  Letter letter = ExtractLetter({ReadAll(kDir + "/" + c.file), c.file, std::nullopt});
  for (const std::string& difference : labels::ExpectedFieldDifferences(letter, c.expected))
    ADD_FAILURE() << difference;
}

// The comparison itself fails when a field differs: one of the letters above against
// expectations altered field by field, and against malformed ones.
TEST(ExpectedFields, ReportsEachFieldThatDiffers) {
  const std::string file = "D4_staff_followup.pdf";
  json expected = json::parse(ReadAll(kDir + "/expected.json"))[file];
  Letter letter = ExtractLetter({ReadAll(kDir + "/" + file), file, std::nullopt});
  ASSERT_TRUE(labels::ExpectedFieldDifferences(letter, expected).empty());

  json wrong = expected;
  wrong["kind"] = "closing";
  wrong["date"] = nullptr;
  wrong["numbers"][1] = 7;
  wrong["first"][0] = "Please revise";
  wrong["headings"][1][2] = "Note 5. Leases";
  std::vector<std::string> differences = labels::ExpectedFieldDifferences(letter, wrong);
  ASSERT_EQ(differences.size(), 5u) << json(differences).dump();
  EXPECT_EQ(differences[0].rfind("kind: got comment_letter", 0), 0u);
  EXPECT_EQ(differences[1].rfind("date: got \"2013-09-05\"", 0), 0u);
  EXPECT_EQ(differences[2].rfind("item 1 starts", 0), 0u);
  EXPECT_EQ(differences[3].rfind("item 2 number: got 6, want 7", 0), 0u);
  EXPECT_EQ(differences[4].rfind("item 2 headings", 0), 0u);

  json fewer = expected;
  fewer["numbers"] = {5};
  fewer["first"] = {expected["first"][0]};
  fewer["headings"] = {expected["headings"][0]};
  EXPECT_EQ(labels::ExpectedFieldDifferences(letter, fewer),
            std::vector<std::string>{"items: got 2 [5,6], want 1 [5]"});
  json malformed = expected;
  malformed.erase("first");
  EXPECT_EQ(labels::ExpectedFieldDifferences(letter, malformed).size(), 1u);
  malformed = expected;
  malformed["first"] = "We note";
  EXPECT_EQ(labels::ExpectedFieldDifferences(letter, malformed).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Synthetic, SyntheticLetterTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<SyntheticCase>& info) {
                           std::string name = info.param.file.substr(0, 3);
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name + "_" + std::to_string(info.index);
                         });

}  // namespace
}  // namespace corresp::testing
