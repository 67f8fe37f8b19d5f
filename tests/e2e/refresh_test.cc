// `corresp refresh` end to end: the real binary against the real mirror over loopback, with
// real SQLite and Xapian files. Each test pins one promise of the nightly job.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "tests/e2e/state_snapshot.h"
#include "tests/e2e/subprocess.h"
#include "tests/mirror/mirror_process.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {
namespace fs = std::filesystem;
using test::CommandOptions;
using test::MirrorProcess;
using test::RunCorresp;
using test::Snapshot;

// Letters of the test slice released in 2016-2018 (OKE, WMT, A, MU, ADM, CIEN: 20 letters).
constexpr const char* kSince = "2016-01-01";
constexpr const char* kUntil = "2018-12-31";

class RefreshTest : public ::testing::Test {
 protected:
  CommandOptions Env() const { return test::IsolatedHome(home_.path().string()); }
  std::vector<std::string> Refresh(const MirrorProcess& mirror, const fs::path& data,
                                   std::vector<std::string> extra = {},
                                   const std::string& rate = "100") const {
    std::vector<std::string> args = {
        "--data-dir", data.string(),           "refresh", "--base-url", mirror.base_url(), "--rate",
        rate,         "--block-pause-seconds", "1",       "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
  // An uninterrupted refresh of kSince..kUntil against a clean mirror: the reference state.
  test::StateSnapshot Reference() {
    auto mirror = MirrorProcess::Start();
    EXPECT_TRUE(mirror.ok());
    fs::path data = dir_.path() / "reference";
    auto r = RunCorresp(Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}), Env());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Snapshot(data);
  }

  testing::TempDir dir_;
  testing::TempDir home_;
};

// A shard's refresh fetches every letter but indexes only its companies; `corresp index` then
// indexes the others.
TEST_F(RefreshTest, CikRangeIndexesOnlyThatShardsCompanies) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  fs::path data = dir_.path() / "shard";
  auto r = RunCorresp(
      Refresh(**mirror, data, {"--since", kSince, "--until", kUntil, "--cik-range", "..900000"}),
      Env());
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(j["letters"].get<int>(), 0) << r.out;
  EXPECT_LT(j["letters"].get<int>(), j["new_filings"].get<int>()) << r.out;
  auto search = [&] {
    auto s =
        RunCorresp({"--data-dir", data.string(), "search", "", "--limit", "1000", "--json"}, Env());
    EXPECT_EQ(s.exit_code, 0) << s.err;
    return nlohmann::json::parse(s.out)["hits"];
  };
  auto hits = search();
  ASSERT_FALSE(hits.empty());
  for (const auto& h : hits) EXPECT_LE(std::stol(h["cik"].get<std::string>()), 900000) << h["id"];
  auto rest = RunCorresp({"--data-dir", data.string(), "index", "--json"}, Env());
  ASSERT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_EQ(nlohmann::json::parse(rest.out)["outside_range"], 0);
  EXPECT_GT(search().size(), hits.size());
  auto bad = RunCorresp({"--data-dir", data.string(), "index", "--cik-range", "9..1"}, Env());
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("--cik-range"), std::string::npos) << bad.err;
}

