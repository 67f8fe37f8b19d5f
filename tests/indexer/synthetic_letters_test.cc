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
#include "tools/eval-extract/label_compare.h"

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
  EXPECT_EQ(LetterKindName(letter.kind), c.expected["kind"].get<std::string>());
  EXPECT_EQ(letter.letter_date ? json(letter.letter_date->ToIso()) : json(nullptr),
            c.expected["date"]);
  std::vector<labels::LabelItem> items = labels::LabelItemsOf(letter);
  const json& first = c.expected["first"];
  ASSERT_EQ(items.size(), first.size());
  const json& numbers = c.expected["numbers"];
  for (size_t i = 0; i < items.size(); ++i) {
    SCOPED_TRACE("item " + std::to_string(i + 1));
    if (numbers.empty())
      EXPECT_FALSE(items[i].number);
    else
      EXPECT_EQ(items[i].number ? json(*items[i].number) : json(nullptr), numbers[i]);
    EXPECT_TRUE(labels::StartsWithWords(items[i].text, first[i]))
        << "starts '" << items[i].text.substr(0, 80) << "', want '" << first[i].get<std::string>()
        << "'";
    std::vector<std::string> want = c.expected["headings"][i];
    ASSERT_EQ(items[i].headings.size(), want.size()) << json(items[i].headings).dump();
    for (size_t h = 0; h < want.size(); ++h)
      EXPECT_EQ(labels::SquashHeadings({items[i].headings[h]}), labels::SquashHeadings({want[h]}))
          << items[i].headings[h] << " / want " << want[h];
  }
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
