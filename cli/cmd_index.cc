// `corresp index [--rebuild] [--compact] [--cik-range LOW..HIGH] [--json]`: extract, link threads
// and write the Xapian index for every stored letter not yet indexed
// (indexer/index/index_pipeline.h), then with
// --compact rewrite the index compactly (indexer/index/compact.h). Takes the writer lock.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "cli/exit_codes.h"
#include "indexer/index/compact.h"
#include "indexer/index/index_pipeline.h"

namespace corresp {
namespace {

struct IndexFlags {
  bool rebuild = false;
  bool compact = false;
  bool json = false;
  std::string cik_range;
};

int RunIndex(CliContext& ctx, const IndexFlags& flags) {
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  Result<WriterSession> session = OpenForWriting(*config);
  if (!session.ok()) return ctx.PrintError(session.status()), ExitCodeFor(session.status());
  IndexOptions options;
  options.rebuild = flags.rebuild;
  Result<std::optional<CikRange>> range = CikRangeFlag(flags.cik_range);
  if (!range.ok()) return ctx.PrintError(range.status()), kExitUsage;
  options.cik_range = *range;
  if (!ctx.quiet() && !flags.json)
    options.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "indexed " << done << "/" << total << " filings\r" << std::flush;
    };
  Result<IndexReport> report = IndexPending(*config, *session->catalog, *session->store, options);
  if (!report.ok()) return ctx.PrintError(report.status()), ExitCodeFor(report.status());
  std::optional<CompactReport> compacted;
  if (flags.compact) {
    Result<CompactReport> c = CompactIndex(IndexPath(*config));
    if (!c.ok()) return ctx.PrintError(c.status()), ExitCodeFor(c.status());
    compacted = *c;
  }
  const IndexReport& r = *report;
  if (flags.json) {
    nlohmann::json out{
        {"filings", r.filings},     {"indexed", r.indexed},     {"outside_range", r.outside_range},
        {"failed", r.failed},       {"companies", r.companies}, {"threads", r.threads},
        {"documents", r.documents}, {"seconds", r.seconds},     {"compacted", nullptr}};
    if (compacted)
      out["compacted"] = {{"bytes_before", compacted->bytes_before},
                          {"bytes_after", compacted->bytes_after},
                          {"seconds", compacted->seconds}};
    std::cout << out.dump() << "\n";
  } else if (!ctx.quiet()) {
    std::cout << "indexed " << r.indexed << " of " << r.filings << " filings (" << r.failed
              << " failed), " << r.companies << " companies, " << r.threads << " threads, "
              << r.documents << " documents in the index, " << r.seconds << "s\n";
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
  cmd->add_flag("--rebuild", flags->rebuild, "Re-extract and re-index every stored letter");
  cmd->add_flag("--compact", flags->compact,
                "Then rewrite the index compactly (smaller, faster searches; after a rebuild or "
                "weekly)");
  cmd->add_option("--cik-range", flags->cik_range,
                  "Index only companies with CIK in LOW..HIGH: one shard of a split index "
                  "(docs/scaling.md)");
  cmd->add_flag("--json", flags->json, "Print the report as JSON");
  cmd->callback([&ctx, flags, exit_code] { *exit_code = RunIndex(ctx, *flags); });
}

}  // namespace corresp