// The index phase's progress line: only with --progress (stderr here is a pipe), ending at
// the letters the report counts; the report carries the items and the phases' seconds.
TEST_F(RefreshTest, ProgressLineOfTheIndexPhaseOnlyWhenForced) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  auto plain = RunCorresp(
      Refresh(**mirror, dir_.path() / "plain", {"--since", kSince, "--until", kUntil}), Env());
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.err.find("index ["), std::string::npos) << plain.err;
  auto forced = RunCorresp(Refresh(**mirror, dir_.path() / "forced",
                                   {"--since", kSince, "--until", kUntil, "--progress"}),
                           Env());
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  auto j = nlohmann::json::parse(forced.out);
  int letters = j["letters"].get<int>();
  ASSERT_GT(letters, 0);
  std::string done = std::to_string(letters) + "/" + std::to_string(letters) + " 100.0%";
  std::size_t last = forced.err.rfind("index [");
  ASSERT_NE(last, std::string::npos) << forced.err;
  EXPECT_NE(forced.err.find(done, last), std::string::npos) << forced.err.substr(last);
  EXPECT_GT(j["items"].get<int>(), letters);
  EXPECT_EQ(j["items"].get<int>(), j["comments"].get<int>() + j["responses"].get<int>());
  double phases = 0;
  for (const char* phase : {"before", "crawl", "submissions", "index", "changes", "save"})
    phases += j["phases"][phase].get<double>();
  EXPECT_GT(j["phases"]["index"].get<double>(), 0);
  EXPECT_LE(phases, j["elapsed_seconds"].get<double>() + 1e-6);
}

TEST_F(RefreshTest, DayByDayIndexesTheUnionOnceAndMovesTheWatermark) {
  fs::path data = dir_.path() / "data";
  {
    auto mirror = MirrorProcess::Start({"--hide-daily-after", "2019-09-30"});
    ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
    auto r = RunCorresp(Refresh(**mirror, data, {"--since", "2019-09-01", "--until", "2019-09-30"}),
                        Env());
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    auto j = nlohmann::json::parse(r.out);
    // The SBUX (released 2019-09-05), NRG (09-10) and NOW (09-17) threads.
    EXPECT_EQ(j["new_filings"], 14) << r.out;
    EXPECT_EQ(j["watermark"], "2019-09-30");
    EXPECT_GE(j["threads_opened"].get<int>(), 1);
  }
  test::StateSnapshot first = Snapshot(data);
  EXPECT_EQ(first.filings.size(), 14u);
  {
    // Three more months become visible; the next refresh starts at the watermark.
    auto mirror = MirrorProcess::Start({"--hide-daily-after", "2019-12-31"});
    ASSERT_TRUE(mirror.ok());
    auto r = RunCorresp(Refresh(**mirror, data, {"--until", "2019-12-31"}), Env());
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["from"], "2019-09-30") << "starts from the watermark";
    EXPECT_EQ(j["new_filings"], 3) << r.out;  // the C thread, released 2019-10-03
    EXPECT_EQ(j["watermark"], "2019-12-31");
    auto again = RunCorresp(Refresh(**mirror, data, {"--until", "2019-12-31"}), Env());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(nlohmann::json::parse(again.out)["new_filings"], 0) << "nothing new the second time";
  }
  test::StateSnapshot second = Snapshot(data);
  EXPECT_EQ(second.filings.size(), 17u);
  for (const auto& [acc, _] : first.filings) EXPECT_TRUE(second.filings.count(acc)) << acc;
  EXPECT_GE(second.threads.size(), 4u);
  EXPECT_EQ(second.index_ids.size(), static_cast<size_t>(second.index_documents))
      << "every item once in the index";
  EXPECT_EQ(second.watermark, "2019-12-31");
  for (const auto& [acc, state] : second.filings)
    EXPECT_NE(state.find("|fetched|"), std::string::npos) << acc << " " << state;
}

// The issue "no day is skipped": EDGAR publishes 2019-10-01 but not yet 10-02..10-04; the
// night's run must not move past them, and a later run must fetch the Citigroup thread listed
// on 10-03 (crawler/day_plan.h). The first night, shared by the tests below.
const std::vector<std::string> kCitigroup = {"0000000000-19-012201", "0001144204-19-041040",
                                             "0000000000-19-013210"};

