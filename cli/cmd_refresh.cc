// `corresp refresh`: the nightly job (pipeline/refresh.h). Thin: flags, lock, run, print.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/crawl_flags.h"
#include "cli/data_dir.h"
#include "cli/exit_codes.h"
#include "cli/index_phases_json.h"
#include "cli/index_progress.h"
#include "cli/interrupt.h"
#include "cli/log.h"
#include "cli/tty_progress.h"
#include "config/load.h"
#include "pipeline/refresh.h"

namespace corresp {
namespace {

struct RefreshFlags {
  CrawlFlags crawl;
  std::string since;
  std::string until;
  bool retry_failed = false;
  bool json = false;
  bool progress = false;
  bool no_progress = false;
  std::string cik_range;
};

nlohmann::json PhasesJson(const RefreshPhaseSeconds& p) {
  return {{"before", p.before},
          {"crawl", p.crawl},
          {"submissions", p.submissions},
          {"index", p.index},
          {"index_detail", IndexPhasesJson(p.index_phases)},
          {"changes", p.changes},
          {"save", p.save}};
}

nlohmann::json ToJson(const RefreshReport& r) {
  nlohmann::json failures = nlohmann::json::array();
  for (const RefreshFailure& f : r.failures)
    failures.push_back({{"subject", f.subject}, {"stage", f.stage}, {"reason", f.reason}});
  nlohmann::json pending = nlohmann::json::array(), late = nlohmann::json::array();
  for (const PendingDay& p : r.pending_days) {
    pending.push_back(p.day.ToIso());
    if (p.late) late.push_back(p.day.ToIso());
  }
  return {{"from", r.from.ToIso()},
          {"to", r.to.ToIso()},
          {"days_scanned", r.days_scanned},
          {"index_files", r.index_files},
          {"new_filings", r.new_filings},
          {"letters", r.letters_indexed},
          {"items", r.items_indexed},
          {"comments", r.comments_added},
          {"responses", r.responses_added},
          {"threads_opened", r.threads_opened},
          {"threads_closed", r.threads_closed},
          {"failures", failures},
          {"days_reread", r.days_reread},
          {"pending_days", pending},
          {"late_days", late},
          {"reconciled_quarters", r.reconciled_quarters},
          {"requests", r.requests},
          {"elapsed_seconds", r.elapsed_seconds},
          {"phases", PhasesJson(r.phases)},
          {"watermark", r.watermark ? nlohmann::json(r.watermark->ToIso()) : nlohmann::json()},
          {"interrupted", r.interrupted}};
}

void PrintSummary(const RefreshReport& r) {
  std::printf(
      "refresh %s..%s: %ld days, %ld index files, %ld new filings, %ld letters indexed "
      "(+%ld comments, +%ld responses), threads +%ld opened / %ld closed, %zu failures, "
      "%llu requests, %.1fs; watermark %s%s\n",
      r.from.ToIso().c_str(), r.to.ToIso().c_str(), r.days_scanned, r.index_files, r.new_filings,
      r.letters_indexed, r.comments_added, r.responses_added, r.threads_opened, r.threads_closed,
      r.failures.size(), static_cast<unsigned long long>(r.requests), r.elapsed_seconds,
      r.watermark ? r.watermark->ToIso().c_str() : "none",
      r.interrupted ? " (interrupted: watermark kept)" : "");
  std::string pending;
  for (const PendingDay& p : r.pending_days)
    pending += " " + p.day.ToIso() + (p.late ? " (late)" : "");
  std::string reconciled;
  for (const std::string& q : r.reconciled_quarters) reconciled += " " + q;
  std::printf("  %ld days re-read; pending:%s; reconciled:%s\n", r.days_reread,
              pending.empty() ? " none" : pending.c_str(),
              reconciled.empty() ? " none" : reconciled.c_str());
  for (const RefreshFailure& f : r.failures)
    std::printf("  failed %s %s: %s\n", f.stage.c_str(), f.subject.c_str(), f.reason.c_str());
}

int Run(CliContext& ctx, const RefreshFlags& flags) {
  Result<Config> loaded = ctx.LoadConfig();
  if (!loaded.ok()) return ctx.PrintError(loaded.status()), kExitUsage;
  Config config = *loaded;
  ApplyCrawlFlags(flags.crawl, config);
  if (Status valid = Validate(config); !valid.ok()) return ctx.PrintError(valid), kExitUsage;
  RefreshRequest request;
  for (auto [text, out] :
       {std::pair{&flags.since, &request.since}, {&flags.until, &request.until}}) {
    if (text->empty()) continue;
    *out = Date::Parse(*text);
    if (!*out)
      return ctx.PrintError("expected a date YYYY-MM-DD, got \"" + *text + "\""), kExitUsage;
  }
  request.retry_failed = flags.retry_failed;
  Result<std::optional<CikRange>> range = CikRangeFlag(flags.cik_range);
  if (!range.ok()) return ctx.PrintError(range.status()), kExitUsage;
  request.cik_range = *range;
  request.stop = InstallStopHandler();
  Logger log(config.log);

  Result<WriterSession> session = OpenForWriting(config);
  if (!session.ok()) return ctx.PrintError(session.status()), kExitFatal;
  log.Info("refresh_start", "refresh from " + config.crawl.base_url,
           {{"base_url", config.crawl.base_url}, {"data_dir", config.data_dir.string()}});
  std::unique_ptr<TtyProgress> progress = MakeTtyProgress(ctx.quiet() || flags.json);
  std::unique_ptr<IndexProgressLine> index_line = IndexProgressLine::Make(
      ProgressModeFromFlags(flags.progress, flags.no_progress), ctx.quiet() || flags.json);
  if (index_line) {
    index_line->BeforeFirstDraw([&progress] {
      if (progress) progress->EndLine();
    });
    request.index_progress = index_line->Callback();
  }
  Result<RefreshReport> report =
      RunRefresh(request, config, *session->catalog, *session->store, progress.get());
  if (index_line) index_line->Finish();
  progress.reset();
  if (!report.ok()) {
    log.Error("refresh_failed", report.status().message(),
              {{"code", StatusCodeName(report.status().code())}});
    return ExitCodeFor(report.status()) == kExitUsage ? kExitUsage : kExitFatal;
  }
  if (flags.json) {
    std::cout << ToJson(*report).dump(2) << "\n";
  } else if (!ctx.quiet()) {
    PrintSummary(*report);
  }
  if (log.json()) log.Info("refresh_done", "refresh finished", ToJson(*report));
  if (report->interrupted || !report->failures.empty()) return kExitPartial;
  return kExitOk;
}

}  // namespace

void AddRefreshCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto flags = std::make_shared<RefreshFlags>();
  auto* cmd = app.add_subcommand(
      "refresh", "Fetch, extract and index everything EDGAR released since the last refresh");
  AddCrawlFlags(cmd, flags->crawl);
  cmd->add_option("--since", flags->since,
                  "Read index days from this date (YYYY-MM-DD) instead of the watermark");
  cmd->add_option("--until", flags->until, "Last index day to read (default today)");
  cmd->add_flag("--retry-failed", flags->retry_failed,
                "Also retry filings whose failure was recorded as permanent");
  cmd->add_option("--cik-range", flags->cik_range,
                  "Index only companies with CIK in LOW..HIGH: one shard of a split index "
                  "(docs/scaling.md)");
  cmd->add_flag("--json", flags->json, "Print the summary as JSON");
  cmd->add_flag("--progress", flags->progress,
                "Draw the index phase's progress line on stderr even when it is not a terminal");
  cmd->add_flag("--no-progress", flags->no_progress, "Never draw the index phase's progress line");
  cmd->callback([&ctx, flags, exit_code] { *exit_code = Run(ctx, *flags); });
}

}  // namespace corresp
