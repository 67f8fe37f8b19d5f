// `corresp show ID [--json]`: a letter with each comment followed by its paired response, or
// one item (ACCESSION#N).
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "query/lookup.h"
#include "query/present.h"

namespace corresp {

void AddShowCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  struct Flags {
    std::string id, remote;
    bool json = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("show", "Show a letter (ACCESSION) or one item (ACCESSION#N)");
  cmd->add_option("id", f->id, "ACCESSION, ACCESSION#N or ACCESSION#uK")->required();
  cmd->add_option("--remote", f->remote, "Read an index served by xapian-tcpsrv at HOST:PORT");
  cmd->add_flag("--json", f->json, "Print JSON");
  cmd->callback([&ctx, f, exit_code] {
    Result<Config> config = ctx.LoadConfig();
    if (!config.ok()) return ctx.PrintError(config.status()), void(*exit_code = kExitUsage);
    auto reader = OpenIndex(IndexPath(*config), f->remote);
    if (!reader.ok())
      return ctx.PrintError(reader.status()), void(*exit_code = ExitCodeFor(reader.status()));
    auto shown = ShowItem(**reader, f->id);
    if (!shown.ok()) {
      ctx.PrintError(shown.status());
      *exit_code =
          shown.status().code() == StatusCode::kNotFound ? kExitUsage : ExitCodeFor(shown.status());
      return;
    }
    if (f->json)
      std::cout << shown->dump() << "\n";
    else
      PrintShowText(std::cout, *shown);
  });
}

}  // namespace corresp