class LateIndexTest : public RefreshTest {
 protected:
  // A refresh expected to exit 0; its --json summary (discarded JSON when it did not).
  nlohmann::json RefreshOk(const MirrorProcess& mirror, const fs::path& data,
                           std::vector<std::string> extra) const {
    auto r = RunCorresp(Refresh(mirror, data, std::move(extra)), Env());
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  }
  void FirstNight(const fs::path& data) {
    auto mirror = MirrorProcess::Start({"--hide-daily-after", "2019-10-01"});
    ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
    auto j = RefreshOk(**mirror, data, {"--since", "2019-09-30", "--until", "2019-10-04"});
    EXPECT_EQ(j["watermark"], "2019-10-01") << "never past a day not yet seen: " << j.dump();
    EXPECT_EQ(j["pending_days"], nlohmann::json::array({"2019-10-02", "2019-10-03", "2019-10-04"}));
    EXPECT_EQ(j["late_days"], nlohmann::json::array()) << "nothing later seen: not late yet";
    EXPECT_EQ(j["reconciled_quarters"], nlohmann::json::array({"2019Q3"}));
    EXPECT_EQ(j["failures"].size(), 0u);
    for (const std::string& acc : kCitigroup)
      EXPECT_EQ(Snapshot(data).filings.count(acc), 0u) << acc << " is not listed yet";
  }
  // The next night, with everything through `until` published: the Citigroup thread arrives
  // and no day is left pending.
  nlohmann::json SecondNight(const MirrorProcess& mirror, const fs::path& data,
                             const std::string& until) {
    auto j = RefreshOk(mirror, data, {"--until", until});
    EXPECT_EQ(j["new_filings"], 3) << j.dump();
    EXPECT_EQ(j["watermark"], until);
    EXPECT_EQ(j["pending_days"], nlohmann::json::array());
    ExpectCitigroupFetched(data);
    return j;
  }
  void ExpectCitigroupFetched(const fs::path& data) {
    test::StateSnapshot after = Snapshot(data);
    for (const std::string& acc : kCitigroup) {
      ASSERT_EQ(after.filings.count(acc), 1u) << acc;
      EXPECT_NE(after.filings.at(acc).find("|fetched|"), std::string::npos)
          << after.filings.at(acc);
    }
  }
};

// The scenario of the issue: the next run reaches the end of the quarter, so the whole
// quarter comes from its full index and the quarter is reconciled.
TEST_F(LateIndexTest, TheNextRunThroughQuarterEndFetchesTheLateDaysFilings) {
  fs::path data = dir_.path() / "late";
  FirstNight(data);
  auto mirror = MirrorProcess::Start({"--hide-daily-after", "2019-12-31"});
  ASSERT_TRUE(mirror.ok());
  auto j = SecondNight(**mirror, data, "2019-12-31");
  EXPECT_EQ(j["reconciled_quarters"], nlohmann::json::array({"2019Q4"}));
  // The next night reads only the window again (10 business days), all settled already.
  auto k = RefreshOk(**mirror, data, {"--until", "2019-12-31"});
  EXPECT_EQ(k["new_filings"], 0);
  EXPECT_EQ(k["days_reread"], 10) << k.dump();
  EXPECT_EQ(k["index_files"], 10) << k.dump();
  EXPECT_EQ(k["reconciled_quarters"], nlohmann::json::array()) << "a quarter is reconciled once";
}

// Inside the quarter (its full index not out): the pending days' daily indexes are read again.
TEST_F(LateIndexTest, ThePendingDaysDailyIndexIsReadAgainTheNextNight) {
  fs::path data = dir_.path() / "late-daily";
  FirstNight(data);
  auto mirror = MirrorProcess::Start({"--hide-daily-after", "2019-12-31"});
  ASSERT_TRUE(mirror.ok());
  SecondNight(**mirror, data, "2019-12-30");
  auto log = (*mirror)->ReadLog();
  ASSERT_TRUE(log.ok());
  int oct1 = 0, oct3 = 0, full = 0;
  for (const auto& row : *log) {
    if (row.path.find("master.20191001.idx") != std::string::npos) ++oct1;
    if (row.path.find("master.20191003.idx") != std::string::npos && row.status == 200) ++oct3;
    if (row.path.find("full-index") != std::string::npos) ++full;
  }
  EXPECT_EQ(oct3, 1) << "the late day is read from its daily index";
  EXPECT_EQ(oct1, 0) << "a settled day outside the window is not read again";
  EXPECT_EQ(full, 0) << "Q4 is not over on 2019-12-30; Q3 was reconciled the first night";
}

