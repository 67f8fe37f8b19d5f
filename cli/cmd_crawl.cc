// `corresp crawl`: discover and fetch review letters for a range of EDGAR index days.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/crawl_flags.h"
#include "cli/data_dir.h"
#include "cli/exit_codes.h"
#include "cli/interrupt.h"
#include "cli/tty_progress.h"
#include "config/load.h"
#include "crawler/crawl.h"

namespace corresp {
namespace {

struct CrawlCommandFlags {
  CrawlFlags crawl;
  std::string since;
  std::string until;
  std::vector<std::string> ciks;
  bool json = false;
};

nlohmann::json ToJson(const CrawlReport& r) {
  nlohmann::json failures = nlohmann::json::array();
  for (const CrawlFailure& f : r.failures) {
    failures.push_back({{"subject", f.subject}, {"stage", f.stage}, {"reason", f.reason}});
  }
  return {{"index_files", r.index_files},
          {"index_row_errors", r.index_row_errors},
          {"discovered", r.discovered},
          {"fetched", r.fetched},
          {"skipped", r.skipped},
          {"failed", r.failed},
          {"submissions", r.submissions},
          {"submissions_failed", r.submissions_failed},
          {"failures", failures},
          {"requests", r.requests},
          {"retries", r.retries},
          {"blocks", r.blocks},
          {"bytes", r.bytes},
          {"elapsed_seconds", r.elapsed_seconds},
          {"requests_per_second", r.requests_per_second},
          {"interrupted", r.interrupted}};
}

void PrintSummary(const CrawlReport& r) {
  std::printf(
      "crawl: %ld discovered, %ld fetched, %ld skipped, %ld failed; submissions JSON of %ld "
      "companies (%ld failed); %llu requests (%.2f/s), %llu retries, %llu blocks, %.1f MB in "
      "%.1fs%s\n",
      r.discovered, r.fetched, r.skipped, r.failed, r.submissions, r.submissions_failed,
      static_cast<unsigned long long>(r.requests), r.requests_per_second,
      static_cast<unsigned long long>(r.retries), static_cast<unsigned long long>(r.blocks),
      r.bytes / 1e6, r.elapsed_seconds,
      r.interrupted ? " (interrupted: run again to continue)" : "");
  for (const CrawlFailure& f : r.failures) {
    std::printf("  failed %s %s: %s\n", f.stage.c_str(), f.subject.c_str(), f.reason.c_str());
  }
}

// Parses the flags into a request; "" on success, else the usage error.
std::string BuildRequest(const CrawlCommandFlags& flags, CrawlRequest* request) {
  std::optional<Date> since = Date::Parse(flags.since);
  if (!since) return "--since: expected a date YYYY-MM-DD, got \"" + flags.since + "\"";
  request->since = *since;
  if (!flags.until.empty()) {
    request->until = Date::Parse(flags.until);
    if (!request->until) return "--until: expected a date YYYY-MM-DD, got \"" + flags.until + "\"";
  }
  for (const std::string& text : flags.ciks) {
    std::optional<Cik> cik = Cik::Parse(text);
    if (!cik) return "--cik: expected 1 to 10 digits, got \"" + text + "\"";
    request->ciks.push_back(*cik);
  }
  return "";
}

int Run(CliContext& ctx, const CrawlCommandFlags& flags) {
  Result<Config> loaded = ctx.LoadConfig();
  if (!loaded.ok()) return ctx.PrintError(loaded.status()), kExitUsage;
  Config config = *loaded;
  ApplyCrawlFlags(flags.crawl, config);
  if (Status valid = Validate(config); !valid.ok()) return ctx.PrintError(valid), kExitUsage;
  CrawlRequest request;
  if (std::string error = BuildRequest(flags, &request); !error.empty()) {
    return ctx.PrintError(error), kExitUsage;
  }
  Result<WriterSession> session = OpenForWriting(config);
  if (!session.ok()) return ctx.PrintError(session.status()), kExitFatal;
  request.stop = InstallStopHandler();
  std::unique_ptr<ProgressSink> progress = MakeTtyProgress(ctx.quiet() || flags.json);
  Result<CrawlReport> report =
      RunCrawl(request, config, *session->catalog, *session->store, progress.get());
  progress.reset();
  if (!report.ok()) {
    ctx.PrintError(report.status());
    return ExitCodeFor(report.status()) == kExitUsage ? kExitUsage : kExitFatal;
  }
  if (flags.json) {
    std::cout << ToJson(*report).dump(2) << "\n";
  } else if (!ctx.quiet()) {
    PrintSummary(*report);
  }
  return report->failed > 0 || report->interrupted ? kExitPartial : kExitOk;
}

}  // namespace

void AddCrawlCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto flags = std::make_shared<CrawlCommandFlags>();
  auto* cmd = app.add_subcommand("crawl", "Fetch review letters listed in EDGAR's indexes");
  cmd->add_option("--since", flags->since, "First index day to read (YYYY-MM-DD)")->required();
  cmd->add_option("--until", flags->until, "Last index day to read (default today)");
  cmd->add_option("--cik", flags->ciks, "Only this company (repeatable)");
  AddCrawlFlags(cmd, flags->crawl);
  cmd->add_flag("--json", flags->json, "Print the report as JSON");
  cmd->callback([&ctx, flags, exit_code] { *exit_code = Run(ctx, *flags); });
}

}  // namespace corresp
