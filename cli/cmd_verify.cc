// `corresp verify [--repair] [--json]` and `corresp gc [--dry-run] [--json]`.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/crawl_flags.h"
#include "cli/data_dir.h"
#include "cli/exit_codes.h"
#include "config/load.h"
#include "indexer/index/index_pipeline.h"
#include "pipeline/gc.h"
#include "pipeline/verify.h"

namespace corresp {
namespace {

nlohmann::json ToJson(const VerifyReport& r) {
  nlohmann::json problems = nlohmann::json::array();
  for (const VerifyProblem& p : r.problems)
    problems.push_back(
        {{"kind", p.kind}, {"subject", p.subject}, {"detail", p.detail}, {"repaired", p.repaired}});
  return {{"ok", r.ok()},
          {"objects_checked", r.objects_checked},
          {"filings_checked", r.filings_checked},
          {"letters_in_index", r.letters_in_index},
          {"refetch_needed", r.refetch_needed},
          {"reindex_needed", r.reindex_needed},
          {"problems", problems}};
}

int RunVerify(CliContext& ctx, const CrawlFlags& crawl, bool repair, bool json) {
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  Result<WriterSession> session = OpenForWriting(*config);
  if (!session.ok()) return ctx.PrintError(session.status()), kExitFatal;
  Result<VerifyReport> report =
      Verify(*session->catalog, *session->store, IndexPath(*config), repair);
  if (!report.ok()) return ctx.PrintError(report.status()), kExitFatal;
  long refetched = 0;
  if (repair && report->refetch_needed > 0) {
    // Re-fetch now when the crawl settings allow it; otherwise the next refresh does it.
    Config crawl_config = *config;
    ApplyCrawlFlags(crawl, crawl_config);
    if (Status valid = Validate(crawl_config); valid.ok()) {
      Result<long> fetched = RefetchAndReindex(crawl_config, *session->catalog, *session->store);
      if (!fetched.ok()) return ctx.PrintError(fetched.status()), kExitFatal;
      refetched = *fetched;
    } else {
      ctx.PrintError("not re-fetching now (" + valid.message() + "); the next refresh will");
    }
  } else if (repair && report->reindex_needed > 0) {
    Result<IndexReport> indexed = IndexPending(*config, *session->catalog, *session->store);
    if (!indexed.ok()) return ctx.PrintError(indexed.status()), kExitFatal;
  }
  if (json) {
    nlohmann::json out = ToJson(*report);
    out["refetched"] = refetched;
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("verify: %zu filings, %zu objects, %zu letters in the index: %s\n",
                report->filings_checked, report->objects_checked, report->letters_in_index,
                report->ok() ? "consistent" : "PROBLEMS");
    for (const VerifyProblem& p : report->problems)
      std::printf("  %s %s: %s%s\n", p.kind.c_str(), p.subject.c_str(), p.detail.c_str(),
                  p.repaired ? " [repaired]" : "");
    if (report->refetch_needed)
      std::printf(
          "  %zu filings set back to failed: the next crawl or refresh fetches them again\n",
          report->refetch_needed);
  }
  return report->ok() ? kExitOk : kExitPartial;
}

int RunGc(CliContext& ctx, bool dry_run, bool json) {
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  Result<WriterSession> session = OpenForWriting(*config);
  if (!session.ok()) return ctx.PrintError(session.status()), kExitFatal;
  Result<GcReport> report = CollectGarbage(*session->catalog, *session->store, dry_run);
  if (!report.ok()) return ctx.PrintError(report.status()), kExitFatal;
  if (json) {
    std::cout << nlohmann::json{{"objects", report->objects},
                                {"referenced", report->referenced},
                                {"removed", report->removed},
                                {"bytes_freed", report->bytes_freed},
                                {"temp_files", report->temp_files},
                                {"dry_run", dry_run}}
                     .dump(2)
              << "\n";
  } else {
    std::printf("gc: %zu objects, %zu referenced, %zu %s (%llu bytes), %zu stale temp files\n",
                report->objects, report->referenced, report->removed,
                dry_run ? "would be removed" : "removed",
                static_cast<unsigned long long>(report->bytes_freed), report->temp_files);
  }
  return kExitOk;
}

}  // namespace

void AddVerifyCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto* cmd =
      app.add_subcommand("verify", "Check every stored object, and the catalog against the index");
  auto repair = std::make_shared<bool>(false);
  auto json = std::make_shared<bool>(false);
  auto crawl = std::make_shared<CrawlFlags>();
  cmd->add_flag("--repair", *repair, "Fix what is inconsistent (re-extract, re-fetch)");
  cmd->add_flag("--json", *json, "Print the report as JSON");
  AddCrawlFlags(cmd, *crawl);
  cmd->callback([&ctx, crawl, repair, json, exit_code] {
    *exit_code = RunVerify(ctx, *crawl, *repair, *json);
  });
}

void AddGcCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto* cmd = app.add_subcommand("gc", "Remove stored objects that no filing references");
  auto dry_run = std::make_shared<bool>(false);
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--dry-run", *dry_run, "Only report what would be removed");
  cmd->add_flag("--json", *json, "Print the report as JSON");
  cmd->callback([&ctx, dry_run, json, exit_code] { *exit_code = RunGc(ctx, *dry_run, *json); });
}

}  // namespace corresp
