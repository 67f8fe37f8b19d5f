// ParseSubmission's two modes and the one uudecoder they share (core/submission.h): what
// kStrict refuses with kCorruption (the crawler relies on it to refetch or fall back), what
// kLenient reads instead (the extractor's fallback), and the inputs both must agree on.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/submission.h"
#include "store/sha256.h"
#include "tests/crawler/test_files.h"

namespace corresp {
namespace {

using testing::EdgarRoot;
using testing::ReadFile;

const std::filesystem::path kCiti = EdgarRoot() / "Archives/edgar/data/831001";

std::string PdfSubmission() { return ReadFile(kCiti / "0000000000-19-013210.txt"); }
std::string PdfOriginal() { return ReadFile(kCiti / "000000000019013210/filename1.pdf"); }
std::string HtmlSubmission() { return ReadFile(kCiti / "0001144204-19-041040.txt"); }

bool AnyContains(const std::vector<std::string>& issues, std::string_view needle) {
  for (const std::string& i : issues) {
    if (i.find(needle) != std::string::npos) return true;
  }
  return false;
}

// Each line with its trailing spaces removed, as a mail or text tool leaves it.
std::string StripTrailingSpaces(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    out.append(line);
    if (nl == std::string_view::npos) break;
    out.push_back('\n');
    pos = nl + 1;
  }
  return out;
}

// The uuencoded body with zero sextets written as ' ' (not '`') and then stripped at line ends.
std::string WithStrippedSpaces(std::string text) {
  std::size_t begin = text.find("\nbegin ");
  std::size_t end = text.find("\nend\n", begin);
  for (std::size_t i = text.find('\n', begin + 1); i < end; ++i) {
    if (text[i] == '`') text[i] = ' ';
  }
  return StripTrailingSpaces(text);
}

// Pins: trailing spaces (zero bits) stripped from uuencoded lines decode to the same bytes in
// both modes, and the same as the unstripped line; a short line is padded with zero bits.
TEST(SubmissionModesTest, StrippedTrailingSpacesDecodeIdenticallyInBothModes) {
  struct Case {
    const char* pins;
    std::string encoded;  // with its trailing spaces
    std::string bytes;
  };
  const Case cases[] = {
      {"no trailing zero", "#0V%T", "Cat"},
      {"two zero sextets at the end", "#00  ", std::string("A\0\0", 3)},
      {"zero sextets written as '`'", "#00``", std::string("A\0\0", 3)},
      {"a whole zero group", "&0V%T    ", std::string("Cat\0\0\0", 6)},
      {"a line of zeros", "#    ", std::string(3, '\0')},
  };
  for (const Case& c : cases) {
    std::string full = "begin 644 x\n" + c.encoded + "\n`\nend\n";
    std::string stripped = StripTrailingSpaces(full);
    for (const std::string& text : {full, stripped}) {
      for (ParseMode mode : {ParseMode::kStrict, ParseMode::kLenient}) {
        std::vector<std::string> issues;
        Result<std::string> decoded = UuDecode(text, mode, &issues);
        ASSERT_TRUE(decoded.ok()) << c.pins << ": " << decoded.status().ToString();
        EXPECT_EQ(*decoded, c.bytes) << c.pins;
        EXPECT_TRUE(issues.empty()) << c.pins << ": " << issues[0];
      }
    }
  }
}

// The same on a real letter: the Citi PDF with every zero sextet stripped from its line ends.
TEST(SubmissionModesTest, StrippedPdfSubmissionDecodesToThePdfInBothModes) {
  std::string stripped = WithStrippedSpaces(PdfSubmission());
  ASSERT_NE(stripped.size(), PdfSubmission().size());  // the test strips something
  for (ParseMode mode : {ParseMode::kStrict, ParseMode::kLenient}) {
    Result<Submission> s = ParseSubmission(stripped, mode);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_EQ(s->documents.size(), 1u);
    EXPECT_EQ(Sha256Hex(s->documents[0].body), Sha256Hex(PdfOriginal()));
    EXPECT_TRUE(s->issues.empty()) << s->issues[0];
  }
}

// One uudecoder, two modes: strict refuses, lenient decodes what it can and says what it did.
TEST(SubmissionModesTest, UuDecodeOutcomes) {
  struct Case {
    const char* pins;
    std::string text;
    std::string lenient_bytes;
    const char* lenient_issue;  // "" when none
  };
  const Case cases[] = {
      {"no begin line", "#0V%T\nend\n", "", "no uuencode begin line"},
      {"no end line (truncated)", "begin 644 x\n#0V%T\n", "Cat", "without its end line"},
      {"bad character skipped", "begin 644 x\n#0V~T\n#0V%T\nend\n", "Cat",
       "1 malformed uuencoded line(s) skipped (first: uuencoded line 2 bad character)"},
      {"line too long skipped", "begin 644 x\n!0V%T0V%T\n#0V%T\nend\n", "Cat",
       "uuencoded line 2 too long"},
  };
  for (const Case& c : cases) {
    Result<std::string> strict = UuDecode(c.text, ParseMode::kStrict);
    ASSERT_FALSE(strict.ok()) << c.pins;
    EXPECT_EQ(strict.status().code(), StatusCode::kCorruption) << c.pins;
    std::vector<std::string> issues;
    Result<std::string> lenient = UuDecode(c.text, ParseMode::kLenient, &issues);
    ASSERT_TRUE(lenient.ok()) << c.pins;
    EXPECT_EQ(*lenient, c.lenient_bytes) << c.pins;
    EXPECT_TRUE(AnyContains(issues, c.lenient_issue)) << c.pins;
  }
}

// Each truncation a download (or a careless copy) leaves: strict refuses it with kCorruption,
// so the crawler falls back; lenient reads what is there and notes the repair.
TEST(SubmissionModesTest, TruncationsStrictRefusesAndLenientReads) {
  std::string pdf_txt = PdfSubmission();
  std::string html_txt = HtmlSubmission();
  auto before = [](const std::string& text, std::string_view tag) {
    return text.substr(0, text.rfind(tag));
  };
  struct Case {
    const char* pins;
    std::string bytes;
    std::size_t documents;
    const char* issue;
  };
  const Case cases[] = {
      {"no </SEC-DOCUMENT>", before(pdf_txt, "</SEC-DOCUMENT>"), 1, "submission never closes"},
      {"no </DOCUMENT>", before(pdf_txt, "</DOCUMENT>"), 1, "<DOCUMENT> 1 never closes"},
      {"no </TEXT> (pdf)", before(pdf_txt, "</TEXT>"), 1, "<TEXT> without </TEXT>"},
      {"no </PDF>", before(pdf_txt, "</PDF>"), 1, "<PDF> without </PDF>"},
      {"no </TEXT> (html)", before(html_txt, "</TEXT>"), 1, "<TEXT> without </TEXT>"},
      {"cut inside the header", pdf_txt.substr(0, 300), 0, "SGML header never closes"},
      {"cut before <TEXT>", before(pdf_txt, "<TEXT>"), 0, "<DOCUMENT> without <TEXT>"},
  };
  for (const Case& c : cases) {
    Result<Submission> strict = ParseSubmission(c.bytes, ParseMode::kStrict);
    ASSERT_FALSE(strict.ok()) << c.pins;
    EXPECT_EQ(strict.status().code(), StatusCode::kCorruption) << c.pins;
    Result<Submission> lenient = ParseSubmission(c.bytes, ParseMode::kLenient);
    ASSERT_TRUE(lenient.ok()) << c.pins << ": " << lenient.status().ToString();
    EXPECT_EQ(lenient->documents.size(), c.documents) << c.pins;
    EXPECT_TRUE(AnyContains(lenient->issues, c.issue)) << c.pins;
  }
}

// A truncation before the closing tags loses nothing of the letter itself.
TEST(SubmissionModesTest, LenientKeepsTheWholeLetterWhenOnlyClosingTagsAreMissing) {
  std::string pdf_txt = PdfSubmission();
  for (std::string_view tag : {"</PDF>", "</TEXT>", "</DOCUMENT>", "</SEC-DOCUMENT>"}) {
    Result<Submission> s =
        ParseSubmission(pdf_txt.substr(0, pdf_txt.rfind(tag)), ParseMode::kLenient);
    ASSERT_TRUE(s.ok()) << tag;
    ASSERT_EQ(s->documents.size(), 1u) << tag;
    EXPECT_EQ(Sha256Hex(s->documents[0].body), Sha256Hex(PdfOriginal())) << tag;
    EXPECT_TRUE(s->documents[0].pdf_tag);
    EXPECT_EQ(s->filing.form, "UPLOAD") << tag;
  }
  std::string html_txt = HtmlSubmission();
  Result<Submission> full = ParseSubmission(html_txt);
  Result<Submission> cut =
      ParseSubmission(html_txt.substr(0, html_txt.rfind("</TEXT>")), ParseMode::kLenient);
  ASSERT_TRUE(full.ok() && cut.ok());
  EXPECT_EQ(cut->documents.at(0).body, full->documents.at(0).body);
}

// Cut in the middle of the uuencoded data: a prefix of the PDF, every full line intact.
TEST(SubmissionModesTest, LenientDecodesAPrefixOfACutPdf) {
  std::string pdf_txt = PdfSubmission();
  std::string pdf = PdfOriginal();
  std::string cut = pdf_txt.substr(0, pdf_txt.size() / 2 + 17);  // mid-line
  EXPECT_EQ(ParseSubmission(cut).status().code(), StatusCode::kCorruption);
  Result<Submission> s = ParseSubmission(cut, ParseMode::kLenient);
  ASSERT_TRUE(s.ok());
  const std::string& body = s->documents.at(0).body;
  ASSERT_GT(body.size(), pdf.size() / 3);
  ASSERT_LT(body.size(), pdf.size());
  std::size_t whole_lines = body.size() - 45;  // the cut line is padded with zero bits
  EXPECT_EQ(body.substr(0, whole_lines), pdf.substr(0, whole_lines));
  EXPECT_TRUE(AnyContains(s->issues, "filename1.pdf: uuencoded data without its end line"));
}

// The .htm EDGAR serves keeps a header-less <DOCUMENT> wrapper: not a submission to the
// strict parser (the crawler reads it with ParseDocumentBlocks), its documents to lenient.
TEST(SubmissionModesTest, BareDocumentWrapper) {
  std::string htm = ReadFile(kCiti / "000114420419041040" / "filename1.htm");
  ASSERT_TRUE(htm.starts_with("<DOCUMENT>"));
  EXPECT_EQ(ParseSubmission(htm).status().code(), StatusCode::kCorruption);
  Result<std::vector<SubmissionDocument>> blocks = ParseDocumentBlocks(htm);
  Result<Submission> lenient = ParseSubmission(htm, ParseMode::kLenient);
  ASSERT_TRUE(blocks.ok() && lenient.ok());
  ASSERT_EQ(lenient->documents.size(), 1u);
  EXPECT_EQ(lenient->documents[0].body, blocks->at(0).body);
  EXPECT_EQ(lenient->documents[0].type, "CORRESP");
  EXPECT_EQ(lenient->filing.form, "");
  EXPECT_TRUE(AnyContains(lenient->issues, "no <SEC-HEADER>"));
  // A truncated wrapper: ParseDocumentBlocks refuses, lenient reads.
  std::string cut = htm.substr(0, htm.rfind("</TEXT>"));
  EXPECT_EQ(ParseDocumentBlocks(cut).status().code(), StatusCode::kCorruption);
  Result<Submission> cut_lenient = ParseSubmission(cut, ParseMode::kLenient);
  ASSERT_TRUE(cut_lenient.ok());
  EXPECT_EQ(cut_lenient->documents.at(0).body, blocks->at(0).body);
}

TEST(SubmissionModesTest, ImsDocumentInBothModes) {
  std::string ims =
      "<IMS-DOCUMENT>0000950103-97-000001.txt : 19970102\n<IMS-HEADER>\n"
      "ACCESSION NUMBER:\t0000950103-97-000001\nCONFORMED SUBMISSION TYPE:\tCORRESP\n"
      "FILED AS OF DATE:\t19970101\nFILER:\n\tCOMPANY DATA:\n"
      "\t\tCOMPANY CONFORMED NAME:\tACME\n\t\tCENTRAL INDEX KEY:\t0000000042\n"
      "</IMS-HEADER>\n<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<TEXT>\nDear Sir:\n</TEXT>\n"
      "</DOCUMENT>\n</IMS-DOCUMENT>\n";
  for (ParseMode mode : {ParseMode::kStrict, ParseMode::kLenient}) {
    Result<Submission> s = ParseSubmission(ims, mode);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->filing.form, "CORRESP");
    ASSERT_EQ(s->documents.size(), 1u);
    EXPECT_EQ(s->documents[0].body, "Dear Sir:\n");
    EXPECT_TRUE(s->issues.empty()) << s->issues[0];
  }
  std::string cut = ims.substr(0, ims.find("</TEXT>"));
  EXPECT_EQ(ParseSubmission(cut).status().code(), StatusCode::kCorruption);
  Result<Submission> lenient = ParseSubmission(cut, ParseMode::kLenient);
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->documents.at(0).body, "Dear Sir:\n");
}

}  // namespace
}  // namespace corresp
