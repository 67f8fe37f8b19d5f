// `corresp crawl` as a child process: SIGKILL at random moments then resume, SIGINT, the
// data-dir lock, exit codes, and `corresp stats`.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "store/data_dir_lock.h"
#include "tests/crawler/crawl_fixture.h"
#include "tests/mirror/mirror_process.h"

namespace corresp {
namespace {

using test::MirrorProcess;
using testing::ExpectLettersStored;
using testing::MirrorConfig;
using testing::OpenData;
using testing::ReadFile;
using testing::ReleasedBetween;
using testing::TempDir;

const std::string kCorresp = std::string(CORRESP_BINARY_DIR) + "/corresp";

// Starts corresp with `args`; stdout and stderr go to `out_file`.
pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& out_file) {
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kCorresp.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(kCorresp.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

// Exit code, or 128 + signal.
int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<std::string> CrawlArgs(const std::filesystem::path& data, const std::string& base,
                                   std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"--data-dir",
                                   data.string(),
                                   "crawl",
                                   "--since",
                                   "2016-01-01",
                                   "--until",
                                   "2025-12-31",
                                   "--base-url",
                                   base,
                                   "--user-agent",
                                   "Corresp Tests tests@example.com",
                                   "--rate",
                                   "40"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

TEST(CrawlCliTest, KilledThreeTimesThenResumedLeavesACompleteConsistentStore) {
  auto mirror = MirrorProcess::Start({"--latency-ms", "40"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<int> moment_ms(150, 1500);
  for (int round = 0; round < 3; ++round) {
    pid_t pid = Spawn(CrawlArgs(dir.path(), (*mirror)->base_url()), dir.path() / "out.txt");
    std::this_thread::sleep_for(std::chrono::milliseconds(moment_ms(rng)));
    kill(pid, SIGKILL);
    Wait(pid);
  }
  pid_t pid = Spawn(CrawlArgs(dir.path(), (*mirror)->base_url()), dir.path() / "out.txt");
  ASSERT_EQ(Wait(pid), 0) << ReadFile(dir.path() / "out.txt");

  Config config = MirrorConfig((*mirror)->base_url(), dir.path());
  auto data = OpenData(config);
  ASSERT_TRUE(data.catalog);
  auto rows = ReleasedBetween("2016-01-01", "2025-12-31");
  EXPECT_EQ(ExpectLettersStored(*data.catalog, *data.store, rows), testing::kSliceLetters);
  auto filings = data.catalog->ListFilings();
  ASSERT_TRUE(filings.ok());
  EXPECT_EQ(filings->size(), static_cast<size_t>(testing::kSliceLetters));  // no duplicates
  auto objects = data.store->List();
  ASSERT_TRUE(objects.ok());
  for (const std::string& key : *objects) EXPECT_TRUE(data.store->Verify(key).ok()) << key;
  auto referenced = data.catalog->ReferencedObjects();
  ASSERT_TRUE(referenced.ok());
  for (const std::string& key : *referenced) EXPECT_TRUE(data.store->Contains(key)) << key;
}

TEST(CrawlCliTest, SigintFinishesInFlightWorkAndTheNextRunCompletes) {
  auto mirror = MirrorProcess::Start({"--latency-ms", "60"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  pid_t pid =
      Spawn(CrawlArgs(dir.path(), (*mirror)->base_url(), {"--json"}), dir.path() / "out.txt");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGINT);
  int code = Wait(pid);
  std::string out = ReadFile(dir.path() / "out.txt");
  ASSERT_EQ(code, 1) << out;  // partial: interrupted
  auto json = nlohmann::json::parse(out.substr(out.find('{')), nullptr, false);
  ASSERT_FALSE(json.is_discarded()) << out;
  EXPECT_TRUE(json["interrupted"].get<bool>());
  long fetched_first = json["fetched"].get<long>();
  EXPECT_LT(fetched_first, testing::kSliceLetters);

  pid = Spawn(CrawlArgs(dir.path(), (*mirror)->base_url(), {"--json"}), dir.path() / "out.txt");
  ASSERT_EQ(Wait(pid), 0) << ReadFile(dir.path() / "out.txt");
  out = ReadFile(dir.path() / "out.txt");
  json = nlohmann::json::parse(out.substr(out.find('{')), nullptr, false);
  EXPECT_EQ(json["skipped"].get<long>(), fetched_first);
  EXPECT_EQ(json["fetched"].get<long>() + fetched_first, testing::kSliceLetters);
}

TEST(CrawlCliTest, LockedDataDirExitsThreeNamingThePid) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  auto lock = DataDirLock::Acquire(dir.path());
  ASSERT_TRUE(lock.ok()) << lock.status().ToString();
  pid_t pid = Spawn(CrawlArgs(dir.path(), (*mirror)->base_url()), dir.path() / "out.txt");
  EXPECT_EQ(Wait(pid), 3);
  std::string out = ReadFile(dir.path() / "out.txt");
  EXPECT_NE(out.find(std::to_string(getpid())), std::string::npos) << out;
  auto log = (*mirror)->ReadLog();
  EXPECT_TRUE(log.ok() && log->empty());
}

TEST(CrawlCliTest, SecGovWithoutUserAgentIsRefusedWithUsageError) {
  TempDir dir;
  pid_t pid = Spawn({"--data-dir", dir.path().string(), "crawl", "--since", "2024-01-01",
                     "--base-url", "https://www.sec.gov"},
                    dir.path() / "out.txt");
  EXPECT_EQ(Wait(pid), 2);
  EXPECT_NE(ReadFile(dir.path() / "out.txt").find("user_agent"), std::string::npos);
}

TEST(CrawlCliTest, UndeclaredAgentAtTheServerExitsThree) {
  auto mirror = MirrorProcess::Start(std::vector<std::string>{"--require-user-agent"});
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  pid_t pid = Spawn({"--data-dir", dir.path().string(), "crawl", "--since", "2019-10-01", "--until",
                     "2019-12-31", "--base-url", (*mirror)->base_url()},
                    dir.path() / "out.txt");
  EXPECT_EQ(Wait(pid), 3);
  EXPECT_NE(ReadFile(dir.path() / "out.txt").find("User-Agent"), std::string::npos);
}

TEST(CrawlCliTest, StatsCountsLettersAndFailures) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  TempDir dir;
  pid_t pid = Spawn(CrawlArgs(dir.path(), (*mirror)->base_url()), dir.path() / "out.txt");
  ASSERT_EQ(Wait(pid), 0) << ReadFile(dir.path() / "out.txt");
  pid = Spawn({"--data-dir", dir.path().string(), "stats", "--json"}, dir.path() / "stats.txt");
  ASSERT_EQ(Wait(pid), 0);
  auto json = nlohmann::json::parse(ReadFile(dir.path() / "stats.txt"), nullptr, false);
  ASSERT_FALSE(json.is_discarded());
  EXPECT_EQ(json["filings"], testing::kSliceLetters);
  EXPECT_EQ(json["letters"]["UPLOAD"], testing::kSliceUploads);
  EXPECT_EQ(json["letters"]["CORRESP"], testing::kSliceCorresp);
  EXPECT_EQ(json["failures"], 0);
}

}  // namespace
}  // namespace corresp
