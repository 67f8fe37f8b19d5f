// Where the index a reader opens lives: one local folder, or several shards searched together
// (local folders and/or xapian-tcpsrv addresses), given on the command line (--remote, repeatable)
// or by a Xapian stub database file (docs/scaling.md).
//
// Stub file syntax is Xapian 1.4's own, so the same file opens with xapian-delve: one shard a
// line, `auto PATH` or `glass PATH` (relative paths from the stub's folder) or
// `remote HOST:PORT`; blank lines and `#` comments are skipped. Anything else is an error
// naming the file, the line and what was expected.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace corresp {

struct ShardAddress {
  // "HOST:PORT" of a xapian-tcpsrv, or empty for a local folder.
  std::string remote;
  std::filesystem::path local;
};

// Validates "HOST:PORT" (a port 1..65535 after the last colon, a non-empty host).
Status CheckHostPort(const std::string& host_port);

// Parses the stub file at `path`. kNotFound when it cannot be read, kInvalidArgument for a line
// that is not a shard or for a file naming none.
Result<std::vector<ShardAddress>> ReadStubFile(const std::filesystem::path& path);

// The shards of a command: each --remote address when any is given, else the index at
// `local` (a folder, or a stub file naming the shards).
Result<std::vector<ShardAddress>> ShardsOf(const std::filesystem::path& local,
                                           const std::vector<std::string>& remotes);

}  // namespace corresp
