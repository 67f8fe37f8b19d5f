#include "store/document_store.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "store/gzip.h"
#include "store/sha256.h"

namespace corresp {
namespace fs = std::filesystem;
namespace {

Status ErrnoStatus(const std::string& what, const fs::path& path) {
  return IoError(what + " " + path.string() + ": " + std::strerror(errno));
}

// Writes all of `data` to `fd`, retrying short writes.
Status WriteAll(int fd, std::string_view data, const fs::path& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("write", path);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status FsyncDir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return ErrnoStatus("open", dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return ErrnoStatus("fsync", dir);
  return Status::Ok();
}

std::string TempName() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  return std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()) +
         ".tmp";
}

}  // namespace

Result<std::unique_ptr<DocumentStore>> DocumentStore::Open(const fs::path& root) {
  std::error_code ec;
  fs::create_directories(root / "objects", ec);
  if (!ec) fs::create_directories(root / "tmp", ec);
  if (ec) return IoError("cannot create document store " + root.string() + ": " + ec.message());
  auto store = std::unique_ptr<DocumentStore>(new DocumentStore(root));
  store->RemoveStaleTemps();
  return store;
}

fs::path DocumentStore::ObjectPath(std::string_view sha256) const {
  std::string key(sha256);
  return root_ / "objects" / key.substr(0, 2) / (key + ".gz");
}

bool DocumentStore::Contains(std::string_view sha256) const {
  if (!IsSha256Hex(sha256)) return false;
  std::error_code ec;
  return fs::exists(ObjectPath(sha256), ec);
}

Result<std::string> DocumentStore::Put(std::string_view bytes) {
  std::string key = Sha256Hex(bytes);
  fs::path final_path = ObjectPath(key);
  std::error_code ec;
  if (fs::exists(final_path, ec)) return key;
  fs::create_directories(final_path.parent_path(), ec);
  if (ec)
    return IoError("cannot create " + final_path.parent_path().string() + ": " + ec.message());
  Result<std::string> packed = GzipCompress(bytes);
  if (!packed.ok()) return packed.status().WithContext("store object " + key);
  fs::path temp = root_ / "tmp" / TempName();
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("create", temp);
  Status written = WriteAll(fd, *packed, temp);
  if (written.ok() && ::fsync(fd) != 0) written = ErrnoStatus("fsync", temp);
  ::close(fd);
  if (written.ok() && ::rename(temp.c_str(), final_path.c_str()) != 0)
    written = ErrnoStatus("rename into", final_path);
  if (!written.ok()) {
    ::unlink(temp.c_str());
    return written;
  }
  CORRESP_RETURN_IF_ERROR(FsyncDir(final_path.parent_path()));
  return key;
}

Result<std::string> DocumentStore::Get(std::string_view sha256) const {
  if (!IsSha256Hex(sha256)) return InvalidArgument("not a sha256 key: " + std::string(sha256));
  fs::path path = ObjectPath(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("no stored object " + std::string(sha256));
  std::ostringstream buf;
  buf << in.rdbuf();
  Result<std::string> bytes = GzipDecompress(buf.str());
  if (!bytes.ok()) return bytes.status().WithContext("stored object " + path.string());
  if (Sha256Hex(*bytes) != sha256)
    return Corruption("stored object " + path.string() + " no longer matches its sha256");
  return bytes;
}

Status DocumentStore::Verify(std::string_view sha256) const {
  Result<std::string> bytes = Get(sha256);
  return bytes.ok() ? Status::Ok() : bytes.status();
}

Result<std::vector<std::string>> DocumentStore::List() const {
  std::vector<std::string> keys;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root_ / "objects", ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string name = it->path().filename().string();
    if (name.size() == 67 && name.ends_with(".gz") && IsSha256Hex(name.substr(0, 64)))
      keys.push_back(name.substr(0, 64));
  }
  if (ec) return IoError("cannot list " + (root_ / "objects").string() + ": " + ec.message());
  std::sort(keys.begin(), keys.end());
  return keys;
}

Status DocumentStore::Remove(std::string_view sha256) {
  if (!IsSha256Hex(sha256)) return InvalidArgument("not a sha256 key: " + std::string(sha256));
  std::error_code ec;
  fs::remove(ObjectPath(sha256), ec);
  if (ec) return IoError("cannot remove " + ObjectPath(sha256).string() + ": " + ec.message());
  return Status::Ok();
}

std::size_t DocumentStore::RemoveStaleTemps() {
  // A temp file belongs to a live writer only while its pid runs; others are crash leftovers.
  std::size_t removed = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(root_ / "tmp", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    long pid = std::strtol(name.c_str(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0) continue;  // writer still alive
    std::error_code rm;
    if (fs::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

}  // namespace corresp
