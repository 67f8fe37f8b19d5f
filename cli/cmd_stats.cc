// `corresp stats`: what the catalog holds. Reads only; takes no lock.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/index_command.h"
#include "pipeline/refresh.h"
#include "query/index_stats.h"
#include "store/catalog.h"

namespace corresp {
namespace {

// The catalog's figures. Other sections (index figures) are added by their own functions.
nlohmann::json CatalogStats(const CatalogCounts& c) {
  return {{"filings", c.filings},
          {"fetched", c.fetched},
          {"letters", {{"UPLOAD", c.upload}, {"CORRESP", c.corresp}, {"DRSLTR/DOSLTR", c.draft}}},
          {"failures", c.failures},
          {"threads", {{"open", c.threads_open}, {"closed", c.threads_closed}}}};
}

void PrintText(const nlohmann::json& stats) {
  std::cout << "filings   " << stats["filings"] << " (" << stats["fetched"] << " fetched)\n"
            << "UPLOAD    " << stats["letters"]["UPLOAD"] << "\n"
            << "CORRESP   " << stats["letters"]["CORRESP"] << "\n"
            << "DRSLTR/DOSLTR " << stats["letters"]["DRSLTR/DOSLTR"] << "\n"
            << "failures  " << stats["failures"] << "\n"
            << "threads   " << stats["threads"]["open"] << " open, " << stats["threads"]["closed"]
            << " closed\n";
}

// The failure record: every failed filing or index file with its stage and reason; permanent
// ones are not retried by refresh unless --retry-failed.
nlohmann::json FailureList(const Catalog& catalog) {
  nlohmann::json out = nlohmann::json::array();
  Result<std::vector<FailureRecord>> failures = catalog.ListFailures();
  if (!failures.ok()) return out;
  for (const FailureRecord& f : *failures)
    out.push_back({{"subject", f.subject},
                   {"stage", f.stage},
                   {"code", f.code},
                   {"reason", f.reason},
                   {"permanent", f.permanent},
                   {"attempts", f.attempts},
                   {"last_at", f.last_at}});
  return out;
}

void PrintFailures(const nlohmann::json& failures) {
  for (const auto& f : failures)
    std::cout << "  " << (f["permanent"].get<bool>() ? "permanent " : "will retry ")
              << f["stage"].get<std::string>() << " " << f["subject"].get<std::string>() << ": "
              << f["reason"].get<std::string>() << "\n";
}

// ---- index figures (owned by the index engineer) ------------------------------------------
// Adds comments, responses, last_refresh and counts by year and topic from the Xapian index
// (query/index_stats.h). A missing index is not an error: the figures are zero.
// With shards (--remote, --index STUBFILE) the figures are summed over them.
void AddIndexFigures(const Config& config, const IndexLocation& source, const Catalog& catalog,
                     nlohmann::json& stats) {
  auto last = catalog.GetState(kLastRefreshKey);
  stats["last_refresh"] =
      last.ok() && last->has_value() ? nlohmann::json(**last) : nlohmann::json();
  IndexStats figures;
  if (auto reader = OpenIndexLocation(config, source); reader.ok()) {
    if (auto read = ReadIndexStats(**reader); read.ok()) figures = *read;
  }
  stats["comments"] = figures.comments;
  stats["responses"] = figures.responses;
  stats["last_indexed"] = figures.last_indexed;
  stats["by_year"] = figures.by_year;
  stats["by_topic"] = figures.by_topic;
}

void PrintIndexFigures(const nlohmann::json& stats) {
  std::cout << "comments  " << stats["comments"] << "\n"
            << "responses " << stats["responses"] << "\n"
            << "refreshed "
            << (stats["last_refresh"].is_string() ? stats["last_refresh"].get<std::string>()
                                                  : "never")
            << "\n"
            << "by year  ";
  for (const auto& [year, n] : stats["by_year"].items()) std::cout << " " << year << ":" << n;
  std::cout << "\nby topic ";
  for (const auto& [topic, n] : stats["by_topic"].items()) std::cout << " " << topic << ":" << n;
  std::cout << "\n";
}
// ---- end of index figures -------------------------------------------------------------------

int Run(CliContext& ctx, bool json, const IndexLocation& source) {
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  Result<std::unique_ptr<Catalog>> catalog = Catalog::Open(CatalogPath(*config));
  if (!catalog.ok()) return ctx.PrintError(catalog.status()), kExitFatal;
  Result<CatalogCounts> counts = (*catalog)->Counts();
  if (!counts.ok()) return ctx.PrintError(counts.status()), kExitFatal;
  nlohmann::json stats = CatalogStats(*counts);
  AddIndexFigures(*config, source, **catalog, stats);
  stats["failure_list"] = FailureList(**catalog);
  if (json) {
    std::cout << stats.dump() << "\n";
  } else {
    PrintText(stats);
    PrintFailures(stats["failure_list"]);
    PrintIndexFigures(stats);
  }
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("stats", "Counts of filings, letters and failures");
  auto source = std::make_shared<IndexLocation>();
  cmd->add_flag("--json", *json, "Print as JSON");
  AddIndexLocationOptions(cmd, *source);
  cmd->callback([&ctx, json, source, exit_code] { *exit_code = Run(ctx, *json, *source); });
}

}  // namespace corresp
