// `corresp index`'s progress line and throughput figures as a user sees them: the real binary
// over the test corpus, stderr captured through a pipe (not a terminal), so the line appears
// only when --progress forces it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "index_fixture.h"
#include "tests/e2e/subprocess.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

using nlohmann::json;
using test::RunCorresp;

// The progress lines of `err`: the pieces between \r and \n that start with "index [".
std::vector<std::string> ProgressLines(const std::string& err) {
  std::vector<std::string> lines;
  std::string piece;
  for (char c : err) {
    if (c != '\r' && c != '\n') {
      piece += c;
      continue;
    }
    if (piece.rfind("index [", 0) == 0) lines.push_back(piece);
    piece.clear();
  }
  return lines;
}

// "done/total" of a progress line.
std::pair<long, long> Counts(const std::string& line) {
  std::istringstream in(line.substr(line.find(']') + 1));
  long done = -1, total = -1;
  char slash = 0;
  in >> done >> slash >> total;
  return {done, total};
}

class IndexProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = testing::MakeTestDataDir("index-progress-" + std::to_string(getpid()), true);
    ASSERT_TRUE(dir.ok()) << dir.status().ToString();
    data_dir_ = dir->config.data_dir.string();
  }
  void TearDown() override { std::filesystem::remove_all(data_dir_); }
  test::CommandResult Index(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", data_dir_, "index"});
    return RunCorresp(args, test::IsolatedHome(home_.path().string()));
  }

  std::string data_dir_;
  testing::TempDir home_;
};

TEST_F(IndexProgressTest, ForcedProgressLineEndsWithTheFiguresOfTheJsonReport) {
  auto r = Index({"--progress", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json report = json::parse(r.out);
  long filings = report["filings"].get<long>();
  ASSERT_GT(report["indexed"].get<long>(), 5);
  ASSERT_EQ(report["indexed"].get<long>() + report["failed"].get<long>(), filings);

  std::vector<std::string> lines = ProgressLines(r.err);
  ASSERT_FALSE(lines.empty()) << r.err;
  long previous = 0;
  for (const std::string& line : lines) {
    auto [done, total] = Counts(line);
    EXPECT_EQ(total, filings) << line;
    EXPECT_GE(done, previous) << "done never goes back: " << line;
    previous = done;
    for (const char* figure : {"letters/s", "items/s", "elapsed ", "ETA "})
      EXPECT_NE(line.find(figure), std::string::npos) << figure << " in " << line;
  }
  const std::string& last = lines.back();
  EXPECT_EQ(Counts(last).first, filings) << last;
  EXPECT_NE(last.find("[####################] "), std::string::npos) << last;
  EXPECT_NE(last.find(" 100.0%"), std::string::npos) << last;
  EXPECT_NE(last.find("ETA 0:00"), std::string::npos) << last;
  EXPECT_EQ(r.err.back(), '\n') << "the final line is ended";

  // The JSON report's figures agree with each other.
  double seconds = report["seconds"].get<double>();
  ASSERT_GT(seconds, 0);
  EXPECT_GT(report["items"].get<long>(), report["indexed"].get<long>()) << "letters hold items";
  EXPECT_NEAR(report["letters_per_second"].get<double>(), report["indexed"].get<double>() / seconds,
              1e-6);
  EXPECT_NEAR(report["items_per_second"].get<double>(), report["items"].get<double>() / seconds,
              1e-6);
  EXPECT_GT(report["companies"].get<long>(), 1);
  EXPECT_GE(report["relinks"].get<long>(), report["companies"].get<long>());
  EXPECT_GE(report["batches"].get<long>(), 1);
  double phases = 0;
  for (const char* phase : {"prepare", "extract", "write", "link", "commit"}) {
    ASSERT_TRUE(report["phases"].contains(phase)) << phase;
    phases += report["phases"][phase].get<double>();
  }
  EXPECT_GT(phases, 0);
  EXPECT_LE(phases, seconds + 1e-6) << "phases are parts of the run";
}

TEST_F(IndexProgressTest, NoLineOnANonTerminalUnlessForced) {
  auto quiet = Index({"--json"});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_TRUE(ProgressLines(quiet.err).empty()) << "stderr is a pipe: " << quiet.err;
  EXPECT_GT(json::parse(quiet.out)["indexed"].get<long>(), 0);

  auto off = Index({"--rebuild", "--progress", "--no-progress", "--json"});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  EXPECT_TRUE(ProgressLines(off.err).empty()) << "--no-progress wins: " << off.err;

  auto rebuilt = Index({"--rebuild", "--progress"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  std::vector<std::string> lines = ProgressLines(rebuilt.err);
  ASSERT_FALSE(lines.empty()) << "a rebuild draws the line too: " << rebuilt.err;
  EXPECT_NE(lines.back().find(" 100.0%"), std::string::npos) << lines.back();
  EXPECT_NE(rebuilt.out.find("letters/s"), std::string::npos) << rebuilt.out;
}

}  // namespace
}  // namespace corresp
