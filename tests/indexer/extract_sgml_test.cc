// EDGAR packaging: the complete submission .txt (header + uuencoded PDF) and the SGML wrapper.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/submission.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/sgml.h"

namespace corresp {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string UuEncode(const std::string& bytes, const std::string& name) {
  auto enc = [](unsigned v) { return static_cast<char>(v ? (v & 63) + 32 : '`'); };
  std::string out = "begin 644 " + name + "\n";
  for (size_t i = 0; i < bytes.size(); i += 45) {
    size_t n = std::min<size_t>(45, bytes.size() - i);
    out.push_back(enc(static_cast<unsigned>(n)));
    for (size_t k = 0; k < n; k += 3) {
      unsigned char b[3] = {0, 0, 0};
      for (size_t j = 0; j < 3 && k + j < n; ++j)
        b[j] = static_cast<unsigned char>(bytes[i + k + j]);
      out.push_back(enc(b[0] >> 2));
      out.push_back(enc(((b[0] << 4) | (b[1] >> 4)) & 63));
      out.push_back(enc(((b[1] << 2) | (b[2] >> 6)) & 63));
      out.push_back(enc(b[2] & 63));
    }
    out.push_back('\n');
  }
  return out + "`\nend\n";
}

TEST(SgmlTest, UuDecodeRoundTripsInBothModes) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data.push_back(static_cast<char>(i * 7));
  for (ParseMode mode : {ParseMode::kStrict, ParseMode::kLenient}) {
    std::vector<std::string> issues;
    Result<std::string> decoded = UuDecode(UuEncode(data, "x.bin"), mode, &issues);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, data);
    EXPECT_TRUE(issues.empty());
  }
}

