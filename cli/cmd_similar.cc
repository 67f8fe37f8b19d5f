// `corresp similar ID [--limit N] [--json]`: precedent comments most like one item, from
// other reviews (relevance feedback, query/lookup.h).
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/index_command.h"
#include "query/lookup.h"
#include "query/present.h"

namespace corresp {

void AddSimilarCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  struct Flags {
    std::string id;
    IndexLocation source;
    bool json = false;
    SimilarOptions options;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("similar", "Precedents most like one comment, from other reviews");
  cmd->add_option("id", f->id, "Item id (ACCESSION#N)")->required();
  cmd->add_option("--limit", f->options.limit, "How many")->capture_default_str();
  AddIndexLocationOptions(cmd, f->source);
  cmd->add_flag("--json", f->json, "Print JSON (the shape of search --json)");
  cmd->callback([&ctx, f, exit_code] {
    *exit_code = RunIndexLookup(ctx, f->source, [&](IndexReader& reader) {
      auto similar = Similar(reader, f->id, f->options);
      if (!similar.ok()) return similar.status();
      if (f->json)
        std::cout << SearchResponseToJson(*similar).dump() << "\n";
      else
        PrintSearchText(std::cout, *similar, isatty(STDOUT_FILENO) != 0);
      return Status::Ok();
    });
  });
}

}  // namespace corresp
