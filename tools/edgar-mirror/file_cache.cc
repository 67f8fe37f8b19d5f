#include "tools/edgar-mirror/file_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/gzip.h"

namespace corresp::mirror {
namespace {

Result<std::string> ReadWholeFile(const std::string& path, std::size_t size_hint) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return NotFound(path);
    return IoError(path + ": " + std::strerror(errno));
  }
  std::string data;
  data.resize(size_hint + 1);
  std::size_t used = 0;
  while (true) {
    if (used == data.size()) data.resize(data.size() * 2 + 4096);
    ssize_t n = ::read(fd, data.data() + used, data.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return IoError(path + ": " + std::strerror(err));
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  ::close(fd);
  data.resize(used);
  return data;
}

}  // namespace

FileCache::FileCache(std::string root, std::size_t max_file_bytes, std::size_t budget_bytes)
    : root_(std::move(root)), max_file_bytes_(max_file_bytes), budget_bytes_(budget_bytes) {}

Result<FileCache::Identity> FileCache::Stat(const std::string& path) const {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR || errno == ENAMETOOLONG || errno == ELOOP) {
      return NotFound(path);
    }
    return IoError(path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return NotFound(path + ": not a regular file");
  Identity id;
  id.dev = st.st_dev;
  id.ino = st.st_ino;
  id.size = static_cast<std::uint64_t>(st.st_size);
  id.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return id;
}

Bytes FileCache::Lookup(const std::string& rel_path, const Identity& id, bool gzip) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(rel_path);
  if (it == entries_.end() || !(it->second.id == id)) return nullptr;
  return gzip ? it->second.gzipped : it->second.plain;
}

void FileCache::Store(const std::string& rel_path, const Identity& id, Bytes plain, Bytes gzipped) {
  if (plain->size() > max_file_bytes_) return;
  std::lock_guard lock(mu_);
  Entry& entry = entries_[rel_path];
  std::size_t old_bytes = 0;
  if (entry.plain) old_bytes += entry.plain->size();
  if (entry.gzipped) old_bytes += entry.gzipped->size();
  if (entry.id == id && entry.plain) {
    plain = entry.plain;  // keep what is there; only add the missing form
    if (!gzipped) gzipped = entry.gzipped;
  }
  std::size_t new_bytes = plain->size() + (gzipped ? gzipped->size() : 0);
  if (cached_bytes_ - old_bytes + new_bytes > budget_bytes_) {
    cached_bytes_ -= old_bytes;
    entries_.erase(rel_path);
    return;
  }
  cached_bytes_ = cached_bytes_ - old_bytes + new_bytes;
  entry = Entry{id, std::move(plain), std::move(gzipped)};
}

Result<Bytes> FileCache::Get(const std::string& rel_path, bool gzip) {
  const std::string path = root_ + "/" + rel_path;
  CORRESP_ASSIGN_OR_RETURN(Identity id, Stat(path));
  if (Bytes hit = Lookup(rel_path, id, gzip)) return hit;
  Bytes plain = Lookup(rel_path, id, false);
  if (!plain) {
    CORRESP_ASSIGN_OR_RETURN(std::string data, ReadWholeFile(path, id.size));
    plain = std::make_shared<const std::string>(std::move(data));
  }
  Bytes gzipped;
  if (gzip) {
    CORRESP_ASSIGN_OR_RETURN(std::string packed, GzipCompress(*plain));
    gzipped = std::make_shared<const std::string>(std::move(packed));
  }
  Store(rel_path, id, plain, gzipped);
  return gzip ? gzipped : plain;
}

}  // namespace corresp::mirror