TEST_F(RefreshTest, KilledAtRandomMomentsThenRerunEqualsAnUninterruptedRun) {
  test::StateSnapshot reference = Reference();
  ASSERT_EQ(reference.filings.size(), 20u);
  auto mirror = MirrorProcess::Start({"--latency-ms", "20"});
  ASSERT_TRUE(mirror.ok());
  fs::path data = dir_.path() / "killed";
  std::mt19937 rng(20261127);
  for (int i = 0; i < 20; ++i) {
    pid_t pid =
        test::StartCorresp(Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}), Env());
    std::this_thread::sleep_for(std::chrono::milliseconds(30 + rng() % 2500));
    kill(pid, SIGKILL);
    test::WaitChild(pid);
  }
  auto r = RunCorresp(Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}), Env());
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  test::StateSnapshot after = Snapshot(data);
  EXPECT_EQ(after, reference) << test::Describe(after, reference);
  auto verify = RunCorresp({"--data-dir", data.string(), "verify", "--json"}, Env());
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(RefreshTest, CompletesThroughServerErrorsResetsAndARateBlock) {
  test::StateSnapshot reference = Reference();
  // 10% 503s, 5% resets, and a rate limit below the crawler's rate so that a block happens.
  auto mirror = MirrorProcess::Start({"--error-rate", "0.1", "--reset-rate", "0.05", "--seed", "11",
                                      "--rate-limit", "12", "--block-seconds", "1"});
  ASSERT_TRUE(mirror.ok());
  fs::path data = dir_.path() / "faults";
  // --rate 20: above the mirror's 12/s limit.
  auto r = RunCorresp(Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}, "20"), Env());
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto log = (*mirror)->ReadLog();
  ASSERT_TRUE(log.ok());
  int blocked = 0, errors = 0;
  for (const auto& row : *log) {
    if (row.status == 403) ++blocked;
    if (row.status == 503) ++errors;
  }
  EXPECT_GT(blocked, 0) << "the test must provoke a block";
  EXPECT_GT(errors, 0);
  test::StateSnapshot after = Snapshot(data);
  EXPECT_EQ(after.filings, reference.filings) << test::Describe(after, reference);
  EXPECT_EQ(after.index_ids, reference.index_ids);
  EXPECT_EQ(after.threads, reference.threads);
}

TEST_F(RefreshTest, SecondWriterExitsThreeNamingTheHolderWhileSearchesKeepAnswering) {
  auto mirror = MirrorProcess::Start({"--latency-ms", "150"});
  ASSERT_TRUE(mirror.ok());
  fs::path data = dir_.path() / "busy";
  // A first index so that searches have something to read.
  auto seed = RunCorresp(
      Refresh(**mirror, data, {"--since", "2016-10-01", "--until", "2016-12-31"}), Env());
  ASSERT_EQ(seed.exit_code, 0) << seed.err;
  pid_t writer = test::StartCorresp(
      Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}, "5"), Env());
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  auto second = RunCorresp(Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}), Env());
  EXPECT_EQ(second.exit_code, 3) << second.err;
  EXPECT_NE(second.err.find("locked by pid " + std::to_string(writer)), std::string::npos)
      << second.err;
  int searches = 0, search_errors = 0;
  std::string last_error;
  while (kill(writer, 0) == 0 && searches < 200) {
    auto s = RunCorresp({"--data-dir", data.string(), "search", "comment", "--json"}, Env());
    ++searches;
    if (s.exit_code != 0) ++search_errors, last_error = s.err;
    int status = 0;
    if (waitpid(writer, &status, WNOHANG) == writer) break;
  }
  test::WaitChild(writer);
  EXPECT_GT(searches, 3);
  EXPECT_EQ(search_errors, 0) << last_error;
}

