// The company-name word rule shared by the index (XCO terms) and queries (company:).
#include "core/company_name.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

TEST(CompanyNameTest, WordsAndKey) {
  struct Case {
    const char* name;
    std::vector<std::string> words;
    const char* key;
    const char* pins;
  } cases[] = {
      {"CITIGROUP INC", {"citigroup", "inc"}, "citigroup inc", "index spelling"},
      {"Citigroup, Inc.", {"citigroup", "inc"}, "citigroup inc", "letter spelling: same key"},
      {"ONEOK INC /NEW/", {"oneok", "inc", "new"}, "oneok inc new", "EDGAR's /STATE/ suffixes"},
      {"AT&T Inc.", {"at", "t", "inc"}, "at t inc", "& separates"},
      {"C. H. ROBINSON WORLDWIDE, INC.",
       {"c", "h", "robinson", "worldwide", "inc"},
       "c h robinson worldwide inc",
       "initials"},
      {"3M CO", {"3m", "co"}, "3m co", "digits are word characters"},
      {"Natura &Co Holding S.A.",
       {"natura", "co", "holding", "s", "a"},
       "natura co holding s a",
       ""},
      {"Nestl\xc3\xa9 S.A.", {"nestl", "s", "a"}, "nestl s a", "non-ASCII bytes separate"},
      {"  --  ", {}, "", "no word"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CompanyNameWords(c.name), c.words) << c.name << ": " << c.pins;
    EXPECT_EQ(CompanyNameKey(c.name), c.key) << c.name << ": " << c.pins;
  }
}

}  // namespace
}  // namespace corresp
