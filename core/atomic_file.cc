#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace corresp {

namespace {

Status Errno(const char* what, const std::filesystem::path& path) {
  return IoError(std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}

std::filesystem::path TempBeside(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  std::filesystem::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  return temp;
}

}  // namespace

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::filesystem::path& target) {
  std::filesystem::path temp = TempBeside(target);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("cannot create", temp);
  return std::unique_ptr<AtomicFile>(new AtomicFile(target, std::move(temp), fd));
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
}

Status AtomicFile::Write(std::string_view bytes) {
  if (failed_ || fd_ < 0) return IoError(target_.string() + ": write after a failure or commit");
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failed_ = true;
      return Errno("cannot write", target_);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (failed_ || fd_ < 0) return IoError(target_.string() + ": commit after a failure or commit");
  Status status = Status::Ok();
  if (::fsync(fd_) != 0) status = Errno("cannot fsync", temp_);
  if (::close(fd_) != 0 && status.ok()) status = Errno("cannot close", temp_);
  fd_ = -1;
  if (status.ok() && ::rename(temp_.c_str(), target_.c_str()) != 0)
    status = Errno("cannot rename into", target_);
  failed_ = !status.ok();
  committed_ = status.ok();
  return status;
}

}  // namespace corresp
