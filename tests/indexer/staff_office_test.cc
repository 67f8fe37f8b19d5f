// The reviewing office and the staff contacts, decided on the words real letters use
// (signature blocks of the corpus, PDF page furniture included).
#include "indexer/segment/staff_office.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

struct OfficeCase {
  const char* label;
  std::vector<std::string> lines;
  const char* want;  // "" = none
};

TEST(OfficeIn, Table) {
  const OfficeCase kCases[] = {
      {"one line",
       {"Sincerely,", "/s/ Jane Doe", "Office of Manufacturing"},
       "Office of Manufacturing"},
      {"name continued on the next line after 'and'",
       {"Jennifer Monick", "Assistant Chief Accountant", "Office of Real Estate and",
        "Commodities"},
       "Office of Real Estate and Commodities"},
      {"'&' written 'and', a stray hyphen dropped",
       {"Senior Staff Accountant Office of Real Estate & - Commodities cc: John Roe"},
       "Office of Real Estate and Commodities"},
      {"Oxford comma before 'and'",
       {"Office of Beverages, Apparel, and Mining"},
       "Office of Beverages, Apparel and Mining"},
      {"template field labels after the name are furniture",
       {"Office of Manufacturing FirstName LastName"},
       "Office of Manufacturing"},
      {"a page header between a name and its continuation",
       {"Office of Manufacturing and", "May 3, 2017 Page 3", "Construction"},
       "Office of Manufacturing and Construction"},
      {"the last office named wins (the signature, not a body mention)",
       {"contact the Office of Chief Counsel at (202) 551-3500", "Office of Finance"},
       "Office of Finance"},
      {"older letters: AD Office number and name",
       {"Assistant Director", "AD Office 11 - Telecommunications"},
       "Office of Telecommunications"},
      {"Disclosure Review Program",
       {"Division of Corporation Finance", "Disclosure Review Program"},
       "Disclosure Review Program"},
      {"Division alone",
       {"Sincerely,", "Division of Corporation Finance"},
       "Division of Corporation Finance"},
      {"nothing named", {"Sincerely,", "/s/ Jane Doe", "Assistant Director"}, ""},
  };
  for (const OfficeCase& c : kCases) {
    std::optional<std::string> got = OfficeIn(c.lines);
    if (*c.want)
      EXPECT_EQ(got.value_or("(none)"), c.want) << c.label;
    else
      EXPECT_FALSE(got) << c.label << ": " << *got;
  }
}

struct ContactCase {
  const char* label;
  const char* text;
  std::vector<std::string> want;
};

TEST(ContactsIn, Table) {
  const std::string signer = "Era Anagnosti";
  const ContactCase kCases[] = {
      {"two people, no titles",
       "You may contact Brian McAllister at (202) 551-3341 or Raj Rajan at (202) 551-3388 if you "
       "have questions regarding comments on the financial statements.",
       {"Brian McAllister", "Raj Rajan"}},
      {"title between commas; 'me' is the signer",
       "Please contact Eric Envall, Staff Attorney, at (202) 551-3234 or me at (202) 551-3369 with "
       "any questions.",
       {"Eric Envall", "Era Anagnosti"}},
      {"title without a closing comma, dotted phone, 'the undersigned'",
       "You may contact Mark Rakip, Staff Accountant at 202.551.3573 or the undersigned at "
       "202.551.3295 with any questions.",
       {"Mark Rakip", "Era Anagnosti"}},
      {"middle initial",
       "You may contact Jim B. Rosenberg at (202) 551-3679.",
       {"Jim B. Rosenberg"}},
      {"two sentences, repeats once",
       "You may contact Bonnie Baynes, Staff Accountant, at (202) 551-4924. In this regard, do "
       "not hesitate to contact Bonnie Baynes at (202) 551-4924.",
       {"Bonnie Baynes"}},
      {"older wording: 'direct them to', 'or, in her absence, to the undersigned'",
       "If you have any questions regarding these comments, please direct them to Mary Lee, "
       "Staff Accountant, at (202) 551-3333 or, in her absence, to the undersigned at (202) "
       "551-3344.",
       {"Mary Lee", "Era Anagnosti"}},
      {"'please call'",
       "Please call Jane Doe at (202) 551-3333 if you have any questions.",
       {"Jane Doe"}},
      {"a contact without a phone is not a staff contact",
       "Please contact the Office of Chief Counsel regarding this request.",
       {}},
  };
  for (const ContactCase& c : kCases) EXPECT_EQ(ContactsIn(c.text, signer), c.want) << c.label;
}

TEST(SignerIn, RepeatedTypedNameIsCut) {
  EXPECT_EQ(
      SignerIn("Sincerely, /s/ Cecilia Blye Cecilia Blye Chief, Office of Global Security Risk"),
      "Cecilia Blye");
  EXPECT_EQ(SignerIn("Sincerely, /s/ Era Anagnosti Era Anagnosti Legal Branch Chief"),
            "Era Anagnosti");
  EXPECT_EQ(SignerIn("Sincerely, Division of Corporation Finance"), "");
}

}  // namespace
}  // namespace corresp
