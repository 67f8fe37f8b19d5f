// DRSLTR and DOSLTR end to end: `corresp refresh` over the real mirror fetches the company's
// letters on draft statements by default and indexes them as company letters of the review
// thread, searchable with form:drsltr. The sample (tests/data/edgar/README.md) is a real Ross
// Stores review whose two CORRESP letters were relabelled DRSLTR and DOSLTR: the corpus holds no
// DRSLTR/DOSLTR letter.
#include <gtest/gtest.h>

#include <map>
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

constexpr const char* kDrsltr = "0000745732-25-000039";
constexpr const char* kDosltr = "0000745732-25-000042";
constexpr const char* kFirstStaffLetter = "0000000000-25-006364";

class DraftLettersTest : public ::testing::Test {
 protected:
  test::CommandOptions Env() const { return test::IsolatedHome(home_.path().string()); }
  test::CommandResult Run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--data-dir", data_.string()});
    return RunCorresp(args, Env());
  }
  json Refresh(const MirrorProcess& mirror, const std::string& since, const std::string& until) {
    auto r = Run({"refresh", "--base-url", mirror.base_url(), "--rate", "100", "--since", since,
                  "--until", until, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    return json::parse(r.out, nullptr, false);
  }
  // The thread's letters as (accession -> form).
  std::map<std::string, std::string> ThreadLetters(const std::string& id) const {
    auto r = Run({"thread", id, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, std::string> out;
    json t = json::parse(r.out, nullptr, false);
    if (t.is_discarded()) return out;
    for (const json& l : t["letters"]) out[l.value("accession", "")] = l.value("form", "");
    return out;
  }
  void ExpectIndexedAsCompanyLetters() {
    auto drs = Run({"search", "form:drsltr", "--limit", "50", "--json"});
    ASSERT_EQ(drs.exit_code, 0) << drs.err;
    json hits = json::parse(drs.out)["hits"];
    ASSERT_FALSE(hits.empty()) << drs.out;
    for (const json& h : hits) {
      EXPECT_EQ(h["form"], "DRSLTR");
      EXPECT_EQ(h["accession"], kDrsltr);
      EXPECT_EQ(h["type"], "response") << "a DRSLTR is the company's side: its items are responses";
    }
    auto dos = Run({"search", "", "--form", "DOSLTR", "--json"});
    ASSERT_EQ(dos.exit_code, 0) << dos.err;
    json dos_hits = json::parse(dos.out)["hits"];
    ASSERT_FALSE(dos_hits.empty()) << dos.out;
    EXPECT_EQ(dos_hits[0]["accession"], kDosltr);

    // One review thread: three staff letters and both company letters.
    std::map<std::string, std::string> letters = ThreadLetters(kFirstStaffLetter);
    EXPECT_EQ(letters.size(), 5u);
    EXPECT_EQ(letters[kDrsltr], "DRSLTR");
    EXPECT_EQ(letters[kDosltr], "DOSLTR");
    EXPECT_EQ(ThreadLetters(kDrsltr), letters) << "the DRSLTR is linked into the same thread";

    auto stats = Run({"stats", "--json"});
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(json::parse(stats.out)["letters"]["DRSLTR/DOSLTR"], 2);
  }

  testing::TempDir dir_;
  testing::TempDir home_;
  fs::path data_ = dir_.path() / "data";
};

TEST_F(DraftLettersTest, QuarterlyFullIndexBringsThemInByDefault) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  json j = Refresh(**mirror, "2026-01-01", "2026-03-31");
  EXPECT_EQ(j["new_filings"], 5) << j.dump();
  EXPECT_EQ(j["letters"], 5) << j.dump();
  ExpectIndexedAsCompanyLetters();
}

TEST_F(DraftLettersTest, DailyIndexBringsThemInByDefault) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  json j = Refresh(**mirror, "2026-01-15", "2026-01-15");
  EXPECT_EQ(j["new_filings"], 5) << j.dump();
  ExpectIndexedAsCompanyLetters();
}

TEST_F(DraftLettersTest, FormsLeftOutOfTheConfigAreNotCrawled) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  test::CommandOptions env = Env();
  env.env.push_back("CORRESP_FORMS=UPLOAD,CORRESP");
  auto r = RunCorresp({"--data-dir", data_.string(), "refresh", "--base-url", (*mirror)->base_url(),
                       "--rate", "100", "--since", "2026-01-15", "--until", "2026-01-15", "--json"},
                      env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["new_filings"], 3) << "only the three UPLOAD letters";
}

}  // namespace
}  // namespace corresp