TEST_F(RefreshTest, DiskFullIsFatalAndARerunWithSpaceCompletes) {
  test::StateSnapshot reference = Reference();
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok());
  fs::path data = dir_.path() / "full";
  CommandOptions tight = Env();
  tight.in_child = [] {
    signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG, as on a full disk
    rlimit limit{256 << 10, 256 << 10};
    setrlimit(RLIMIT_FSIZE, &limit);
  };
  auto r = RunCorresp(Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}), tight);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  // Names the file and the likely cause (SQLite reports EFBIG/ENOSPC as a write I/O error).
  EXPECT_TRUE(r.err.find("File too large") != std::string::npos ||
              r.err.find("disk is full") != std::string::npos ||
              r.err.find("is the disk full") != std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(data.string()), std::string::npos) << "names the file: " << r.err;
  auto rerun = RunCorresp(Refresh(**mirror, data, {"--since", kSince, "--until", kUntil}), Env());
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err << rerun.out;
  test::StateSnapshot after = Snapshot(data);
  EXPECT_EQ(after.filings, reference.filings) << test::Describe(after, reference);
  EXPECT_EQ(after.index_ids, reference.index_ids);
  auto verify = RunCorresp({"--data-dir", data.string(), "verify", "--json"}, Env());
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
}

TEST_F(RefreshTest, VerifyRepairsACorruptObjectAndGcRemovesUnreferencedOnes) {
  auto mirror = MirrorProcess::Start();
  ASSERT_TRUE(mirror.ok());
  fs::path data = dir_.path() / "verify";
  auto r = RunCorresp(Refresh(**mirror, data, {"--since", "2016-10-01", "--until", "2016-12-31"}),
                      Env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto clean = RunCorresp({"--data-dir", data.string(), "verify", "--json"}, Env());
  ASSERT_EQ(clean.exit_code, 0) << clean.out;
  // Damage one stored object and add one that nothing references.
  fs::path victim;
  for (auto& e : fs::recursive_directory_iterator(data / "store" / "objects"))
    if (e.is_regular_file()) victim = e.path();
  ASSERT_FALSE(victim.empty());
  std::ofstream(victim, std::ios::binary | std::ios::trunc) << "garbage";
  fs::path stray =
      data / "store" / "objects" / "ab" / (std::string("ab") + std::string(62, '0') + ".gz");
  fs::create_directories(stray.parent_path());
  std::ofstream(stray) << "stray";
  auto found = RunCorresp({"--data-dir", data.string(), "verify", "--json"}, Env());
  EXPECT_EQ(found.exit_code, 1) << found.out;
  auto report = nlohmann::json::parse(found.out);
  std::set<std::string> kinds;
  for (const auto& p : report["problems"]) kinds.insert(p["kind"]);
  EXPECT_TRUE(kinds.count("corrupt_object")) << found.out;
  EXPECT_TRUE(kinds.count("unreferenced_object")) << found.out;
  // --repair re-fetches the damaged filing from EDGAR (the mirror) at once.
  auto repair = RunCorresp({"--data-dir", data.string(), "verify", "--repair", "--json",
                            "--base-url", (*mirror)->base_url()},
                           Env());
  EXPECT_EQ(repair.exit_code, 0) << repair.out << repair.err;
  EXPECT_EQ(nlohmann::json::parse(repair.out)["refetched"], 1) << repair.out;
  auto gc = RunCorresp({"--data-dir", data.string(), "gc", "--json"}, Env());
  ASSERT_EQ(gc.exit_code, 0) << gc.err;
  EXPECT_EQ(nlohmann::json::parse(gc.out)["removed"], 1) << gc.out;
  EXPECT_FALSE(fs::exists(stray));
  auto after = RunCorresp({"--data-dir", data.string(), "verify", "--json"}, Env());
  EXPECT_EQ(after.exit_code, 0) << after.out;
  EXPECT_TRUE(nlohmann::json::parse(after.out)["problems"].empty()) << after.out;
}

}  // namespace
}  // namespace corresp
