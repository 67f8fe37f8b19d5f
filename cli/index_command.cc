#include "cli/index_command.h"

#include "cli/exit_codes.h"

namespace corresp {

int RunIndexLookup(CliContext& ctx, const std::string& remote,
                   const std::function<Status(IndexReader&)>& lookup) {
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  auto reader = OpenIndex(IndexPath(*config), remote);
  if (!reader.ok()) return ctx.PrintError(reader.status()), ExitCodeFor(reader.status());
  Status status = lookup(**reader);
  if (status.ok()) return kExitOk;
  ctx.PrintError(status);
  return status.code() == StatusCode::kNotFound ? kExitUsage : ExitCodeFor(status);
}

}  // namespace corresp
