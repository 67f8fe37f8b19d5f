// ResolveReviewed: a Re: reference -> the accession among a company's filings. Table-driven,
// with the traps: several 10-K/As for one period, a registration statement with several
// amendments, drafts, 52/53-week periods, after-hours filing dates, filings after the letter.
#include "core/reviewed_filing.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

CompanyFiling F(const char* acc, const char* form, const char* filed, const char* report = "",
                const char* number = "") {
  return CompanyFiling{Accession{acc}, form, Date::Parse(filed),
                       *report ? Date::Parse(report) : std::nullopt, number};
}

// One company's filings: two fiscal years of 10-K (the 2016 one amended twice), 10-Qs, an
// S-4 with two amendments (and an S-4 of another deal), 8-Ks on one day, a proxy, drafts.
const std::vector<CompanyFiling>& Filings() {
  static const std::vector<CompanyFiling> kFilings = {
      F("0000001000-16-000001", "10-K", "2016-02-25", "2015-12-31", "001-10000"),
      F("0000001000-17-000010", "10-K", "2017-02-23", "2016-12-31", "001-10000"),
      F("0000001000-17-000020", "10-K/A", "2017-04-28", "2016-12-31", "001-10000"),
      F("0000001000-17-000030", "10-K/A", "2017-06-30", "2016-12-31", "001-10000"),
      F("0000001000-17-000040", "10-Q", "2017-05-04", "2017-03-31", "001-10000"),
      F("0000001000-17-000050", "10-Q", "2017-08-03", "2017-06-30", "001-10000"),
      F("0000001000-17-000060", "S-4", "2017-01-05", "", "333-215000"),
      F("0000001000-17-000070", "S-4/A", "2017-02-10", "", "333-215000"),
      F("0000001000-17-000080", "S-4/A", "2017-03-01", "", "333-215000"),
      F("0000001000-17-000090", "S-4", "2017-01-20", "", "333-215999"),
      F("0000001000-17-000100", "8-K", "2017-04-25", "2017-04-25", "001-10000"),
      F("0000001000-17-000101", "8-K", "2017-07-27", "2017-07-27", "001-10000"),
      F("0000001000-17-000110", "DEF 14A", "2017-03-15", "2017-05-01", "001-10000"),
      F("0000001000-17-000111", "DEFA14A", "2017-03-15", "2017-05-01", "001-10000"),
      F("0000001000-18-000001", "DRS", "2018-05-01", "", ""),
      F("0000001000-18-000002", "DRS/A", "2018-06-12", "", ""),
      F("0000001000-18-000003", "20-F", "2018-04-02", "2017-09-30", "001-10000"),
      F("0000001000-19-000001", "10-K", "2019-02-20", "2018-12-31", "001-10000"),
  };
  return kFilings;
}

struct Case {
  const char* label;  // what the row pins
  Reference ref;
  const char* letter_date;  // "" = none
  const char* want;         // accession, or "" for unresolved
  const char* basis;        // expected basis (substring)
};

Reference R(const char* form, const char* period, const char* filed,
            std::vector<std::string> numbers = {}, std::optional<int> amendment = std::nullopt,
            bool draft = false) {
  Reference r;
  r.form = form;
  if (*period) r.period = D(period);
  if (*filed) r.filed = D(filed);
  r.file_numbers = std::move(numbers);
  r.amendment = amendment;
  r.draft = draft;
  r.text = std::string("Form ") + form;
  return r;
}

