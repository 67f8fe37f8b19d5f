// EDGAR packaging: the complete submission .txt (header + uuencoded PDF) and the SGML wrapper.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

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

TEST(SgmlTest, UuDecodeRoundTrips) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data.push_back(static_cast<char>(i * 7));
  int bad = 0;
  EXPECT_EQ(UuDecodeLenient(UuEncode(data, "x.bin"), &bad), data);
  EXPECT_EQ(bad, 0);
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

TEST(SgmlTest, PicksTheLetterDocument) {
  std::string sub =
      "<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\tCORRESP\n</SEC-HEADER>\n"
      "<DOCUMENT>\n<TYPE>GRAPHIC\n<FILENAME>logo.jpg\n<TEXT>\nbinary\n</TEXT>\n</DOCUMENT>\n"
      "<DOCUMENT>\n<TYPE>CORRESP\n<FILENAME>letter.htm\n<TEXT>\n<html><p>Hi</p></html>\n"
      "</TEXT>\n</DOCUMENT>\n";
  std::optional<SgmlPayload> p = UnwrapSgml(sub);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->form, "CORRESP");
  EXPECT_EQ(p->filename, "letter.htm");
  EXPECT_EQ(p->type, PayloadType::kHtml);
}

TEST(SgmlTest, NoDocumentIsNotAnError) {
  EXPECT_FALSE(UnwrapSgml("<SEC-HEADER>\n</SEC-HEADER>\n"));
  Letter l = ExtractLetter({"<SEC-HEADER>\n</SEC-HEADER>\n", "x.txt", std::nullopt});
  EXPECT_FALSE(l.issues.empty());
}

}  // namespace
}  // namespace corresp
