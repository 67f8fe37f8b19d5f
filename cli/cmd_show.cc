// `corresp show ID [--json]`: a letter with each comment followed by its paired response, or
// one item (ACCESSION#N).
#include <iostream>

#include "cli/commands.h"
#include "cli/index_command.h"
#include "query/lookup.h"
#include "query/present.h"

namespace corresp {

void AddShowCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  struct Flags {
    std::string id;
    IndexLocation source;
    bool json = false;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("show", "Show a letter (ACCESSION) or one item (ACCESSION#N)");
  cmd->add_option("id", f->id, "ACCESSION, ACCESSION#N or ACCESSION#uK")->required();
  AddIndexLocationOptions(cmd, f->source);
  cmd->add_flag("--json", f->json, "Print JSON");
  cmd->callback([&ctx, f, exit_code] {
    *exit_code = RunIndexLookup(ctx, f->source, [&](IndexReader& reader) {
      auto shown = ShowItem(reader, f->id);
      if (!shown.ok()) return shown.status();
      if (f->json)
        std::cout << shown->dump() << "\n";
      else
        PrintShowText(std::cout, *shown);
      return Status::Ok();
    });
  });
}

}  // namespace corresp
