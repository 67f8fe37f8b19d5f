// The corresp binary: global options, then one subcommand. Catches once at the top.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"

#ifndef CORRESP_VERSION
#define CORRESP_VERSION "dev"
#endif

namespace {

const char* kFooter = R"(Examples:
  corresp --data-dir ./data crawl --since 2024-01-01 --user-agent "Acme Research ops@acme.com"
  corresp index
  corresp search '"hedge accounting"' --since 2005 --facets
  corresp search 'topic:non-gaap company:apple' --json
  corresp thread 1090872-0000000000-16-092800
  corresp refresh        # nightly: new letters since the last run
  corresp add foia/citi-2003.pdf --cik 831001 --form UPLOAD   # a letter from outside EDGAR

Exit codes:
  0  success
  1  finished, but some items failed (recorded in the catalog, nothing lost)
  2  usage or configuration error
  3  fatal: SEC blocked us, data dir locked by another writer, store corrupt

Configuration: defaults < config file (--config, default ~/.config/corresp/config.toml)
  < CORRESP_* environment variables < flags. Data dir: --data-dir, else $CORRESP_HOME,
  else ~/.local/share/corresp.)";

}  // namespace

int main(int argc, char** argv) {
  corresp::CliContext ctx;
  int exit_code = corresp::kExitOk;
  CLI::App app{"corresp: crawl, segment and search SEC EDGAR review correspondence"};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("corresp ") + CORRESP_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--data-dir", ctx.flags.data_dir, "Data directory (catalog, store, index)");
  app.add_option("--config", ctx.flags.config, "TOML configuration file");
  app.add_flag("-v,--verbose", ctx.flags.verbose, "More output (repeat for more)");
  app.add_flag("-q,--quiet", ctx.flags.quiet, "Errors only");
  app.add_flag("--log-json", ctx.flags.log_json, "Log one JSON object per line on stderr");

  // COMMANDS-BEGIN (one line per subcommand; keep sorted)
  corresp::AddThreadCommand(app, ctx, &exit_code);
  corresp::AddSimilarCommand(app, ctx, &exit_code);
  corresp::AddShowCommand(app, ctx, &exit_code);
  corresp::AddSearchCommand(app, ctx, &exit_code);
  corresp::AddIndexCommand(app, ctx, &exit_code);
  corresp::AddAddCommand(app, ctx, &exit_code);
  corresp::AddStatsCommand(app, ctx, &exit_code);
  corresp::AddCrawlCommand(app, ctx, &exit_code);
  corresp::AddServeCommand(app, ctx, &exit_code);
  corresp::AddGcCommand(app, ctx, &exit_code);
  corresp::AddRefreshCommand(app, ctx, &exit_code);
  corresp::AddVerifyCommand(app, ctx, &exit_code);
  corresp::AddConfigCommand(app, ctx, &exit_code);
  corresp::AddExtractCommand(app, ctx, &exit_code);
  corresp::AddExportCommand(app, ctx, &exit_code);
  // COMMANDS-END

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? corresp::kExitOk : corresp::kExitUsage;
  } catch (const std::exception& e) {
    ctx.PrintError(std::string("fatal: ") + e.what());
    return corresp::kExitFatal;
  }
  return exit_code;
}
