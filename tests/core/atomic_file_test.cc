// AtomicFile: the target appears whole at Commit() or not at all; nothing is left behind.
#include "core/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace corresp {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("atomic-file-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

TEST_F(AtomicFileTest, CommitReplacesTheTargetWhole) {
  fs::path target = dir_ / "out.csv";
  std::ofstream(target) << "old";
  auto file = AtomicFile::Create(target);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_TRUE((*file)->Write("a,b\r\n").ok());
  EXPECT_EQ(Read(target), "old");  // not yet
  ASSERT_TRUE((*file)->Write("1,2\r\n").ok());
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_EQ(Read(target), "a,b\r\n1,2\r\n");
  file->reset();
  EXPECT_EQ(Names(), std::vector<std::string>{"out.csv"});
}

TEST_F(AtomicFileTest, DroppedBeforeCommitLeavesTheTargetAsItWas) {
  fs::path target = dir_ / "out.csv";
  {
    auto file = AtomicFile::Create(target);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->Write("half").ok());
    EXPECT_TRUE(fs::exists((*file)->temp_path()));
  }
  EXPECT_TRUE(Names().empty());
  std::ofstream(target) << "old";
  {
    auto file = AtomicFile::Create(target);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->Write("new").ok());
  }
  EXPECT_EQ(Read(target), "old");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.csv"});
}

TEST_F(AtomicFileTest, AMissingFolderIsAnErrorNamingThePath) {
  auto file = AtomicFile::Create(dir_ / "no-such-folder" / "out.csv");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), StatusCode::kIoError);
  EXPECT_NE(file.status().message().find("no-such-folder"), std::string::npos);
}

TEST_F(AtomicFileTest, CommitTwiceFails) {
  auto file = AtomicFile::Create(dir_ / "out.csv");
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_FALSE((*file)->Commit().ok());
  EXPECT_FALSE((*file)->Write("x").ok());
  EXPECT_EQ(Names(), std::vector<std::string>{"out.csv"});
}

}  // namespace
}  // namespace corresp
