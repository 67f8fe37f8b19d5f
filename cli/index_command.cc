#include "cli/index_command.h"

#include "cli/exit_codes.h"

namespace corresp {

void AddIndexLocationOptions(CLI::App* cmd, IndexLocation& source) {
  cmd->add_option("--remote", source.remotes,
                  "Read an index served by xapian-tcpsrv at HOST:PORT; repeat for shards "
                  "searched together");
  cmd->add_option("--index", source.index,
                  "Index folder, or a Xapian stub file naming shards (default: DATA_DIR/index)");
}

Result<std::unique_ptr<IndexReader>> OpenIndexLocation(const Config& config,
                                                       const IndexLocation& source,
                                                       const IndexReaderOptions& options) {
  std::filesystem::path local =
      source.index.empty() ? IndexPath(config) : std::filesystem::path(source.index);
  return OpenIndex(local, source.remotes, options);
}

int RunIndexLookup(CliContext& ctx, const IndexLocation& source,
                   const std::function<Status(IndexReader&)>& lookup) {
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  auto reader = OpenIndexLocation(*config, source);
  if (!reader.ok()) return ctx.PrintError(reader.status()), ExitCodeFor(reader.status());
  Status status = lookup(**reader);
  if (status.ok()) return kExitOk;
  ctx.PrintError(status);
  return status.code() == StatusCode::kNotFound ? kExitUsage : ExitCodeFor(status);
}

}  // namespace corresp
