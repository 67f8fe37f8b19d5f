// The extraction worker protocol and pool (indexer/index/extract_worker.h, extract_pool.h):
// the Letter and job encodings round-trip; a real worker extracts a real letter; every way a
// worker can die maps to its failure and the pool goes on with a fresh worker.
#include "indexer/index/extract_worker.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>

#include "indexer/index/extract_pool.h"
#include "indexer/index/letter_record.h"

namespace corresp {
namespace {

Letter FullLetter() {
  Letter l;
  l.file = "filename1.htm";
  l.form = "UPLOAD";
  l.kind = LetterKind::kCommentLetter;
  l.letter_date = Date{2016, 9, 14};
  l.company = "Agilent Technologies, Inc.";
  l.addressee = "Didier Hirsch";
  l.references = {{"10-K", Date{2015, 10, 31}, Date{2015, 12, 21}, {"001-15405"}}};
  l.comments = {{1,
                 {"Form 10-K", "Item 7"},
                 "page 48",
                 "Please tell us \xe2\x80\x9cwhy\xe2\x80\x9d.",
                 {2, 3}},
                {std::nullopt, {}, std::nullopt, "Unnumbered.", {}}};
  l.responses = {{1, {"Item 7"}, "Please tell us why.", "Because."}};
  l.issues = {"form inferred from text"};
  l.body = "whole text";
  l.unreadable = "no text layer";
  return l;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ExtractOptions Limits(int cpu_seconds = 30, int wall_seconds = 60) {
  ExtractOptions o;
  o.workers = 1;
  o.cpu_seconds = cpu_seconds;
  o.wall_seconds = wall_seconds;
  return o;
}

ExtractJob TinyJob(const std::string& subject) {
  return {subject, "letter.txt", "CORRESP",
          "October 3, 2016\n\nRe: Acme Corp Form 10-K\n\n1. Please explain the reserve.\n"};
}

// Runs one job through a fresh pool; the outcome.
ExtractOutcome RunOne(const ExtractOptions& limits, const ExtractJob& job,
                      ExtractPool::WorkerMain main = {}) {
  auto pool = ExtractPool::Start(limits, std::move(main));
  EXPECT_TRUE(pool.ok()) << pool.status().ToString();
  EXPECT_TRUE((*pool)->Submit(7, job).ok());
  auto out = (*pool)->Next();
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->tag, 7u);
  return std::move(out).value();
}

// Sets CORRESP_TEST_EXTRACT_FAULT for the workers forked while it lives.
class FaultSwitch {
 public:
  explicit FaultSwitch(const std::string& spec) {
    ::setenv("CORRESP_TEST_EXTRACT_FAULT", spec.c_str(), 1);
  }
  ~FaultSwitch() { ::unsetenv("CORRESP_TEST_EXTRACT_FAULT"); }
};

TEST(ExtractWorkerProtocol, LetterRoundTripsWithEveryField) {
  Letter in = FullLetter();
  Result<Letter> out = DecodeReply(EncodeReply(in));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(LetterToFullJson(*out), LetterToFullJson(in));
  EXPECT_EQ(out->unreadable, in.unreadable);
  EXPECT_EQ(out->body, in.body);
  EXPECT_EQ(out->comments[0].prior_refs, (std::vector<int>{2, 3}));
  EXPECT_EQ(out->comments[1].number, std::nullopt);
  EXPECT_EQ(out->letter_date, in.letter_date);
}

TEST(ExtractWorkerProtocol, JobRoundTripsBinaryBytes) {
  ExtractJob in{"0000000000-16-092800", "filename1.pdf", std::nullopt,
                std::string("%PDF\0\xff\n", 7)};
  Result<ExtractJob> out = DecodeJob(EncodeJob(in));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->subject, in.subject);
  EXPECT_EQ(out->name, in.name);
  EXPECT_EQ(out->form, std::nullopt);
  EXPECT_EQ(out->bytes, in.bytes);
  EXPECT_EQ(DecodeJob("\x09").status().code(), StatusCode::kParse);
  EXPECT_EQ(DecodeJob(std::string("\xff\0\0\0{}", 6)).status().code(), StatusCode::kParse);
  EXPECT_EQ(DecodeReply("not json").status().code(), StatusCode::kParse);
}

TEST(ExtractWorkerProtocol, FramesSurviveTheSocketAndEndOfFileIsClean) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  std::string big(3 << 20, 'x');  // larger than the socket buffer: written while read
  pid_t child = ::fork();
  if (child == 0) {
    ::close(fds[0]);
    bool ok = WriteFrame(fds[1], "first").ok() && WriteFrame(fds[1], big).ok();
    ::_exit(ok ? 0 : 1);
  }
  ::close(fds[1]);
  EXPECT_EQ(*ReadFrame(fds[0]), "first");
  EXPECT_EQ(ReadFrame(fds[0])->size(), big.size());
  EXPECT_EQ(ReadFrame(fds[0]).status().code(), StatusCode::kNotFound);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST(ExtractWorkerProtocol, FrameReaderWaitsForTheWholeFrameAndRefusesOversizedOnes) {
  std::string length("\x05\0\0\0\0\0\0\0", 8);
  FrameReader reader;
  reader.Append(length + "ab");
  EXPECT_EQ(*reader.Next(), std::nullopt);
  EXPECT_TRUE(reader.Partial());
  reader.Append("cde");
  EXPECT_EQ(**reader.Next(), "abcde");
  EXPECT_FALSE(reader.Partial());
  FrameReader huge;
  huge.Append(std::string("\0\0\0\0\0\0\0\x7f", 8));
  EXPECT_EQ(huge.Next().status().code(), StatusCode::kCorruption);
}

TEST(ExtractPool, RealWorkerExtractsARealLetter) {
  std::string pdf = ReadFile(std::string(CORRESP_TEST_DATA) +
                             "/edgar/Archives/edgar/data/1090872/000000000016092800/filename1.pdf");
  ASSERT_FALSE(pdf.empty());
  ExtractOutcome out = RunOne(Limits(), {"0000000000-16-092800", "filename1.pdf", "UPLOAD", pdf});
  ASSERT_TRUE(out.letter.ok()) << out.letter.status().ToString();
  EXPECT_EQ(out.letter->file, "filename1.pdf");
  EXPECT_EQ(out.letter->kind, LetterKind::kCommentLetter);
  EXPECT_FALSE(out.letter->comments.empty());
}

TEST(ExtractPool, AChildThatDiesMidReplyIsATransientFailureAndThePoolGoesOn) {
  int jobs_seen = 0;
  ExtractPool::WorkerMain half_then_exit = [&jobs_seen](int fd) {
    (void)ReadFrame(fd);
    std::string frame("\x40\0\0\0\0\0\0\0{\"file\":", 16);  // promises 64 bytes, sends 8
    (void)!::write(fd, frame.data(), frame.size());
    ::_exit(3 + jobs_seen);
  };
  auto pool = ExtractPool::Start(Limits(), half_then_exit);
  ASSERT_TRUE(pool.ok());
  for (std::size_t job = 0; job < 3; ++job) {  // each death is followed by a fresh worker
    ASSERT_TRUE((*pool)->Submit(job, TinyJob("x")).ok());
    auto out = (*pool)->Next();
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(out->tag, job);
    EXPECT_EQ(out->letter.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(out->letter.status().message().find("exited with status 3"), std::string::npos)
        << out->letter.status().message();
    EXPECT_FALSE(out->permanent);
    EXPECT_EQ((*pool)->idle(), 1u);
  }
}

// Each way the extraction of one letter can go wrong, through a real worker: what it pins.
struct FaultCase {
  const char* label;
  const char* fault;  // CORRESP_TEST_EXTRACT_FAULT kind
  int cpu_seconds, wall_seconds;
  std::uint64_t max_memory_mb;
  StatusCode code;
  const char* reason;  // part of the recorded reason
};

TEST(ExtractPool, EachFaultIsAPermanentFailureWithItsReason) {
  const FaultCase kCases[] = {
    {"a crash names its signal", "crash", 30, 60, 1024, StatusCode::kInternal,
     "crashed: killed by SIGSEGV"},
    {"a spinning letter hits the CPU limit", "hang", 1, 30, 1024, StatusCode::kResourceExhausted,
     "CPU time limit (1 s)"},
    {"a blocked letter hits the wall-clock limit", "sleep", 30, 1, 1024,
     StatusCode::kResourceExhausted, "time limit (1 s wall clock)"},
#if !defined(__SANITIZE_ADDRESS__)  // no address-space limit under ASan
    {"an unbounded allocation hits the memory limit", "oom", 30, 60, 64,
     StatusCode::kResourceExhausted, "memory limit (64 MiB)"},
#endif
  };
  for (const FaultCase& c : kCases) {
    SCOPED_TRACE(c.label);
    FaultSwitch fault(std::string(c.fault) + ":0000000001-16-000001");
    ExtractOptions limits = Limits(c.cpu_seconds, c.wall_seconds);
    limits.max_memory_mb = c.max_memory_mb;
    ExtractOutcome out = RunOne(limits, TinyJob("0000000001-16-000001"));
    EXPECT_EQ(out.letter.status().code(), c.code);
    EXPECT_NE(out.letter.status().message().find(c.reason), std::string::npos)
        << out.letter.status().message();
    EXPECT_TRUE(out.permanent);
  }
}

TEST(ExtractPool, OnlyTheNamedJobFaultsAndTheNextJobGetsAFreshWorker) {
  FaultSwitch fault("hang:other,crash:0000000001-16-000001");
  auto pool = ExtractPool::Start(Limits());
  ASSERT_TRUE(pool.ok());
  ASSERT_TRUE((*pool)->Submit(0, TinyJob("0000000001-16-000001")).ok());
  EXPECT_FALSE((*pool)->Next()->letter.ok());
  ASSERT_TRUE((*pool)->Submit(1, TinyJob("0000000001-16-000002")).ok());
  auto fine = (*pool)->Next();
  ASSERT_TRUE(fine.ok() && fine->letter.ok()) << fine->letter.status().ToString();
  EXPECT_EQ(fine->letter->file, "letter.txt");
}

// A replacement worker forked while another thread of the pool's process holds a lock (as a
// backfill writer thread may, inside an RE2 the extractor shares) starts without it: the fork
// server forks it from the process as it was at Start(). Forked from the pool's own process,
// it would inherit the lock held, block on it and be killed at the wall-clock limit.
TEST(ExtractPool, AReplacementWorkerDoesNotInheritAnotherThreadsLock) {
  static std::mutex shared;  // a lock inside a library both threads use
  ExtractPool::WorkerMain lock_then_exit = [](int fd) {
    if (!ReadFrame(fd).ok()) ::_exit(0);  // the pool closed: no job
    std::lock_guard<std::mutex> hold(shared);
    ::_exit(5);
  };
  auto pool = ExtractPool::Start(Limits(30, 3), lock_then_exit);
  ASSERT_TRUE(pool.ok());
  std::mutex mu;
  std::condition_variable cv;
  bool held = false, release = false;
  std::thread writer([&] {  // holds the lock while the pool replaces its worker
    std::lock_guard<std::mutex> hold(shared);
    std::unique_lock<std::mutex> lock(mu);
    held = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
  });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return held; });
  }
  for (std::size_t job = 0; job < 2; ++job) {  // job 1 runs in the replacement of job 0's worker
    SCOPED_TRACE("job " + std::to_string(job));
    ASSERT_TRUE((*pool)->Submit(job, TinyJob("x")).ok());
    auto out = (*pool)->Next();
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_NE(out->letter.status().message().find("exited with status 5"), std::string::npos)
        << out->letter.status().message();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    release = true;
  }
  cv.notify_all();
  writer.join();
}

