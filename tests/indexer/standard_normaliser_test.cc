// Pins the accounting-standard recogniser: every spelling of one standard gives one key, and
// the pre-codification <-> ASC map adds the counterpart.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/index_schema.h"
#include "indexer/index/standards.h"

namespace corresp {
namespace {

std::vector<std::string> Keys(std::string_view text, bool direct_only = true) {
  std::vector<std::string> out;
  for (const StandardHit& h : FindStandards(text))
    if (h.direct || !direct_only) out.push_back(h.key);
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& k) {
  return std::find(v.begin(), v.end(), k) != v.end();
}

struct Case {
  const char* text;
  const char* key;
};

class StandardSpellings : public ::testing::TestWithParam<Case> {};

TEST_P(StandardSpellings, NormalisesToOneKey) {
  std::vector<std::string> keys = Keys(GetParam().text);
  EXPECT_TRUE(Has(keys, GetParam().key)) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    All, StandardSpellings,
    ::testing::Values(
        Case{"reference the appropriate sections of SFAS 133, including", "sfas133"},
        Case{"as required by FAS 133.", "sfas133"},
        Case{"paragraph 65 of Statement 133", "sfas133"},
        Case{"under Statement No. 133", "sfas133"},
        Case{"Statement of Financial Accounting Standards No. 133", "sfas133"},
        Case{"SFAS No. 141(R)", "sfas141"}, Case{"under ASC 815-10-50", "asc815-10"},
        Case{"under ASC 815-10-50", "asc815"}, Case{"ASC Topic 606", "asc606"},
        Case{"Accounting Standards Codification 350", "asc350"},
        Case{"SOP 01-6 requires", "sop01-6"}, Case{"Statement of Position 03-3", "sop03-3"},
        Case{"EITF 00-19", "eitf00-19"}, Case{"EITF Issue No. 00-21", "eitf00-21"},
        Case{"SAB 104", "sab104"}, Case{"Staff Accounting Bulletin No. 104", "sab104"},
        Case{"SAB Topic 13", "sabtopic13"}, Case{"IAS 39", "ias39"}, Case{"IFRS 9", "ifrs9"},
        Case{"APB Opinion No. 25", "apb25"}, Case{"FIN 48", "fin48"},
        Case{"FASB Interpretation No. 46", "fin46"}, Case{"ASU 2016-13", "asu2016-13"},
        Case{"Item 303 of Regulation S-K", "regsk303"},
        Case{"Item 303(a)(3)(ii) of Regulation S-K", "regsk303"},
        Case{"Regulation S-K Item 105", "regsk105"},
        Case{"Rule 3-05 of Regulation S-X", "regsx3-05"},
        Case{"We note ASC paragraph 805-30-30-1 states", "asc805"},
        Case{"measured in accordance with Topic\n\n805.", "asc805"},
        Case{"under Subtopic 605-50", "asc605-50"},
        Case{"Article 4-08(h)(1) of Regulation S-X", "regsx4-08"},
        Case{"Article 4-08(h)(1) of Regulation S-X", "regsx4-08h"},
        Case{"pursuant to Rule 3-05 and Article 11 of Regulation S-X", "regsx3-05"},
        Case{"pursuant to Rule 3-05 and Article 11 of Regulation S-X", "regsx11"}));

TEST(StandardRecogniser, ReadsTopicsAndRulesInTheirContext) {
  // "Topic 5" is a SAB topic or a heading number, not the Codification's (three digits).
  EXPECT_TRUE(Keys("See Topic 5 and Topic 12.").empty());
  // "SAB Topic 13" and "ASC Topic 606" count once, under their own names.
  EXPECT_EQ(Keys("SAB Topic 13"), std::vector<std::string>{"sabtopic13"});
  auto hits = FindStandards("ASC Topic 606");
  auto it = std::find_if(hits.begin(), hits.end(), [](auto& h) { return h.key == "asc606"; });
  ASSERT_NE(it, hits.end());
  EXPECT_EQ(it->count, 1);
  // A rule's regulation is the one its own "of" names, not a later citation's.
  EXPECT_TRUE(Keys("Rule 4-08(e) of the Schedule and Item 303 of Regulation S-K") ==
              std::vector<std::string>{"regsk303"});
  EXPECT_TRUE(Keys("Item 7 and Rule 3-05 of Regulation S-X") ==
              std::vector<std::string>{"regsx3-05"});
  // A paragraph is a letter: "Rule 3-05 of" has none.
  EXPECT_EQ(Keys("Rule 3-05 of Regulation S-X"), std::vector<std::string>{"regsx3-05"});
}

TEST(StandardMap, PreCodificationAndAscFindEachOther) {
  EXPECT_TRUE(Has(Keys("SFAS 133", false), "asc815"));
  EXPECT_TRUE(Has(Keys("ASC 815", false), "sfas133"));
  EXPECT_TRUE(Has(Keys("SOP 01-6", false), "asc310-10"));
  EXPECT_TRUE(Has(Keys("SOP 01-6", false), "asc310"));
  EXPECT_TRUE(Has(Keys("SFAS 146", false), "asc420"));
  EXPECT_TRUE(Has(Keys("ASC 420", false), "sfas146"));
  // Mapped keys are marked as not cited.
  for (const StandardHit& h : FindStandards("SFAS 133"))
    EXPECT_EQ(h.direct, h.key == "sfas133") << h.key;
}

TEST(StandardRecogniser, CountsCitations) {
  auto hits = FindStandards("SFAS 133 ... FAS 133 ... Statement 133");
  auto it = std::find_if(hits.begin(), hits.end(), [](auto& h) { return h.key == "sfas133"; });
  ASSERT_NE(it, hits.end());
  EXPECT_EQ(it->count, 3);
}

TEST(StandardRecogniser, IgnoresYearsAndPlainItems) {
  EXPECT_TRUE(Keys("our statement 2007 results").empty());
  EXPECT_TRUE(Keys("Item 7 of the Form 10-K").empty());
  EXPECT_TRUE(Keys("").empty());
  EXPECT_TRUE(Keys("SFAS").empty());
}

TEST(CanonicalStandardKey, MatchesRecogniserKeys) {
  EXPECT_EQ(schema::CanonicalStandardKey("SFAS 133"), "sfas133");
  EXPECT_EQ(schema::CanonicalStandardKey("FAS 133"), "sfas133");
  EXPECT_EQ(schema::CanonicalStandardKey("Statement No. 133"), "sfas133");
  EXPECT_EQ(schema::CanonicalStandardKey("sfas133"), "sfas133");
  EXPECT_EQ(schema::CanonicalStandardKey("ASC 815-10"), "asc815-10");
  EXPECT_EQ(schema::CanonicalStandardKey("Topic 606"), "asc606");
  EXPECT_EQ(schema::CanonicalStandardKey("SOP 01-6"), "sop01-6");
  EXPECT_EQ(schema::CanonicalStandardKey("Rule 4-08(h)"), "regsx4-08h");
  EXPECT_EQ(schema::CanonicalStandardKey("Article 11"), "regsx11");
}

TEST(StandardLabel, Readable) {
  EXPECT_EQ(StandardLabel("sfas133"), "SFAS 133");
  EXPECT_EQ(StandardLabel("regsk303"), "Regulation S-K Item 303");
  EXPECT_EQ(StandardLabel("regsx4-08h"), "Regulation S-X Rule 4-08(h)");
  EXPECT_EQ(StandardLabel("regsx3-05"), "Regulation S-X Rule 3-05");
}

}  // namespace
}  // namespace corresp
