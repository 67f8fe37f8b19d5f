// Index file parsing on the real EDGAR files of tests/data/real-index, the reconstructed
// slice tests/data/edgar, and crafted malformed rows.
#include "crawler/index_file.h"

#include <gtest/gtest.h>

#include "store/gzip.h"
#include "tests/crawler/test_files.h"

namespace corresp {
namespace {

using testing::EdgarRoot;
using testing::ReadFile;
using testing::TestData;

const Date kDay{2020, 1, 2};

TEST(IndexFileTest, RealCompanyDailyIndexParsesEveryRow) {
  std::string text = ReadFile(TestData() / "real-index/company.20200102.idx");
  ParsedIndex parsed = ParseIndexFile(text, kDay);
  ASSERT_EQ(parsed.layout, IndexLayout::kCompany);
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors[0].line << ": " << parsed.errors[0].reason;
  EXPECT_EQ(parsed.entries.size(), 4452u - 11u);  // every line below the dashed separator
  // A backslash in a company name, a form type with a space.
  bool saw_landec = false, saw_sc13d = false;
  for (const IndexEntry& e : parsed.entries) {
    if (e.company == "LANDEC CORP \\CA\\" && e.form == "10-Q") {
      saw_landec = true;
      EXPECT_EQ(e.cik.value, 1005286u);
      EXPECT_EQ(e.accession.text, "0001628280-20-000015");
      EXPECT_EQ(e.date_filed, (Date{2020, 1, 2}));
      EXPECT_EQ(e.index_day, kDay);
    }
    if (e.form == "SC 13D/A" && e.cik.value == 1741530) saw_sc13d = true;
  }
  EXPECT_TRUE(saw_landec);
  EXPECT_TRUE(saw_sc13d);
}

TEST(IndexFileTest, RealMasterDailyIndexParsesEveryRow) {
  std::string text = ReadFile(TestData() / "real-index/master.20200103.idx");
  ParsedIndex parsed = ParseIndexFile(text, Date{2020, 1, 3});
  ASSERT_EQ(parsed.layout, IndexLayout::kMaster);
  EXPECT_TRUE(parsed.errors.empty());
  EXPECT_EQ(parsed.entries.size(), 7996u - 7u);
  EXPECT_EQ(parsed.entries[0].company, "CORE LABORATORIES N V");
  EXPECT_EQ(parsed.entries[0].path, "edgar/data/1000229/0001209191-20-000788.txt");
}

// The three files of a quarter hold the same letter rows (their filler rows differ).
TEST(IndexFileTest, AllThreeLayoutsOfAQuarterAgree) {
  auto dir = EdgarRoot() / "Archives/edgar/full-index/2019/QTR4";
  auto key = [](const ParsedIndex& p) {
    std::multiset<std::string> rows;
    for (const auto& e : p.entries) {
      if (e.form != "UPLOAD" && e.form != "CORRESP") continue;
      rows.insert(e.form + "|" + e.company + "|" + e.cik.ToString() + "|" + e.date_filed.ToIso() +
                  "|" + e.accession.text);
    }
    return rows;
  };
  ParsedIndex form = ParseIndexFile(ReadFile(dir / "form.idx"), Date{2019, 10, 1});
  ParsedIndex master = ParseIndexFile(ReadFile(dir / "master.idx"), Date{2019, 10, 1});
  ParsedIndex company = ParseIndexFile(ReadFile(dir / "company.idx"), Date{2019, 10, 1});
  EXPECT_EQ(form.layout, IndexLayout::kForm);
  EXPECT_TRUE(form.errors.empty() && master.errors.empty() && company.errors.empty());
  EXPECT_EQ(form.entries.size(), 15u);
  EXPECT_EQ(key(form), key(master));
  EXPECT_EQ(key(form), key(company));
  EXPECT_EQ(key(form).size(), 3u);
}

TEST(IndexFileTest, EveryIndexFileOfTheSliceParsesCleanly) {
  int files = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(EdgarRoot() / "Archives")) {
    if (f.path().extension() != ".idx") continue;
    ++files;
    ParsedIndex parsed = ParseIndexFile(ReadFile(f.path()), kDay);
    ASSERT_TRUE(parsed.layout.has_value()) << f.path();
    ASSERT_TRUE(parsed.errors.empty())
        << f.path() << ":" << parsed.errors[0].line << " " << parsed.errors[0].reason;
  }
  EXPECT_GT(files, 100);
}

TEST(IndexFileTest, CrlfGzipAndTrailingSpacesAreAccepted) {
  std::string text = ReadFile(EdgarRoot() / "Archives/edgar/full-index/2019/QTR4/form.idx");
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += "   \r";
    crlf += c;
  }
  ParsedIndex plain = ParseIndexFile(text, kDay);
  ParsedIndex windows = ParseIndexFile(crlf, kDay);
  ParsedIndex gz = ParseIndexFile(*GzipCompress(crlf), kDay);
  ASSERT_TRUE(windows.errors.empty());
  ASSERT_EQ(windows.entries.size(), plain.entries.size());
  ASSERT_EQ(gz.entries.size(), plain.entries.size());
  for (std::size_t i = 0; i < plain.entries.size(); ++i) {
    EXPECT_EQ(windows.entries[i].company, plain.entries[i].company);
    EXPECT_EQ(gz.entries[i].path, plain.entries[i].path);
  }
}

