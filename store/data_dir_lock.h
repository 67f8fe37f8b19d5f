// Exclusive writer lock on a data directory (flock on DATA/lock). One writer at a time
// (crawl, index, refresh); readers (search) never take it. The holder's pid is written
// into the file so a refused writer can name it. Released by the destructor or process exit,
// so a SIGKILLed holder never leaves a stale lock.
#pragma once

#include <filesystem>
#include <memory>

#include "core/status.h"

namespace corresp {

class DataDirLock {
 public:
  // kUnavailable "data dir D is locked by pid N (another corresp writer)" when held;
  // kIoError when the lock file cannot be created.
  static Result<std::unique_ptr<DataDirLock>> Acquire(const std::filesystem::path& data_dir);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace corresp
