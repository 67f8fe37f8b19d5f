// `corresp index [--rebuild [--ignore-free-space]] [--compact] [--cik-range LOW..HIGH] [--json]
// [--[no-]progress]`: extract, link threads and write the Xapian index for every stored letter
// not yet indexed (indexer/index/index_pipeline.h), then with --compact rewrite the index
// compactly (indexer/index/compact.h). Takes the writer lock. A progress line on stderr when it
// is a terminal (cli/index_progress.h). A rebuild first checks the disk has room for the new
// index beside the old one (indexer/index/rebuild_space.h).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "cli/exit_codes.h"
#include "cli/index_phases_json.h"
#include "cli/index_progress.h"
#include "indexer/index/compact.h"
#include "indexer/index/index_pipeline.h"

namespace corresp {
namespace {

struct IndexFlags {
  bool rebuild = false;
  bool ignore_free_space = false;
  bool compact = false;
  bool json = false;
  bool progress = false;
  bool no_progress = false;
  std::string cik_range;
};

nlohmann::json ToJson(const IndexReport& r) {
  return {{"filings", r.filings},
          {"indexed", r.indexed},
          {"outside_range", r.outside_range},
          {"failed", r.failed},
          {"items", r.items},
          {"companies", r.companies},
          {"relinks", r.relinks},
          {"threads", r.threads},
          {"threads_opened", r.threads_opened},
          {"threads_closed", r.threads_closed},
          {"batches", r.batches},
          {"resumed", r.resumed},
          {"writers", r.writers},
          {"documents", r.documents},
          {"seconds", r.seconds},
          {"letters_per_second", r.LettersPerSecond()},
          {"items_per_second", r.ItemsPerSecond()},
          {"phases", IndexPhasesJson(r.phases)},
          {"compacted", nullptr}};
}

int RunIndex(CliContext& ctx, const IndexFlags& flags) {
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  Result<WriterSession> session = OpenForWriting(*config);
  if (!session.ok()) return ctx.PrintError(session.status()), ExitCodeFor(session.status());
  IndexOptions options;
  options.rebuild = flags.rebuild;
  options.check_free_space = !flags.ignore_free_space;
  Result<std::optional<CikRange>> range = CikRangeFlag(flags.cik_range);
  if (!range.ok()) return ctx.PrintError(range.status()), kExitUsage;
  options.cik_range = *range;
  std::unique_ptr<IndexProgressLine> line = IndexProgressLine::Make(
      ProgressModeFromFlags(flags.progress, flags.no_progress), ctx.quiet());
  if (line) options.progress = line->Callback();
  Result<IndexReport> report = IndexPending(*config, *session->catalog, *session->store, options);
  if (line) line->Finish();
  if (!report.ok()) return ctx.PrintError(report.status()), ExitCodeFor(report.status());
  std::optional<CompactReport> compacted;
  if (flags.compact) {
    Result<CompactReport> c = CompactIndex(IndexPath(*config));
    if (!c.ok()) return ctx.PrintError(c.status()), ExitCodeFor(c.status());
    compacted = *c;
  }
  const IndexReport& r = *report;
  if (flags.json) {
    nlohmann::json out = ToJson(r);
    if (compacted)
      out["compacted"] = {{"bytes_before", compacted->bytes_before},
                          {"bytes_after", compacted->bytes_after},
                          {"seconds", compacted->seconds}};
    std::cout << out.dump() << "\n";
  } else if (!ctx.quiet()) {
    std::cout << fmt::format(
        "indexed {} of {} filings ({} failed), {} items, {} companies, {} threads, {} documents "
        "in the index, {:.1f}s ({:.1f} letters/s, {:.0f} items/s)\n",
        r.indexed, r.filings, r.failed, r.items, r.companies, r.threads, r.documents, r.seconds,
        r.LettersPerSecond(), r.ItemsPerSecond());
    if (r.resumed > 0)
      std::cout << fmt::format(
          "resumed an interrupted backfill: {} letters it had written were kept\n", r.resumed);
    if (compacted)
      std::cout << fmt::format("compacted the index: {:.1f} MB -> {:.1f} MB in {:.1f}s\n",
                               compacted->bytes_before / 1e6, compacted->bytes_after / 1e6,
                               compacted->seconds);
  }
  return r.failed > 0 ? kExitPartial : kExitOk;
}

}  // namespace

void AddIndexCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto flags = std::make_shared<IndexFlags>();
  auto* cmd = app.add_subcommand("index", "Extract stored letters, link threads, write the index");
  cmd->add_flag("--rebuild", flags->rebuild,
                "Re-extract and re-index every stored letter into a new index, swapped in for the "
                "old one when done");
  cmd->add_flag("--ignore-free-space", flags->ignore_free_space,
                "Rebuild even when the disk seems to lack the ~2.4x the index's size a rebuild "
                "writes beside it");
  cmd->add_flag("--compact", flags->compact,
                "Then rewrite the index compactly (smaller, faster searches; after a rebuild or "
                "weekly)");
  cmd->add_option("--cik-range", flags->cik_range,
                  "Index only companies with CIK in LOW..HIGH: one shard of a split index "
                  "(docs/scaling.md)");
  cmd->add_flag("--json", flags->json, "Print the report as JSON");
  cmd->add_flag("--progress", flags->progress,
                "Draw the progress line on stderr even when it is not a terminal");
  cmd->add_flag("--no-progress", flags->no_progress, "Never draw the progress line");
  cmd->callback([&ctx, flags, exit_code] { *exit_code = RunIndex(ctx, *flags); });
}

}  // namespace corresp
