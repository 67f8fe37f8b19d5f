// `corresp add` end to end: the real binary adds letters from outside EDGAR to a data dir that
// `corresp refresh` filled from the real mirror (real SQLite catalog, real Xapian index), then
// finds their comments, threads them with the company's EDGAR letters, and reports bad files.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/subprocess.h"
#include "tests/mirror/mirror_process.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using test::MirrorProcess;
using test::RunCorresp;

const fs::path kData = CORRESP_TEST_DATA;
const fs::path kSeed = kData / "seed" / "citigroup-2007-07-03-UPLOAD.txt";
// Citigroup's 2019 review in the mirror: staff letter 08-08, reply 08-22, closing 09-05.
constexpr const char* kCitiStaffLetter = "0000000000-19-012201";
const fs::path kCitiReply =
    kData / "edgar/Archives/edgar/data/831001/000114420419041040/filename1.htm";

class AddLettersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto mirror = MirrorProcess::Start();
    ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
    auto r = Run({"refresh", "--base-url", (*mirror)->base_url(), "--rate", "100", "--since",
                  "2019-10-01", "--until", "2019-10-31", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  test::CommandResult Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--data-dir", data_.string()});
    return RunCorresp(args, test::IsolatedHome(home_.path().string()));
  }
  json Search(const std::string& query) const {
    auto r = Run({"search", query, "--limit", "50", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }
  json AddSeed() const {
    auto r = Run({"add", kSeed.string(), "--cik", "831001", "--form", "UPLOAD", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }

  testing::TempDir dir_;
  testing::TempDir home_;
  fs::path data_ = dir_.path() / "data";
};

TEST_F(AddLettersTest, TheSeedLettersCommentsAreFoundAndMarkedOutsideEdgar) {
  json added = AddSeed();
  ASSERT_EQ(added["added"].size(), 1u) << added.dump();
  std::string accession = added["added"][0]["accession"];
  EXPECT_EQ(accession.rfind("X-", 0), 0u) << accession;
  EXPECT_EQ(added["added"][0]["date"], "2007-07-03") << "the date found in the letter's text";
  EXPECT_EQ(added["added"][0]["company"], "CITIGROUP INC") << "the name on its EDGAR letters";

  for (const char* query : {"\"loans held for sale\"", "\"hedge accounting\""}) {
    json found = Search(query);
    bool from_seed = false;
    for (const json& h : found["hits"])
      if (h["accession"] == accession) {
        from_seed = true;
        EXPECT_EQ(h["type"], "comment");
        EXPECT_EQ(h["date"], "2007-07-03");
        EXPECT_EQ(h["url"], "") << "no sec.gov page for a letter from outside EDGAR";
      }
    EXPECT_TRUE(from_seed) << query << ": " << found.dump();
  }
  json outside = Search("source:outside-edgar");
  EXPECT_EQ(outside["total"], 12) << "the seed letter's 12 numbered comments, nothing else";
  auto item = Run({"show", accession + "#7", "--json"});
  ASSERT_EQ(item.exit_code, 0) << item.err;
  EXPECT_EQ(json::parse(item.out)["item"]["source"], "outside-edgar");
}

TEST_F(AddLettersTest, AddingTheSameFileAgainChangesNothing) {
  json first = AddSeed();
  json again = AddSeed();
  ASSERT_EQ(again["added"].size(), 1u);
  EXPECT_EQ(again["added"][0]["accession"], first["added"][0]["accession"]);
  EXPECT_EQ(again["added"][0]["changed"], false);
  EXPECT_EQ(again["indexed"], 0);
  EXPECT_EQ(again["documents"], first["documents"]);
  // New metadata for the same bytes replaces the record under the same id.
  auto dated = Run({"add", kSeed.string(), "--cik", "831001", "--form", "UPLOAD", "--date",
                    "2007-07-05", "--json"});
  ASSERT_EQ(dated.exit_code, 0) << dated.err;
  json d = json::parse(dated.out);
  EXPECT_EQ(d["added"][0]["accession"], first["added"][0]["accession"]);
  EXPECT_EQ(d["indexed"], 1);
  EXPECT_EQ(d["documents"], first["documents"]);
  EXPECT_EQ(Search("source:outside-edgar")["hits"][0]["date"], "2007-07-05");
}

TEST_F(AddLettersTest, ALetterDatedInsideAnEdgarReviewJoinsItsThread) {
  // A firm's own copy of a reply (its bytes differ from EDGAR's by a trailing comment).
  fs::path copy = dir_.path() / "citi-reply-copy.htm";
  {
    std::ifstream in(kCitiReply, std::ios::binary);
    std::ofstream out(copy, std::ios::binary);
    out << in.rdbuf() << "<!-- the firm's copy -->\n";
  }
  auto r = Run({"add", copy.string(), "--cik", "831001", "--form", "CORRESP", "--date",
                "2019-08-30", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string accession = json::parse(r.out)["added"][0]["accession"];
  auto thread = Run({"thread", kCitiStaffLetter, "--json"});
  ASSERT_EQ(thread.exit_code, 0) << thread.err;
  json t = json::parse(thread.out);
  std::vector<std::string> letters;
  for (const json& l : t["letters"]) letters.push_back(l["accession"]);
  EXPECT_EQ(letters, (std::vector<std::string>{kCitiStaffLetter, "0001144204-19-041040", accession,
                                               "0000000000-19-013210"}))
      << thread.out;
}

TEST_F(AddLettersTest, BadFilesAreNamedWithTheirReasonAndTheRestIsAdded) {
  fs::path undated = dir_.path() / "undated.txt";
  std::ofstream(undated) << "Dear Sir:\n\nWe have no comments.\n";
  fs::path empty = dir_.path() / "empty.pdf";
  std::ofstream(empty).flush();
  fs::path missing = dir_.path() / "missing.htm";
  auto r = Run({"add", undated.string(), empty.string(), missing.string(), kSeed.string(), "--cik",
                "831001", "--form", "UPLOAD", "--json"});
  EXPECT_EQ(r.exit_code, 1) << "finished, some files failed";
  EXPECT_NE(r.err.find(undated.string() + ": no letter date found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(empty.string() + ": empty file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing.string() + ": no such file"), std::string::npos) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["failures"].size(), 3u);
  ASSERT_EQ(j["added"].size(), 1u);
  EXPECT_EQ(j["added"][0]["file"], kSeed.string());

  auto usage = Run({"add", kSeed.string(), "--cik", "831001", "--form", "DRSLTR"});
  EXPECT_EQ(usage.exit_code, 2) << "--form is UPLOAD or CORRESP";
}

}  // namespace
}  // namespace corresp
