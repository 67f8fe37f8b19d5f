// Content-addressed store of original document bytes.
//
// Layout: ROOT/objects/ab/abcdef...(64 hex).gz holding the gzip of the bytes whose sha256 is
// the name. Writes go to ROOT/tmp/, are fsynced, then renamed into place and the directory
// fsynced, so a crash never leaves a partial object visible: an object either exists whole
// or not at all. Leftover temp files from a crash are removed by RemoveStaleTemps() (called
// by Open()). Not thread-safe for one instance; several processes may share a root.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace corresp {

class DocumentStore {
 public:
  // Creates ROOT (and its subfolders) when absent. Fails with kIoError naming the path.
  static Result<std::unique_ptr<DocumentStore>> Open(const std::filesystem::path& root);

  // Stores `bytes` and returns their sha256 hex. Storing bytes already present is a no-op
  // that returns the same key. kIoError (disk full, permission) leaves nothing visible.
  Result<std::string> Put(std::string_view bytes);

  // The original bytes of `sha256`. kNotFound when absent; kCorruption when the object does
  // not decompress or its bytes no longer hash to its name.
  Result<std::string> Get(std::string_view sha256) const;

  bool Contains(std::string_view sha256) const;
  // Ok when the object exists and its content hashes to its name (see Get for errors).
  Status Verify(std::string_view sha256) const;
  // Every stored key, sorted.
  Result<std::vector<std::string>> List() const;
  // Deletes an object; Ok when it was already absent.
  Status Remove(std::string_view sha256);
  // Deletes temp files left by interrupted writes; returns how many.
  std::size_t RemoveStaleTemps();

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path ObjectPath(std::string_view sha256) const;

 private:
  explicit DocumentStore(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;
};

}  // namespace corresp
