// `corresp show`, `thread` and `similar` as a user runs them: the real binary over an index
// that `corresp index` built from the test corpus. Exit codes: 0 with output for a known id,
// 2 naming the id for an unknown one, the not-found code for a data dir without an index.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "index_fixture.h"
#include "tests/e2e/indexed_data_dir.h"
#include "tests/e2e/subprocess.h"

namespace corresp {
namespace {

using nlohmann::json;
using test::RunCorresp;

class LookupCommandsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = test::IndexedTestDataDir("lookup-commands");
    ASSERT_TRUE(dir.ok()) << dir.status().ToString();
    data_dir_ = new std::string(*dir);
  }
  static void TearDownTestSuite() {
    if (data_dir_) std::filesystem::remove_all(*data_dir_);
    if (data_dir_) std::filesystem::remove_all(*data_dir_ + "-empty");
    delete data_dir_;
  }
  static test::CommandResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", *data_dir_});
    return RunCorresp(args);
  }
  static std::string* data_dir_;
};

std::string* LookupCommandsTest::data_dir_ = nullptr;

const std::string kSeedComment5 = std::string(testing::kSeedAccession) + "#5";

TEST_F(LookupCommandsTest, KnownIdsPrintTheirResult) {
  test::CommandResult show = Run({"show", kSeedComment5, "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(json::parse(show.out)["item"]["id"], kSeedComment5);

  test::CommandResult thread = Run({"thread", testing::kSeedAccession, "--json"});
  ASSERT_EQ(thread.exit_code, 0) << thread.err;
  EXPECT_FALSE(json::parse(thread.out)["letters"].empty());

  test::CommandResult similar = Run({"similar", kSeedComment5, "--json"});
  ASSERT_EQ(similar.exit_code, 0) << similar.err;
  EXPECT_TRUE(json::parse(similar.out)["hits"].is_array());

  test::CommandResult text = Run({"show", kSeedComment5});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(kSeedComment5), std::string::npos);
}

TEST_F(LookupCommandsTest, UnknownIdsAreUsageErrorsNamingTheId) {
  for (const char* command : {"show", "thread", "similar"}) {
    test::CommandResult r = Run({command, "0000000000-99-000000#1"});
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("0000000000-99-000000"), std::string::npos) << command << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << command;
  }
}

TEST_F(LookupCommandsTest, IndexCompactReportsAndKeepsEveryItem) {
  test::CommandResult before = Run({"show", testing::kSeedAccession, "--json"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  test::CommandResult compact = Run({"index", "--compact", "--json"});
  ASSERT_EQ(compact.exit_code, 0) << compact.err;
  json report = json::parse(compact.out);
  ASSERT_TRUE(report["compacted"].is_object()) << compact.out;
  EXPECT_GT(report["compacted"]["bytes_before"].get<long>(), 0);
  EXPECT_GT(report["compacted"]["bytes_after"].get<long>(), 0);
  test::CommandResult after = Run({"show", testing::kSeedAccession, "--json"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(json::parse(after.out), json::parse(before.out));
}

TEST_F(LookupCommandsTest, MissingIndexIsNotAUsageError) {
  std::string empty = *data_dir_ + "-empty";
  std::filesystem::remove_all(empty);
  std::filesystem::create_directories(empty);
  test::CommandResult r = RunCorresp({"--data-dir", empty, "show", kSeedComment5});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.exit_code, 2);
  EXPECT_NE(r.err.find("corresp index"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace corresp