TEST(ResolveReviewed, Table) {
  const Case kCases[] = {
      {"10-K by period and filed date", R("10-K", "2016-12-31", "2017-02-23", {"001-10000"}),
       "2017-06-01", "0000001000-17-000010", "filed"},
      {"10-K by period alone (no /A although amendments exist)", R("10-K", "2016-12-31", ""),
       "2017-08-01", "0000001000-17-000010", "period"},
      {"10-K by filed date alone", R("10-K", "", "2017-02-23"), "2017-06-01",
       "0000001000-17-000010", "filed"},
      {"after-hours: letter quotes the day before EDGAR's filing date", R("10-K", "", "2017-02-22"),
       "2017-06-01", "0000001000-17-000010", "filed"},
      {"trap: two 10-K/As for one period, no date: ambiguous", R("10-K/A", "2016-12-31", ""),
       "2017-08-01", "", "2 filings match"},
      {"two 10-K/As for one period, the filed date picks one",
       R("10-K/A", "2016-12-31", "2017-06-30"), "2017-08-01", "0000001000-17-000030", "filed"},
      {"Amendment No. 2 to Form 10-K: the second 10-K/A", R("10-K", "2016-12-31", "", {}, 2),
       "2017-08-01", "0000001000-17-000030", "amendment"},
      {"10-K/A not yet filed when the letter was written: only the first counts",
       R("10-K/A", "2016-12-31", ""), "2017-05-15", "0000001000-17-000020", "period"},
      {"trap: S-4 original among amendments, by file number", R("S-4", "", "", {"333-215000"}),
       "2017-01-25", "0000001000-17-000060", "file_number"},
      {"Amendment No. 2 to Registration Statement on Form S-4 (no date)",
       R("S-4", "", "", {"333-215000"}, 2), "2017-03-20", "0000001000-17-000080", "amendment"},
      {"Amendment No. 1 to Form S-4 filed February 10",
       R("S-4", "", "2017-02-10", {"333-215000"}, 1), "2017-03-20", "0000001000-17-000070",
       "filed"},
      {"two S-4 registrations, no file number, no date: ambiguous", R("S-4", "", ""), "2017-01-25",
       "", "2 filings match"},
      {"8-K by filed date among several 8-Ks", R("8-K", "", "2017-07-27"), "2017-09-01",
       "0000001000-17-000101", "filed"},
      {"Schedule 14A -> DEF 14A preferred over DEFA14A on the same day", R("14A", "", "2017-03-15"),
       "2017-04-01", "0000001000-17-000110", "filed"},
      {"Draft Registration Statement on Form S-1 -> DRS",
       R("S-1", "", "2018-05-01", {}, std::nullopt, true), "2018-05-20", "0000001000-18-000001",
       "filed"},
      {"Amendment No. 1 to Draft Registration Statement -> DRS/A",
       R("S-1", "", "2018-06-12", {}, 1, true), "2018-07-01", "0000001000-18-000002", "filed"},
      {"52/53-week year: period quoted as the month end", R("20-F", "2017-10-01", ""), "2018-06-01",
       "0000001000-18-000003", "period"},
      {"form with a single filing before the letter", R("10-Q", "", ""), "2017-06-01",
       "0000001000-17-000040", "only"},
      {"wrong filed date and no period: unresolved", R("10-K", "", "2017-03-30"), "2017-06-01", "",
       "no 10-K filed within"},
      {"period with no such report: unresolved", R("10-K", "2014-12-31", ""), "2017-06-01", "",
       "no 10-K for the period 2014-12-31"},
      {"form never filed", R("10-KT", "", ""), "2017-06-01", "",
       "no 10-KT filed before the letter"},
      {"no form named", R("", "", "", {"001-10000"}), "2017-06-01", "", "no form named"},
      {"filed date wrong but period right: resolved by period",
       R("10-K", "2018-12-31", "2019-03-20"), "2019-05-01", "0000001000-19-000001", "period"},
      {"no letter date: every filing is a candidate", R("10-K", "2018-12-31", ""), "",
       "0000001000-19-000001", "period"},
  };
  for (const Case& c : kCases) {
    std::optional<Date> letter = *c.letter_date ? Date::Parse(c.letter_date) : std::nullopt;
    ReviewedFiling got = ResolveReviewed(c.ref, Filings(), letter);
    if (*c.want) {
      ASSERT_TRUE(got.accession.has_value()) << c.label << ": " << got.basis;
      EXPECT_EQ(got.accession->text, c.want) << c.label;
    } else {
      EXPECT_FALSE(got.accession.has_value()) << c.label << ": got " << got.accession->text;
    }
    EXPECT_NE(got.basis.find(c.basis), std::string::npos) << c.label << ": basis " << got.basis;
    EXPECT_EQ(got.form, c.ref.form) << c.label;
    EXPECT_EQ(got.text, c.ref.text) << c.label;
  }
}

TEST(ResolveReviewed, TwoReferencesResolveIndependently) {
  // "Re: Form 10-K for the Fiscal Year Ended December 31, 2016 ... Form 8-K Filed April 25, 2017"
  Reference k = R("10-K", "2016-12-31", "2017-02-23");
  Reference eight = R("8-K", "", "2017-04-25");
  EXPECT_EQ(ResolveReviewed(k, Filings(), D("2017-06-01")).accession->text, "0000001000-17-000010");
  EXPECT_EQ(ResolveReviewed(eight, Filings(), D("2017-06-01")).accession->text,
            "0000001000-17-000100");
}

TEST(EdgarFormsFor, MapsNamedFormsToEdgarTypes) {
  EXPECT_EQ(EdgarFormsFor("10-K", false, false), std::vector<std::string>{"10-K"});
  EXPECT_EQ(EdgarFormsFor("10-K/A", false, false), std::vector<std::string>{"10-K/A"});
  EXPECT_EQ(EdgarFormsFor("S-4", true, false), std::vector<std::string>{"S-4/A"});
  EXPECT_EQ(EdgarFormsFor("TO-I", false, false), std::vector<std::string>{"SC TO-I"});
  EXPECT_EQ(EdgarFormsFor("S-1", false, true), std::vector<std::string>{"DRS"});
  EXPECT_EQ(EdgarFormsFor("14A", false, false).front(), "PRE 14A");
  EXPECT_EQ(EdgarFormsFor("14A", true, false).front(), "PRER14A");
}

}  // namespace
}  // namespace corresp