TEST(IndexFileTest, MalformedRowsAreReportedWithLineNumbers) {
  std::string text =
      "Description:           Master Index of EDGAR Dissemination Feed\n"
      " \n"
      "CIK|Company Name|Form Type|Date Filed|File Name\n"
      "--------------------------------------------------------------------------------\n"
      "831001|CITIGROUP INC|UPLOAD|2019-08-08|edgar/data/831001/0000000000-19-012201.txt\n"
      "83x001|BAD CIK INC|UPLOAD|2019-08-08|edgar/data/831001/0000000000-19-012202.txt\n"
      "831001|BAD DATE INC|UPLOAD|2019-02-30|edgar/data/831001/0000000000-19-012203.txt\n"
      "831001|SHORT ROW|UPLOAD\n"
      "831001|BAD PATH|UPLOAD|2019-08-08|edgar/data/831001/not-an-accession.txt\n"
      "831002|OTHER CIK|UPLOAD|2019-08-08|edgar/data/831001/0000000000-19-012204.txt\n"
      "\n"
      "831001|A|B COMPANY|CORRESP|20190809|edgar/data/831001/0000000000-19-012205.txt\n";
  ParsedIndex parsed = ParseIndexFile(text, kDay);
  ASSERT_EQ(parsed.entries.size(), 2u);
  EXPECT_EQ(parsed.entries[1].company, "A|B COMPANY");
  ASSERT_EQ(parsed.errors.size(), 5u);
  EXPECT_EQ(parsed.errors[0].line, 6);
  EXPECT_NE(parsed.errors[0].reason.find("bad CIK"), std::string::npos);
  EXPECT_EQ(parsed.errors[1].line, 7);
  EXPECT_NE(parsed.errors[1].reason.find("bad date"), std::string::npos);
  EXPECT_EQ(parsed.errors[2].line, 8);
  EXPECT_EQ(parsed.errors[3].line, 9);
  EXPECT_NE(parsed.errors[3].reason.find("path"), std::string::npos);
  EXPECT_EQ(parsed.errors[4].line, 10);
}

TEST(IndexFileTest, FixedWidthMalformedRowsAndOverflowingNames) {
  std::string header =
      "Form Type   Company Name                                                  CIK         "
      "Date Filed  File Name\n"
      "-------------------------------------------------------------------------------------\n";
  std::string text =
      header +
      "UPLOAD      A VERY LONG COMPANY NAME THAT OVERFLOWS ITS SIXTY TWO CHARACTER COLUMN  "
      "831001      2019-08-08  edgar/data/831001/0000000000-19-012201.txt         \n"
      "UPLOAD      MISSING COLUMNS\n"
      "garbage\n";
  ParsedIndex parsed = ParseIndexFile(text, kDay);
  ASSERT_EQ(parsed.entries.size(), 1u);
  EXPECT_EQ(parsed.entries[0].form, "UPLOAD");
  EXPECT_EQ(parsed.entries[0].company,
            "A VERY LONG COMPANY NAME THAT OVERFLOWS ITS SIXTY TWO CHARACTER COLUMN");
  ASSERT_EQ(parsed.errors.size(), 2u);
  EXPECT_EQ(parsed.errors[0].line, 4);
  EXPECT_EQ(parsed.errors[1].line, 5);
}

TEST(IndexFileTest, GarbageNeverCrashes) {
  EXPECT_EQ(ParseIndexFile("", kDay).errors.size(), 1u);
  EXPECT_EQ(ParseIndexFile("\x1f\x8b garbage", kDay).errors.size(), 1u);
  ParsedIndex p = ParseIndexFile(std::string(1000, '-') + "\n|||\n", kDay);
  EXPECT_TRUE(p.entries.empty());
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise.push_back(static_cast<char>((i * 7919) % 256));
  (void)ParseIndexFile(noise, kDay);
}

TEST(IndexFileTest, ParseIndexPath) {
  auto p = ParseIndexPath("edgar/data/1090872/0001090872-16-000078.txt");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->cik.value, 1090872u);
  EXPECT_EQ(p->accession.text, "0001090872-16-000078");
  EXPECT_FALSE(ParseIndexPath("edgar/data/x/0001090872-16-000078.txt"));
  EXPECT_FALSE(ParseIndexPath("edgar/data/1090872/0001090872-16-000078.htm"));
  EXPECT_FALSE(ParseIndexPath("edgar/data/1090872"));
}

}  // namespace
}  // namespace corresp
