// `corresp thread ID [--json]`: the timeline of a review thread (by thread id, accession or
// item id).
#include <iostream>

#include "cli/commands.h"
#include "cli/index_command.h"
#include "query/lookup.h"
#include "query/present.h"

namespace corresp {

void AddThreadCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  struct Flags {
    std::string id;
    IndexLocation source;
    bool json = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("thread", "Show a review thread's timeline");
  cmd->add_option("id", f->id, "Thread id (CIK-ACCESSION), or any accession / item id in it")
      ->required();
  AddIndexLocationOptions(cmd, f->source);
  cmd->add_flag("--json", f->json, "Print JSON");
  cmd->callback([&ctx, f, exit_code] {
    *exit_code = RunIndexLookup(ctx, f->source, [&](IndexReader& reader) {
      auto thread = GetThread(reader, f->id);
      if (!thread.ok()) return thread.status();
      if (f->json)
        std::cout << thread->dump() << "\n";
      else
        PrintThreadText(std::cout, *thread);
      return Status::Ok();
    });
  });
}

}  // namespace corresp
