// `corresp export` as a user runs it: the real binary over an index that `corresp index`
// built from the test corpus. Rows counted against `corresp search`, CSV read back by an
// independent RFC 4180 reader, and -o never leaving a half-written file.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "index_fixture.h"
#include "tests/e2e/indexed_data_dir.h"
#include "tests/e2e/subprocess.h"
#include "tests/support/csv_reader.h"

namespace corresp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::RunCorresp;

class ExportCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = test::IndexedTestDataDir("export-command");
    ASSERT_TRUE(dir.ok()) << dir.status().ToString();
    data_dir_ = new std::string(*dir);
  }
  static void TearDownTestSuite() {
    if (data_dir_) fs::remove_all(*data_dir_);
    if (data_dir_) fs::remove_all(*data_dir_ + "-out");
    delete data_dir_;
  }
  void SetUp() override {
    out_dir_ = fs::path(*data_dir_ + "-out") /
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(out_dir_);
    fs::create_directories(out_dir_);
  }
  void TearDown() override { fs::remove_all(out_dir_); }

  static test::CommandResult Run(std::vector<std::string> args,
                                 const test::CommandOptions& options = {}) {
    args.insert(args.begin(), {"--data-dir", *data_dir_});
    return RunCorresp(args, options);
  }
  // Exact match count of a search (facets make the total exact).
  static long Total(const std::string& query) {
    test::CommandResult r = Run({"search", query, "--facets", "--json", "--limit", "1"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out)["total"].get<long>();
  }
  std::vector<std::string> OutFiles() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out_dir_)) names.push_back(e.path().filename());
    return names;
  }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static std::string* data_dir_;
  fs::path out_dir_;
};

std::string* ExportCommandTest::data_dir_ = nullptr;

TEST_F(ExportCommandTest, CommentRowsEqualTheIndexedStaffComments) {
  test::CommandResult r = Run({"export", "--level", "comment", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto records = test::ReadCsv(r.out);
  ASSERT_TRUE(records) << "not RFC 4180";
  long comments = Total("type:comment");
  ASSERT_GT(comments, 20);
  EXPECT_EQ(static_cast<long>(records->size()) - 1, comments);
  EXPECT_EQ((*records)[0][0], "id");
  EXPECT_NE(r.err.find("exported " + std::to_string(comments) + " comment rows"), std::string::npos)
      << r.err;
}

TEST_F(ExportCommandTest, QueryRestrictsAndJsonlLinesParse) {
  test::CommandResult r =
      Run({"export", "--level", "comment", "--format", "jsonl", "--query", "revenue"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  long n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    json row = json::parse(line, nullptr, false);
    ASSERT_TRUE(row.is_object()) << line.substr(0, 200);
    EXPECT_TRUE(row["id"].is_string());
  }
  long matches = Total("revenue type:comment");
  EXPECT_EQ(n, matches);
  EXPECT_GT(n, 0);
  EXPECT_LT(n, Total("type:comment"));
}

TEST_F(ExportCommandTest, OutputFileHoldsWhatStdoutGets) {
  fs::path target = out_dir_ / "threads.csv";
  test::CommandResult to_file = Run({"export", "--level", "thread", "-o", target.string()});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  test::CommandResult to_stdout = Run({"export", "--level", "thread"});
  ASSERT_EQ(to_stdout.exit_code, 0);
  EXPECT_EQ(Read(target), to_stdout.out);
  EXPECT_TRUE(to_file.out.empty());
  EXPECT_EQ(OutFiles(), std::vector<std::string>{"threads.csv"});  // no temporary left
}

TEST_F(ExportCommandTest, AFailedExportLeavesNoHalfWrittenFile) {
  fs::path target = out_dir_ / "comments.csv";
  // A query the parser rejects: usage error, nothing written.
  test::CommandResult bad = Run({"export", "--query", "hedge AND", "-o", target.string()});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_TRUE(OutFiles().empty());

  // The disk fills half-way (a 4 KiB file size limit; the export is larger): the write fails,
  // the previous file stays as it was and no temporary is left.
  std::ofstream(target) << "previous export\n";
  test::CommandOptions small_disk;
  small_disk.in_child = [] {
    std::signal(SIGXFSZ, SIG_IGN);  // a failed write, not a killed process
    rlimit limit{4096, 4096};
    setrlimit(RLIMIT_FSIZE, &limit);
  };
  test::CommandResult full = Run({"export", "-o", target.string()}, small_disk);
  EXPECT_NE(full.exit_code, 0);
  EXPECT_NE(full.err.find("comments.csv"), std::string::npos) << full.err;
  EXPECT_EQ(Read(target), "previous export\n");
  EXPECT_EQ(OutFiles(), std::vector<std::string>{"comments.csv"});

  // A folder that does not exist: an error naming it.
  test::CommandResult nowhere = Run({"export", "-o", (out_dir_ / "missing" / "x.csv").string()});
  EXPECT_NE(nowhere.exit_code, 0);
  EXPECT_NE(nowhere.err.find("missing"), std::string::npos) << nowhere.err;
}

}  // namespace
}  // namespace corresp
