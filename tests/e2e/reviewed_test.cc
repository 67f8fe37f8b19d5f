// The reviewed filing end to end: `corresp crawl` fetches each company's real submissions JSON
// from the mirror (tests/data/edgar/submissions, trimmed by tools/trim-submissions) through the
// rate limiter, `corresp index` resolves every letter's Re: block against the cached filings,
// and `show`, `thread` and `search` give the accession, its EDGAR link, the office and the
// staff contacts. The expected accessions were read by hand from the real JSON.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/subprocess.h"
#include "tests/mirror/mirror_process.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {
using nlohmann::json;
using test::CommandResult;
using test::MirrorProcess;
using test::RunCorresp;

// Agilent's 2016 review of its 10-K for the fiscal year ended October 31, 2015.
constexpr const char* kAgilentLetter = "0000000000-16-092800";
constexpr const char* kAgilent10K = "0001090872-15-000051";
// Micron's 2017 letter naming two filings: its 10-K and an 8-K.
constexpr const char* kMicronLetter = "0000000000-17-003380";

class ReviewedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    mirror_ = MirrorProcess::Start().value().release();
    CommandResult crawl = Crawl();
    ASSERT_EQ(crawl.exit_code, 0) << crawl.err << crawl.out;
    first_crawl_ = new json(json::parse(crawl.out));
    CommandResult index = Run({"index"});
    ASSERT_EQ(index.exit_code, 0) << index.err;
  }
  static void TearDownTestSuite() {
    delete mirror_;
    delete first_crawl_;
    delete dir_;
  }
  static std::string DataDir() { return (dir_->path() / "data").string(); }
  static CommandResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", DataDir()});
    test::CommandOptions o;
    o.env = {"CORRESP_HOME=", "CORRESP_USER_AGENT=corresp tests test@example.com"};
    return RunCorresp(args, o);
  }
  static CommandResult Crawl() {
    return Run({"crawl", "--since", "2016-01-01", "--until", "2026-11-26", "--base-url",
                mirror_->base_url(), "--rate", "100", "--json"});
  }
  static json Json(const CommandResult& r) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }
  static testing::TempDir* dir_;
  static MirrorProcess* mirror_;
  static json* first_crawl_;
};

testing::TempDir* ReviewedTest::dir_ = nullptr;
MirrorProcess* ReviewedTest::mirror_ = nullptr;
json* ReviewedTest::first_crawl_ = nullptr;

TEST_F(ReviewedTest, CrawlFetchesEveryCompanysSubmissionsOnceAndNotAgainWhenFresh) {
  // Every company of the test mirror: the 13 of MANIFEST.tsv and the DRSLTR sample's.
  EXPECT_EQ((*first_crawl_)["submissions"], 14) << first_crawl_->dump();
  EXPECT_EQ((*first_crawl_)["submissions_failed"], 0) << first_crawl_->dump();
  // The copies were fetched after every letter was filed: a second crawl asks nothing.
  json again = Json(Crawl());
  EXPECT_EQ(again["submissions"], 0) << again.dump();
  EXPECT_EQ(again["fetched"], 0);
}

TEST_F(ReviewedTest, ShowResolvesTheReviewedFilingWithItsEdgarLink) {
  json letter = Json(Run({"show", kAgilentLetter, "--json"}));
  ASSERT_EQ(letter["reviewed"].size(), 1u) << letter.dump();
  const json& r = letter["reviewed"][0];
  EXPECT_EQ(r["form"], "10-K");
  EXPECT_EQ(r["period"], "2015-10-31");
  EXPECT_EQ(r["filed"], "2015-12-21");
  EXPECT_EQ(r["accession"], kAgilent10K);
  EXPECT_EQ(r["url"], std::string("https://www.sec.gov/Archives/edgar/data/1090872/"
                                  "000109087215000051/") +
                          kAgilent10K + "-index.htm");
  EXPECT_EQ(letter["office"], "Office of Global Security Risk");
  EXPECT_EQ(letter["staff_contacts"], json::array({"Jennifer Hardy", "Cecilia Blye"}));
  // Every staff comment carries it too.
  for (const json& item : letter["items"]) EXPECT_EQ(item["reviewed"]["accession"], kAgilent10K);

  CommandResult text = Run({"show", kAgilentLetter});
  EXPECT_NE(text.out.find(std::string("Reviewed: 10-K · period 2015-10-31 · filed 2015-12-21 -> ") +
                          kAgilent10K),
            std::string::npos)
      << text.out;
}

TEST_F(ReviewedTest, AReBlockNamingTwoFilingsResolvesBoth) {
  json letter = Json(Run({"show", kMicronLetter, "--json"}));
  ASSERT_EQ(letter["reviewed"].size(), 2u) << letter.dump();
  EXPECT_EQ(letter["reviewed"][0]["form"], "10-K");
  EXPECT_EQ(letter["reviewed"][0]["accession"], "0000723125-16-000269");
  EXPECT_EQ(letter["reviewed"][1]["form"], "8-K");
  EXPECT_EQ(letter["reviewed"][1]["filed"], "2016-12-21");
  EXPECT_EQ(letter["reviewed"][1]["accession"], "0000723125-16-000306");
}

TEST_F(ReviewedTest, ThreadListsTheReviewedFiling) {
  json thread = Json(Run({"thread", kAgilentLetter, "--json"}));
  ASSERT_TRUE(thread["reviewed"].is_array()) << thread.dump();
  ASSERT_FALSE(thread["reviewed"].empty());
  EXPECT_EQ(thread["reviewed"][0]["accession"], kAgilent10K);
  EXPECT_NE(thread["reviewed"][0]["url"].get<std::string>().find(kAgilent10K), std::string::npos);
}

TEST_F(ReviewedTest, SearchFieldsAndOfficeFacet) {
  json by_accession = Json(Run({"search", std::string("reviewed:") + kAgilent10K, "--json"}));
  ASSERT_GT(by_accession["total"].get<long>(), 0) << by_accession.dump();
  for (const json& hit : by_accession["hits"]) EXPECT_EQ(hit["cik"], "1090872");

  json by_form = Json(Run({"search", "reviewed:8-k", "--json", "--limit", "50"}));
  bool micron = false;
  for (const json& hit : by_form["hits"]) micron |= hit["accession"] == kMicronLetter;
  EXPECT_TRUE(micron) << by_form.dump();

  json office = Json(Run({"search", "office:global", "--json", "--limit", "50"}));
  ASSERT_GT(office["total"].get<long>(), 0);
  json none = Json(Run({"search", "office:nosuchoffice", "--json"}));
  EXPECT_EQ(none["total"], 0);

  json facets = Json(Run({"search", "type:comment", "--facets", "--json"}));
  ASSERT_TRUE(facets["facets"].contains("office")) << facets["facets"].dump();
  EXPECT_GT(facets["facets"]["office"]["Office of Global Security Risk"].get<long>(), 0);
}

}  // namespace
}  // namespace corresp
