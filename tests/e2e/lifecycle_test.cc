// The comment lifecycle end to end: `corresp refresh` fetches two real 2019 reviews from the
// test mirror over loopback (Starbucks, released 2019-09-05: three comments reissued, a reply
// naming both staff letters, a closing; NRG, released 2019-09-10: an extension request, an
// answer, a reissued comment, a closing) into real SQLite and Xapian files; `thread --json`,
// `show --json` and `search` then show each comment's responses, follow-ups and status.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/subprocess.h"
#include "tests/mirror/mirror_process.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using test::RunCorresp;

constexpr const char* kStarbucks = "829224-0000000000-19-008093";
constexpr const char* kNrg = "1013871-0000000000-19-010303";

class LifecycleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    home_ = new testing::TempDir();
    dir_ = new testing::TempDir();
    auto mirror = test::MirrorProcess::Start();
    ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
    auto r = Run({"refresh", "--base-url", (*mirror)->base_url(), "--rate", "100", "--since",
                  "2019-09-01", "--until", "2019-09-12", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_EQ(json::parse(r.out)["new_filings"], 11) << r.out;  // 5 Starbucks + 6 NRG letters
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete home_;
  }
  static test::CommandResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", (dir_->path() / "data").string()});
    return RunCorresp(args, test::IsolatedHome(home_->path().string()));
  }
  static json RunJson(std::vector<std::string> args) {
    test::CommandResult r = Run(std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out, nullptr, false);
  }
  // The thread's entry for one staff comment (null when absent).
  static json Comment(const json& thread, const std::string& id) {
    for (const json& c : thread["comments"])
      if (c["id"] == id) return c;
    ADD_FAILURE() << "no comment " << id;
    return nullptr;
  }
  static testing::TempDir* home_;
  static testing::TempDir* dir_;
};

testing::TempDir* LifecycleTest::home_ = nullptr;
testing::TempDir* LifecycleTest::dir_ = nullptr;

// Starbucks: the July 8 letter follows up comments 3, 5 and 6 of the May 6 letter ("We note
// your response to prior comment 3 ..."); the July 18 reply names both staff letters and its
// restated comments pair it with the July 8 letter, not with the same numbers of May 6.
TEST_F(LifecycleTest, ReissuedCommentsAndAReplyNamingTwoLetters) {
  json t = RunJson({"thread", kStarbucks, "--json"});
  ASSERT_EQ(t["comments"].size(), 9u) << t.dump();
  for (const auto& [first, follow] : {std::pair{"0000000000-19-008093#3", "0000000000-19-010844#1"},
                                      {"0000000000-19-008093#5", "0000000000-19-010844#2"},
                                      {"0000000000-19-008093#6", "0000000000-19-010844#3"}}) {
    SCOPED_TRACE(first);
    json c = Comment(t, first);
    EXPECT_EQ(c["status"], "reissued");
    EXPECT_EQ(c["followed_up_by"], json::array({follow}));
    EXPECT_EQ(c["rounds"], 2);
    json f = Comment(t, follow);
    EXPECT_EQ(f["follows_up"], json::array({first}));
    EXPECT_EQ(f["status"], "resolved");
    EXPECT_EQ(f["first_raised"], "2019-05-06");
    ASSERT_EQ(f["responses"].size(), 1u);
    EXPECT_EQ(f["responses"][0]["accession"], "0001193125-19-196466");
    EXPECT_EQ(f["responses"][0]["match"], "number");
    EXPECT_EQ(f["closed_date"], "2019-08-08");
    EXPECT_EQ(f["days_to_close"], 94);  // May 6 to August 8
  }
  json kept = Comment(t, "0000000000-19-008093#1");
  EXPECT_EQ(kept["status"], "resolved");
  EXPECT_EQ(kept["rounds"], 1);
  ASSERT_EQ(kept["responses"].size(), 1u) << "the July reply does not answer the May comment 1";
  EXPECT_EQ(kept["responses"][0]["id"], "0001193125-19-149610#1");
  EXPECT_EQ(kept["first_response_date"], "2019-05-16");
  // The comment's own document carries the same fields.
  json item = RunJson({"show", "0000000000-19-008093#3", "--json"})["item"];
  EXPECT_EQ(item["status"], "reissued");
  EXPECT_EQ(item["followed_up_by"], json::array({"0000000000-19-010844#1"}));
  EXPECT_FALSE(item["status_reason"].get<std::string>().empty());
  json answer = RunJson({"show", "0001193125-19-196466#1", "--json"})["item"];
  EXPECT_EQ(answer["comment"]["id"], "0000000000-19-010844#1");
}

// NRG: the extension request of June 27 answers nothing; comment 2 of June 25 is reissued as
// comment 1 of July 22; everything resolves when the review closes on August 13.
TEST_F(LifecycleTest, ExtensionRequestAnswersNothingAndTheClosingResolves) {
  json t = RunJson({"thread", kNrg, "--json"});
  ASSERT_EQ(t["comments"].size(), 4u) << t.dump();
  for (const json& c : t["comments"]) {
    for (const json& r : c["responses"])
      EXPECT_NE(r["accession"], "0001013871-19-000019") << "the extension request";
    EXPECT_EQ(c["closed_date"], "2019-08-13") << c["id"];
  }
  json reissued = Comment(t, "0000000000-19-010303#2");
  EXPECT_EQ(reissued["status"], "reissued");
  EXPECT_EQ(reissued["followed_up_by"], json::array({"0000000000-19-011389#1"}));
  EXPECT_EQ(reissued["first_response_date"], "2019-07-11");
  json follow = Comment(t, "0000000000-19-011389#1");
  EXPECT_EQ(follow["status"], "resolved");
  EXPECT_EQ(follow["rounds"], 2);
  EXPECT_EQ(follow["days_to_close"], 49);  // June 25 to August 13
  EXPECT_EQ(Comment(t, "0000000000-19-010303#1")["status"], "resolved");
  // The text view names the status and the reason.
  test::CommandResult text = Run({"thread", kNrg});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("followed up by comment 1 of the staff letter of 2019-07-22"),
            std::string::npos)
      << text.out;
}

// The search fields select the same comments as the thread JSON says.
TEST_F(LifecycleTest, SearchByStatusAndRounds) {
  int reissued = 0, two_rounds = 0, resolved = 0;
  for (const char* id : {kStarbucks, kNrg}) {
    json thread = RunJson({"thread", id, "--json"});
    for (const json& c : thread["comments"]) {
      reissued += c["status"] == "reissued";
      resolved += c["status"] == "resolved";
      two_rounds += c["rounds"].get<int>() >= 2;
    }
  }
  EXPECT_EQ(reissued, 4);
  EXPECT_EQ(RunJson({"search", "status:reissued", "--json"})["total"], reissued);
  EXPECT_EQ(RunJson({"search", "status:resolved", "--json"})["total"], resolved);
  EXPECT_EQ(RunJson({"search", "rounds:2..", "--json"})["total"], two_rounds);
  EXPECT_EQ(RunJson({"search", "status:reissued company:starbucks", "--json"})["total"], 3);
  json facets = RunJson({"search", "type:comment", "--facets", "--json"})["facets"]["status"];
  EXPECT_EQ(facets["reissued"], reissued);
  EXPECT_EQ(facets["resolved"], resolved);
}

}  // namespace
}  // namespace corresp
