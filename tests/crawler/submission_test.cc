// Submission (ACCESSION.txt) parsing on every submission of tests/data/edgar, plus truncated,
// corrupt and garbage inputs.
#include "core/submission.h"

#include <gtest/gtest.h>

#include "store/sha256.h"
#include "tests/crawler/test_files.h"

namespace corresp {
namespace {

using testing::EdgarRoot;
using testing::ReadFile;

std::string StripLeadingNewlines(std::string s) {
  return s.substr(std::min(s.find_first_not_of('\n'), s.size()));
}

const std::filesystem::path kCiti = EdgarRoot() / "Archives/edgar/data/831001";

TEST(SubmissionTest, UploadHeaderAndUudecodedPdf) {
  Result<Submission> s = ParseSubmission(ReadFile(kCiti / "0000000000-19-013210.txt"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const Filing& f = s->filing;
  EXPECT_EQ(f.accession.text, "0000000000-19-013210");
  EXPECT_EQ(f.form, "UPLOAD");
  EXPECT_EQ(f.date_filed, (Date{2019, 9, 5}));
  EXPECT_EQ(f.dissemination_date, (Date{2019, 10, 3}));
  EXPECT_EQ(f.company, "CITIGROUP INC");
  EXPECT_EQ(f.cik.value, 831001u);
  EXPECT_EQ(f.sic, "6021");
  EXPECT_EQ(f.state, "DE");
  EXPECT_EQ(f.fiscal_year_end, "1231");
  EXPECT_EQ(f.file_number, "");
  ASSERT_EQ(s->documents.size(), 1u);
  const SubmissionDocument& d = s->documents[0];
  EXPECT_EQ(d.type, "UPLOAD");
  EXPECT_EQ(d.sequence, 1);
  EXPECT_EQ(d.filename, "filename1.pdf");
  EXPECT_EQ(d.content_type, "application/pdf");
  std::string pdf = ReadFile(kCiti / "000000000019013210/filename1.pdf");
  EXPECT_EQ(Sha256Hex(d.body), Sha256Hex(pdf));
  EXPECT_EQ(s->filing.documents.at(0).size, pdf.size());
}

TEST(SubmissionTest, CorrespHeaderAndHtmlBody) {
  Result<Submission> s = ParseSubmission(ReadFile(kCiti / "0001144204-19-041040.txt"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->filing.form, "CORRESP");
  EXPECT_EQ(s->filing.company, "CITIGROUP INC");  // from the FILER: block
  ASSERT_EQ(s->documents.size(), 1u);
  EXPECT_EQ(s->documents[0].content_type, "text/html");
  EXPECT_TRUE(s->documents[0].body.starts_with("<HTML>\n"));
  EXPECT_TRUE(s->documents[0].body.ends_with("</HTML>\n"));
}

// Every submission of the slice parses, and its letter equals the mirror's document: the PDF
// byte for byte, the HTML equal to the <TEXT> body of the wrapped .htm the mirror serves
// (up to leading blank lines, which the slice's reconstructed .txt of two ABBV filings lacks).
TEST(SubmissionTest, EverySubmissionOfTheSliceMatchesItsDocument) {
  int checked = 0;
  for (const auto& f :
       std::filesystem::recursive_directory_iterator(EdgarRoot() / "Archives/edgar/data")) {
    if (f.path().extension() != ".txt") continue;
    Result<Submission> s = ParseSubmission(ReadFile(f.path()));
    ASSERT_TRUE(s.ok()) << f.path() << ": " << s.status().ToString();
    EXPECT_TRUE(s->issues.empty()) << f.path() << ": " << s->issues[0];
    ASSERT_FALSE(s->documents.empty());
    const SubmissionDocument& d = s->documents[0];
    auto folder = f.path().parent_path() / s->filing.accession.NoDashes();
    std::string original = ReadFile(folder / d.filename);
    if (d.filename.ends_with(".pdf")) {
      EXPECT_EQ(Sha256Hex(d.body), Sha256Hex(original)) << f.path();
    } else {
      auto wrapped = ParseDocumentBlocks(original);  // the .htm keeps its SGML wrapper
      ASSERT_TRUE(wrapped.ok());
      ASSERT_EQ(wrapped->size(), 1u);
      EXPECT_EQ(StripLeadingNewlines((*wrapped)[0].body), d.body) << f.path();
      EXPECT_EQ((*wrapped)[0].type, d.type);
    }
    EXPECT_EQ(s->filing.cik.ToString(), f.path().parent_path().filename().string());
    ++checked;
  }
  // The 40 letters of MANIFEST.tsv and the 5 of the relabelled DRSLTR/DOSLTR sample
  // (tests/data/edgar/README.md).
  EXPECT_EQ(checked, 45);
}

TEST(SubmissionTest, TruncatedSubmissionsAreCorruption) {
  std::string full = ReadFile(kCiti / "0000000000-19-013210.txt");
  for (std::size_t cut : {std::size_t{50}, std::size_t{900}, std::size_t{5000}, full.size() / 2,
                          full.size() - 30, full.size() - 17}) {
    Result<Submission> s = ParseSubmission(full.substr(0, cut));
    ASSERT_FALSE(s.ok()) << cut;
    EXPECT_EQ(s.status().code(), StatusCode::kCorruption) << cut;
  }
  std::string html = ReadFile(kCiti / "0001144204-19-041040.txt");
  Result<Submission> s = ParseSubmission(html.substr(0, html.size() - 40));
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
}

// Strict refuses a bad uuencoded line; lenient skips that one line and says so.
TEST(SubmissionTest, BadUuencodedDataIsCorruption) {
  std::string full = ReadFile(kCiti / "0000000000-19-013210.txt");
  std::size_t line = full.find("\nM", full.find("begin 644"));
  full[line + 10] = '~';  // outside the uuencode alphabet
  Result<Submission> s = ParseSubmission(full);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
  EXPECT_NE(s.status().message().find("filename1.pdf"), std::string::npos);
  Result<Submission> lenient = ParseSubmission(full, ParseMode::kLenient);
  ASSERT_TRUE(lenient.ok());
  std::string pdf = ReadFile(kCiti / "000000000019013210/filename1.pdf");
  EXPECT_EQ(lenient->documents.at(0).body.size(), pdf.size() - 45);  // one 'M' line less
  ASSERT_FALSE(lenient->issues.empty());
  EXPECT_EQ(lenient->issues.back(),
            "filename1.pdf: 1 malformed uuencoded line(s) skipped (first: uuencoded line 3 bad "
            "character)");
}

TEST(SubmissionTest, UuDecodeKnownValues) {
  Result<std::string> cat = UuDecode("begin 644 cat.txt\n#0V%T\n`\nend\n");
  ASSERT_TRUE(cat.ok());
  EXPECT_EQ(*cat, "Cat");
  EXPECT_EQ(UuDecode("#0V%T\nend\n").status().code(), StatusCode::kCorruption);
  EXPECT_EQ(UuDecode("begin 644 x\n#0V%T\n").status().code(), StatusCode::kCorruption);
}

TEST(SubmissionTest, AllCompanyBlockHeadingsAreAccepted) {
  for (std::string heading : {"FILER:", "FILED FOR:", "SUBJECT COMPANY:", "FILED BY:"}) {
    std::string text =
        "<SEC-HEADER>\nACCESSION NUMBER:\t0000950103-05-001234\n"
        "CONFORMED SUBMISSION TYPE:\tCORRESP\nFILED AS OF DATE:\t20050101\n\n" +
        heading +
        "\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tACME\n"
        "\t\tCENTRAL INDEX KEY:\t0000000042\n\tFILING VALUES:\n"
        "\t\tSEC FILE NUMBER:\t001-09924\n</SEC-HEADER>\n";
    Result<Submission> s = ParseSubmission(text);
    ASSERT_TRUE(s.ok()) << heading;
    EXPECT_EQ(s->filing.company, "ACME") << heading;
    EXPECT_EQ(s->filing.cik.value, 42u);
    EXPECT_EQ(s->filing.file_number, "001-09924");
    EXPECT_EQ(s->filing.dissemination_date, std::nullopt);
  }
}

TEST(SubmissionTest, SubjectCompanyWinsOverFiledBy) {
  std::string text =
      "<SEC-HEADER>\nACCESSION NUMBER:\t0000950103-05-001234\nFILED BY:\n\tCOMPANY DATA:\n"
      "\t\tCOMPANY CONFORMED NAME:\tLAW FIRM\n\t\tCENTRAL INDEX KEY:\t7\nSUBJECT COMPANY:\n"
      "\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tACME\n\t\tCENTRAL INDEX KEY:\t42\n"
      "</SEC-HEADER>\n";
  Result<Submission> s = ParseSubmission(text);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->filing.company, "ACME");
}

// Bytes with no SGML at all are kCorruption in both modes; nothing crashes either mode.
TEST(SubmissionTest, GarbageNeverCrashes) {
  for (ParseMode mode : {ParseMode::kStrict, ParseMode::kLenient}) {
    EXPECT_EQ(ParseSubmission("", mode).status().code(), StatusCode::kCorruption);
    EXPECT_EQ(ParseSubmission("<html>hello</html>", mode).status().code(), StatusCode::kCorruption);
  }
  std::string full = ReadFile(kCiti / "0000000000-19-013210.txt");
  unsigned seed = 7;
  for (int round = 0; round < 200; ++round) {
    std::string mutated = full.substr(0, 6000);
    for (int k = 0; k < 20; ++k) {
      seed = seed * 1103515245 + 12345;
      mutated[seed % mutated.size()] = static_cast<char>(seed >> 16);
    }
    (void)ParseSubmission(mutated);
    (void)ParseSubmission(mutated, ParseMode::kLenient);
    (void)ParseSubmission(mutated.substr(0, seed % mutated.size()), ParseMode::kLenient);
  }
}

}  // namespace
}  // namespace corresp
