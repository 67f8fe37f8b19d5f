#include "query/index_shards.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace corresp {

Status CheckHostPort(const std::string& host_port) {
  auto colon = host_port.rfind(':');
  unsigned port = 0;
  if (colon == std::string::npos || colon == 0 ||
      std::from_chars(host_port.data() + colon + 1, host_port.data() + host_port.size(), port).ec !=
          std::errc() ||
      port == 0 || port > 65535)
    return InvalidArgument("expected HOST:PORT, got \"" + host_port + "\"");
  return Status::Ok();
}

Result<std::vector<ShardAddress>> ReadStubFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path.string() + ": cannot read the stub database file");
  std::vector<ShardAddress> shards;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::istringstream words(line);
    std::string type, where, extra;
    words >> type;
    if (type.empty() || type[0] == '#') continue;
    words >> where >> extra;
    auto bad = [&](const std::string& why) {
      return InvalidArgument(path.string() + ":" + std::to_string(number) + ": " + why +
                             " (expected `auto PATH`, `glass PATH` or `remote HOST:PORT`)");
    };
    if (where.empty() || !extra.empty())
      return bad(where == "tcp" ? "Xapian 1.4 stubs write `remote HOST:PORT`, without `tcp`"
                                : "one type and one address a line");
    if (type == "remote") {
      Status ok = CheckHostPort(where);
      if (!ok.ok()) return bad(ok.message());
      shards.push_back({where, {}});
    } else if (type == "auto" || type == "glass") {
      std::filesystem::path folder(where);
      if (folder.is_relative()) folder = path.parent_path() / folder;
      shards.push_back({"", folder});
    } else {
      return bad("unknown shard type \"" + type + "\"");
    }
  }
  if (shards.empty()) return InvalidArgument(path.string() + ": the stub file names no shard");
  return shards;
}

Result<std::vector<ShardAddress>> ShardsOf(const std::filesystem::path& local,
                                           const std::vector<std::string>& remotes) {
  std::vector<ShardAddress> shards;
  for (const std::string& r : remotes) {
    Status ok = CheckHostPort(r);
    if (!ok.ok()) return InvalidArgument("--remote: " + ok.message());
    shards.push_back({r, {}});
  }
  if (!shards.empty()) return shards;
  std::error_code ec;
  if (std::filesystem::is_regular_file(local, ec)) return ReadStubFile(local);
  shards.push_back({"", local});
  return shards;
}

}  // namespace corresp
