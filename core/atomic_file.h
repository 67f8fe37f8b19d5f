// A file that appears whole or not at all: bytes go to a temporary file beside the target
// ("<name>.tmp-<pid>-<n>" in the same folder, so the final rename stays on one filesystem) and
// Commit() renames it over the target. An AtomicFile destroyed without a successful Commit()
// removes its temporary file, so an error half-way leaves the target as it was (absent or the
// previous version) and no temporary behind.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "core/status.h"

namespace corresp {

class AtomicFile {
 public:
  // Creates the temporary file. kIoError naming the path when the folder is missing or not
  // writable.
  static Result<std::unique_ptr<AtomicFile>> Create(const std::filesystem::path& target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends bytes. kIoError naming the target on a failed write (disk full, ...); after a
  // failure every later Write and Commit fails too.
  Status Write(std::string_view bytes);
  // Flushes, fsyncs and renames the temporary file onto the target. kIoError on failure (the
  // temporary is then removed). Called at most once.
  Status Commit();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  AtomicFile(std::filesystem::path target, std::filesystem::path temp, int fd)
      : target_(std::move(target)), temp_(std::move(temp)), fd_(fd) {}
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;  // open while writing; -1 after Commit or a failure
  bool failed_ = false;
  bool committed_ = false;
};

}  // namespace corresp