TEST(ExtractPool, TwoWorkersRunJobsAtOnce) {
  ExtractOptions limits = Limits();
  limits.workers = 2;
  auto pool = ExtractPool::Start(limits);
  ASSERT_TRUE(pool.ok());
  EXPECT_EQ((*pool)->idle(), 2u);
  ASSERT_TRUE((*pool)->Submit(0, TinyJob("a")).ok());
  ASSERT_TRUE((*pool)->Submit(1, TinyJob("b")).ok());
  EXPECT_EQ((*pool)->busy(), 2u);
  std::set<std::size_t> tags;
  for (int i = 0; i < 2; ++i) tags.insert((*pool)->Next()->tag);
  EXPECT_EQ(tags, (std::set<std::size_t>{0, 1}));
}

TEST(ExtractWorkerExit, StatusesMapToReasons) {
  ExtractOptions limits = Limits(30, 60);
  auto signalled = [](int sig) { return sig & 0x7f; };  // the wait status of a signal death
  EXPECT_TRUE(ExitReason(signalled(SIGABRT), false, limits).permanent);
  EXPECT_NE(ExitReason(signalled(SIGABRT), false, limits).reason.message().find("SIGABRT"),
            std::string::npos);
  EXPECT_FALSE(ExitReason(signalled(SIGKILL), false, limits).permanent);
  EXPECT_FALSE(ExitReason(signalled(SIGTERM), false, limits).permanent);
  EXPECT_TRUE(ExitReason(signalled(SIGKILL), true, limits).permanent);
  EXPECT_TRUE(ExitReason(kWorkerOutOfMemoryExit << 8, false, limits).permanent);
  EXPECT_FALSE(ExitReason(1 << 8, false, limits).permanent);
}

}  // namespace
}  // namespace corresp
