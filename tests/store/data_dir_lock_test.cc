#include "store/data_dir_lock.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

TEST(DataDirLockTest, SecondWriterIsRefusedWithTheHoldersPid) {
  testing::TempDir dir;
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto lock = DataDirLock::Acquire(dir.path());
    char ok = lock.ok() ? '1' : '0';
    (void)!write(ready[1], &ok, 1);
    pause();
    _exit(0);
  }
  char ok = 0;
  ASSERT_EQ(read(ready[0], &ok, 1), 1);
  ASSERT_EQ(ok, '1');
  auto second = DataDirLock::Acquire(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(second.status().message().find("pid " + std::to_string(child)), std::string::npos)
      << second.status().message();
  // A holder killed with SIGKILL leaves no stale lock.
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  EXPECT_TRUE(DataDirLock::Acquire(dir.path()).ok());
}

TEST(DataDirLockTest, ReleasedByTheDestructor) {
  testing::TempDir dir;
  {
    auto lock = DataDirLock::Acquire(dir.path());
    ASSERT_TRUE(lock.ok());
  }
  EXPECT_TRUE(DataDirLock::Acquire(dir.path()).ok());
}

}  // namespace
}  // namespace corresp
