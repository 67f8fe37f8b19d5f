// SideOfForm decides whether a form is crawled and which side of the review wrote it.
#include "core/letter_form.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace corresp {
namespace {

TEST(LetterFormTest, SideOfEachForm) {
  struct Case {
    const char* form;
    LetterSide side;
    const char* pins;
  } cases[] = {
      {"UPLOAD", LetterSide::kStaff, "staff comment letters"},
      {"SEC STAFF LETTER", LetterSide::kStaff, "staff letters EDGAR files under 9999999997-"},
      {"CORRESP", LetterSide::kCompany, "company responses"},
      {"DRSLTR", LetterSide::kCompany, "company letters on draft registration statements"},
      {"DOSLTR", LetterSide::kCompany, "company letters on draft Regulation A statements"},
      {"DRS", LetterSide::kNone, "the draft statement itself is not a letter"},
      {"DOS", LetterSide::kNone, "nor the Regulation A draft"},
      {"drsltr", LetterSide::kNone, "EDGAR prints form types in capitals: exact match"},
      {"CORRESP/A", LetterSide::kNone, "no amended letter form exists; not guessed"},
      {"GRAPHIC", LetterSide::kNone, "an exhibit document of a letter filing"},
      {"", LetterSide::kNone, "empty"},
  };
  for (const Case& c : cases) EXPECT_EQ(SideOfForm(c.form), c.side) << c.form << ": " << c.pins;
}

TEST(LetterFormTest, DefaultFormsAreEveryFormWithASide) {
  const std::vector<std::string>& forms = ReviewLetterForms();
  EXPECT_EQ(forms, (std::vector<std::string>{"UPLOAD", "SEC STAFF LETTER", "CORRESP", "DRSLTR",
                                             "DOSLTR"}));
  EXPECT_TRUE(std::all_of(forms.begin(), forms.end(),
                          [](const std::string& f) { return SideOfForm(f) != LetterSide::kNone; }));
}

}  // namespace
}  // namespace corresp