TEST(SgmlTest, SubmissionWithUuencodedPdfReadsLikeThePdf) {
  std::string pdf_path = std::string(CORRESP_TEST_DATA) + "/labelled/0000000000-16-072562.pdf";
  std::string pdf = ReadAll(pdf_path);
  ASSERT_FALSE(pdf.empty());
  std::string submission =
      "<SEC-DOCUMENT>0000000000-16-072562.txt : 20160601\n<SEC-HEADER>\n"
      "CONFORMED SUBMISSION TYPE:\tUPLOAD\nPUBLIC DOCUMENT COUNT:\t\t1\n</SEC-HEADER>\n"
      "<DOCUMENT>\n<TYPE>UPLOAD\n<SEQUENCE>1\n<FILENAME>filename1.pdf\n<TEXT>\n<PDF>\n" +
      UuEncode(pdf, "filename1.pdf") + "</PDF>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
  Letter from_txt = ExtractLetter({submission, "0000000000-16-072562.txt", std::nullopt});
  Letter from_pdf = ExtractLetter({pdf, pdf_path, std::string("UPLOAD")});
  EXPECT_EQ(from_txt.form, "UPLOAD");
  EXPECT_EQ(from_txt.kind, LetterKind::kCommentLetter);
  ASSERT_EQ(from_txt.comments.size(), 3u);
  ASSERT_EQ(from_pdf.comments.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(from_txt.comments[i].text, from_pdf.comments[i].text);
}

// ReadSgml falls back to the lenient parse: a submission cut before any of its closing tags,
// or with its uuencoded lines' trailing spaces stripped, reads as the whole letter.
TEST(SgmlTest, TruncatedOrStrippedSubmissionReadsAsTheWholeLetter) {
  std::string pdf = ReadAll(std::string(CORRESP_TEST_DATA) + "/labelled/0000000000-16-072562.pdf");
  std::string encoded = UuEncode(pdf, "filename1.pdf");
  std::string stripped_encoded;
  for (char c : encoded) {
    if (c == '\n') {
      while (!stripped_encoded.empty() && stripped_encoded.back() == ' ') {
        stripped_encoded.pop_back();
      }
    }
    stripped_encoded.push_back(c == '`' ? ' ' : c);
  }
  auto submission = [](const std::string& uu) {
    return "<SEC-DOCUMENT>0000000000-16-072562.txt : 20160601\n<SEC-HEADER>\n"
           "CONFORMED SUBMISSION TYPE:\tUPLOAD\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>UPLOAD\n"
           "<SEQUENCE>1\n<FILENAME>filename1.pdf\n<TEXT>\n<PDF>\n" +
           uu + "</PDF>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
  };
  ASSERT_LT(stripped_encoded.size(), encoded.size());  // the test strips something
  std::string full = submission(encoded);
  Letter whole = ExtractLetter({full, "x.txt", std::nullopt});
  ASSERT_EQ(whole.comments.size(), 3u);
  struct Case {
    const char* pins;
    std::string bytes;
    bool read_leniently;
  };
  const Case cases[] = {
      {"trailing spaces stripped", submission(stripped_encoded), false},
      {"no </SEC-DOCUMENT>", full.substr(0, full.rfind("</SEC-DOCUMENT>")), true},
      {"no </DOCUMENT>", full.substr(0, full.rfind("</DOCUMENT>")), true},
      {"no </TEXT>", full.substr(0, full.rfind("</TEXT>")), true},
      {"no </PDF>", full.substr(0, full.rfind("</PDF>")), true},
  };
  for (const Case& c : cases) {
    std::optional<SgmlPayload> payload = ReadSgml(c.bytes);
    ASSERT_TRUE(payload) << c.pins;
    EXPECT_EQ(payload->body, pdf) << c.pins;
    EXPECT_EQ(payload->type, PayloadType::kPdf) << c.pins;
    EXPECT_EQ(payload->form, "UPLOAD") << c.pins;
    EXPECT_EQ(
        !payload->issues.empty() && payload->issues[0].find("read leniently") != std::string::npos,
        c.read_leniently)
        << c.pins;
    Letter l = ExtractLetter({c.bytes, "x.txt", std::nullopt});
    ASSERT_EQ(l.comments.size(), 3u) << c.pins;
    for (size_t i = 0; i < 3; ++i) EXPECT_EQ(l.comments[i].text, whole.comments[i].text);
  }
}

// The letter document, from a complete submission and (leniently) from a header-less wrapper
// cut before </TEXT>, which ParseDocumentBlocks refuses.
TEST(SgmlTest, PicksTheLetterDocument) {
  struct Case {
    const char* pins;
    std::string bytes;
    bool read_leniently;
  };
  const Case cases[] = {
      {"letter second in a submission",
       "<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\tCORRESP\n</SEC-HEADER>\n"
       "<DOCUMENT>\n<TYPE>GRAPHIC\n<FILENAME>logo.jpg\n<TEXT>\nbinary\n</TEXT>\n</DOCUMENT>\n"
       "<DOCUMENT>\n<TYPE>CORRESP\n<FILENAME>letter.htm\n<TEXT>\n<html><p>Hi</p></html>\n"
       "</TEXT>\n</DOCUMENT>\n",
       false},
      {"truncated bare wrapper",
       "<DOCUMENT>\n<TYPE>CORRESP\n<FILENAME>letter.htm\n<TEXT>\n<html><p>Hi</p></html>\n", true},
  };
  for (const Case& c : cases) {
    for (auto read : {ReadSgml, UnwrapSgml}) {
      std::optional<SgmlPayload> p = read(c.bytes);
      ASSERT_TRUE(p) << c.pins;
      EXPECT_EQ(p->form, "CORRESP") << c.pins;
      EXPECT_EQ(p->filename, "letter.htm") << c.pins;
      EXPECT_EQ(p->body, "<html><p>Hi</p></html>\n") << c.pins;
      EXPECT_EQ(p->type, PayloadType::kHtml) << c.pins;
    }
    std::optional<SgmlPayload> p = ReadSgml(c.bytes);
    EXPECT_EQ(!p->issues.empty() && p->issues[0].find("read leniently") != std::string::npos,
              c.read_leniently)
        << c.pins;
  }
}

TEST(SgmlTest, NoDocumentIsNotAnError) {
  EXPECT_FALSE(UnwrapSgml("<SEC-HEADER>\n</SEC-HEADER>\n"));
  Letter l = ExtractLetter({"<SEC-HEADER>\n</SEC-HEADER>\n", "x.txt", std::nullopt});
  EXPECT_FALSE(l.issues.empty());
}

TEST(SgmlTest, SniffTypeReadsTagsNotTheirFirstLetters) {
  const struct {
    const char* head;
    const char* name;
    PayloadType type;
    const char* why;
  } cases[] = {
      {"<P STYLE=\"font: 10pt\">Dear Sir:</P>", "a.txt", PayloadType::kHtml, "<P STYLE=...>"},
      {"<p>Dear Sir:</p>", "", PayloadType::kHtml, "<p>"},
      {"<DIV>Dear Sir:</DIV>", "", PayloadType::kHtml, "<DIV>"},
      {"<PAGE>\n\nMail Stop 3561\n\nDear Mr. Smith:\n", "filename1.txt", PayloadType::kText,
       "EDGAR's <PAGE> mark opens many text documents"},
      {"Dear Sir:\n\n<PAGE> 2\n\n<Pre-tax income> rose.\n", "", PayloadType::kText,
       "<PAGE> and a bracketed word are no tags"},
      {"Dear Sir:\n<TABLE>\n<CAPTION>\n<S>   <C>\nDebt  $1\n</TABLE>\n", "x.txt",
       PayloadType::kText, "an EDGAR text table"},
      {"<TABLE><TR><TD>Dear Sir:</TD></TR></TABLE>", "x.txt", PayloadType::kHtml, "an HTML table"},
      {"%PDF-1.4\n", "x.txt", PayloadType::kPdf, "PDF magic"},
      {"Dear Sir:\n", "letter.htm", PayloadType::kHtml, "an .htm name"},
  };
  for (const auto& c : cases) EXPECT_EQ(SniffType(c.head, c.name), c.type) << c.why;
}

}  // namespace
}  // namespace corresp
