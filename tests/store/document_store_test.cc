#include "store/document_store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "store/sha256.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {
namespace fs = std::filesystem;

std::string RandomBytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng());
  return s;
}

size_t CountFiles(const fs::path& dir) {
  size_t n = 0;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) ++n;
  return n;
}

TEST(DocumentStoreTest, PutThenGetReturnsTheOriginalBytes) {
  testing::TempDir dir;
  auto store = DocumentStore::Open(dir.path() / "store");
  ASSERT_TRUE(store.ok());
  std::string bytes = "%PDF-1.4 letter\n" + RandomBytes(5000, 1);
  Result<std::string> key = (*store)->Put(bytes);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(*key, Sha256Hex(bytes));
  EXPECT_TRUE((*store)->Contains(*key));
  EXPECT_EQ(*(*store)->Get(*key), bytes);
  EXPECT_TRUE((*store)->Verify(*key).ok());
  EXPECT_EQ(*(*store)->List(), std::vector<std::string>{*key});
}

TEST(DocumentStoreTest, RePutOfTheSameBytesIsANoOp) {
  testing::TempDir dir;
  auto store = *DocumentStore::Open(dir.path());
  std::string bytes(100000, 'x');
  std::string key = *store->Put(bytes);
  auto before = fs::last_write_time(store->ObjectPath(key));
  size_t files = CountFiles(dir.path());
  EXPECT_EQ(*store->Put(bytes), key);
  EXPECT_EQ(fs::last_write_time(store->ObjectPath(key)), before);
  EXPECT_EQ(CountFiles(dir.path()), files);
  EXPECT_LT(fs::file_size(store->ObjectPath(key)), 2000u) << "objects are compressed";
}

TEST(DocumentStoreTest, MissingAndDamagedObjectsAreReported) {
  testing::TempDir dir;
  auto store = *DocumentStore::Open(dir.path());
  EXPECT_EQ(store->Get(std::string(64, 'a')).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->Get("not-a-key").status().code(), StatusCode::kInvalidArgument);
  std::string key = *store->Put("hello world");
  std::ofstream(store->ObjectPath(key), std::ios::binary | std::ios::trunc) << "garbage";
  EXPECT_EQ(store->Verify(key).code(), StatusCode::kCorruption);
  // Valid gzip of other bytes: decompresses but no longer matches the name.
  std::string other = *store->Put("other bytes");
  fs::copy_file(store->ObjectPath(other), store->ObjectPath(key),
                fs::copy_options::overwrite_existing);
  Status s = store->Verify(key);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("no longer matches"), std::string::npos);
}

// A writer killed at random moments never leaves a partial object visible: every listed
// object verifies, and the temp files it left are cleaned by the next Open.
TEST(DocumentStoreTest, KilledWritersLeaveNothingPartialVisible) {
  testing::TempDir dir;
  fs::path root = dir.path() / "store";
  ASSERT_TRUE(DocumentStore::Open(root).ok());
  std::mt19937 rng(42);
  for (int round = 0; round < 6; ++round) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      auto store = *DocumentStore::Open(root);
      for (unsigned i = 0;; ++i) (void)store->Put(RandomBytes(3 << 20, round * 1000 + i));
    }
    usleep(50000 + rng() % 400000);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    auto store = *DocumentStore::Open(root);
    for (const std::string& key : *store->List())
      ASSERT_TRUE(store->Verify(key).ok()) << "round " << round << " " << key;
    EXPECT_EQ(CountFiles(root / "tmp"), 0u) << "stale temp files removed by Open";
  }
}

// A write that fails midway (here: the file size limit, as a full disk would) returns
// kIoError naming the file and leaves neither an object nor a temp file behind.
TEST(DocumentStoreTest, WriteFailureLeavesNothingAndSaysWhy) {
  testing::TempDir dir;
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    signal(SIGXFSZ, SIG_IGN);
    auto store = *DocumentStore::Open(dir.path());
    rlimit limit{4096, 4096};
    setrlimit(RLIMIT_FSIZE, &limit);
    Result<std::string> key = store->Put(RandomBytes(1 << 20, 7));
    if (key.ok()) _exit(10);
    if (key.status().code() != StatusCode::kIoError) _exit(11);
    if (key.status().message().find("tmp") == std::string::npos) _exit(12);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "10: write succeeded, 11: wrong code, 12: no path";
  auto store = *DocumentStore::Open(dir.path());
  EXPECT_TRUE(store->List()->empty());
  EXPECT_EQ(CountFiles(dir.path()), 0u);
}

TEST(DocumentStoreTest, RemoveDeletesOnlyThatObject) {
  testing::TempDir dir;
  auto store = *DocumentStore::Open(dir.path());
  std::string a = *store->Put("a"), b = *store->Put("b");
  EXPECT_TRUE(store->Remove(a).ok());
  EXPECT_TRUE(store->Remove(a).ok());
  EXPECT_EQ(*store->List(), std::vector<std::string>{b});
}

}  // namespace
}  // namespace corresp
