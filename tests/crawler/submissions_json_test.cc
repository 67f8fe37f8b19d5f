// Submissions JSON: parsing a company's first file and its pages, which pages are worth a
// request, and the refetch rule.
#include "crawler/submissions_json.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

// The real shape, cut to two rows (CIK 1090872, Agilent).
const char* kFirst = R"({"cik":"1090872","name":"AGILENT TECHNOLOGIES, INC.","filings":{
  "recent":{"accessionNumber":["0001090872-16-000082","0001090872-16-000078"],
            "filingDate":["2016-12-20","2016-09-23"],"reportDate":["2016-10-31",""],
            "form":["10-K","CORRESP"],"fileNumber":["001-15405",""],"size":[1,2]},
  "files":[{"name":"CIK0001090872-submissions-001.json","filingCount":1339,
            "filingFrom":"1999-08-16","filingTo":"2016-08-30"},
           {"name":"../../etc/passwd","filingTo":"2016-08-30"}]}})";

TEST(ParseSubmissionsJson, FirstFileRowsAndPages) {
  Result<SubmissionsPage> page = ParseSubmissionsJson(kFirst, true);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->filings.size(), 2u);
  const CompanyFiling& k = page->filings[0];
  EXPECT_EQ(k.accession.text, "0001090872-16-000082");
  EXPECT_EQ(k.form, "10-K");
  EXPECT_EQ(k.filed, Date::Parse("2016-12-20"));
  EXPECT_EQ(k.report_date, Date::Parse("2016-10-31"));
  EXPECT_EQ(k.file_number, "001-15405");
  EXPECT_FALSE(page->filings[1].report_date);  // "" reads as none
  ASSERT_EQ(page->more_pages.size(), 1u);      // the path-like name is ignored
  EXPECT_EQ(page->more_pages[0].name, "CIK0001090872-submissions-001.json");
  EXPECT_EQ(page->more_pages[0].filing_to, Date::Parse("2016-08-30"));
}

TEST(ParseSubmissionsJson, PageHoldsTheColumnsAtTheTopLevel) {
  Result<SubmissionsPage> page = ParseSubmissionsJson(
      R"({"accessionNumber":["0001090872-15-000051"],"filingDate":["2015-12-21"],
          "reportDate":["2015-10-31"],"form":["10-K"],"fileNumber":["001-15405"]})",
      false);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->filings.size(), 1u);
  EXPECT_EQ(page->filings[0].accession.text, "0001090872-15-000051");
}

TEST(ParseSubmissionsJson, BadInputIsAParseErrorNamingWhatWasExpected) {
  struct Bad {
    const char* body;
    bool first;
    const char* says;
  };
  const Bad kBad[] = {
      {"<html>rate limited</html>", true, "not JSON"},
      {R"({"cik":"1"})", true, "filings"},
      {R"({"filings":{"recent":{"accessionNumber":["0001090872-16-000082"],"form":[]}}})", true,
       "accessionNumber, form and filingDate"},
      {R"([1,2])", false, "expected an object"},
  };
  for (const Bad& b : kBad) {
    Result<SubmissionsPage> page = ParseSubmissionsJson(b.body, b.first);
    ASSERT_FALSE(page.ok()) << b.body;
    EXPECT_EQ(page.status().code(), StatusCode::kParse) << b.body;
    EXPECT_NE(page.status().ToString().find(b.says), std::string::npos) << page.status().ToString();
  }
}

TEST(NeedsSubmissionsFetch, Table) {
  struct Case {
    const char* label;
    std::optional<std::string> checked_at;
    std::optional<Date> newest_letter;
    bool want;
  };
  const Case kCases[] = {
      {"never checked", std::nullopt, Date{2019, 3, 1}, true},
      {"checked after the newest letter: fresh", "2019-03-02T08:00:00Z", Date{2019, 3, 1}, false},
      {"checked on the letter's day: may miss a same-day filing", "2019-03-01T23:00:00Z",
       Date{2019, 3, 1}, true},
      {"a newer letter arrived after the check", "2019-03-02T08:00:00Z", Date{2019, 5, 1}, true},
      {"unreadable timestamp counts as never", "yesterday", Date{2019, 3, 1}, true},
      {"no letter: nothing to resolve", std::nullopt, std::nullopt, false},
  };
  for (const Case& c : kCases)
    EXPECT_EQ(NeedsSubmissionsFetch(c.checked_at, c.newest_letter), c.want) << c.label;
}

TEST(PageNeeded, PagesOlderThanTheLookbackAreSkipped) {
  Date oldest{2016, 9, 14};
  EXPECT_TRUE(PageNeeded({"p", Date{2016, 8, 30}}, oldest));
  EXPECT_TRUE(PageNeeded({"p", oldest.AddDays(-kPageLookbackDays)}, oldest));
  EXPECT_FALSE(PageNeeded({"p", oldest.AddDays(-kPageLookbackDays - 1)}, oldest));
  EXPECT_TRUE(PageNeeded({"p", std::nullopt}, oldest));  // no filingTo: fetch
  EXPECT_TRUE(PageNeeded({"p", Date{1999, 1, 1}}, std::nullopt));
}

TEST(SubmissionsBaseUrl, DataSecGovForSecGovElseTheMirrorRoot) {
  EXPECT_EQ(SubmissionsBaseUrl("https://www.sec.gov"), "https://data.sec.gov");
  EXPECT_EQ(SubmissionsBaseUrl("http://127.0.0.1:8080/"), "http://127.0.0.1:8080");
  EXPECT_EQ(SubmissionsPath(Cik{831001}), "submissions/CIK0000831001.json");
}

}  // namespace
}  // namespace corresp
