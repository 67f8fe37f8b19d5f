// `corresp thread ID [--json]`: the timeline of a review thread (by thread id, accession or
// item id).
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "query/lookup.h"
#include "query/present.h"

namespace corresp {

void AddThreadCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  struct Flags {
    std::string id, remote;
    bool json = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("thread", "Show a review thread's timeline");
  cmd->add_option("id", f->id, "Thread id (CIK-ACCESSION), or any accession / item id in it")
      ->required();
  cmd->add_option("--remote", f->remote, "Read an index served by xapian-tcpsrv at HOST:PORT");
  cmd->add_flag("--json", f->json, "Print JSON");
  cmd->callback([&ctx, f, exit_code] {
    Result<Config> config = ctx.LoadConfig();
    if (!config.ok()) return ctx.PrintError(config.status()), void(*exit_code = kExitUsage);
    auto reader = OpenIndex(IndexPath(*config), f->remote);
    if (!reader.ok())
      return ctx.PrintError(reader.status()), void(*exit_code = ExitCodeFor(reader.status()));
    auto thread = GetThread(**reader, f->id);
    if (!thread.ok()) {
      ctx.PrintError(thread.status());
      *exit_code = thread.status().code() == StatusCode::kNotFound ? kExitUsage
                                                                   : ExitCodeFor(thread.status());
      return;
    }
    if (f->json)
      std::cout << thread->dump() << "\n";
    else
      PrintThreadText(std::cout, *thread);
  });
}

}  // namespace corresp
