// Registration of the subcommands. Each Add*Command adds a subcommand to `app` whose callback
// stores its exit code in `*exit_code`. Each lives in its own cmd_<name>.cc, kept thin: parse
// flags, call one library function, print, return an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace corresp {

// COMMANDS-BEGIN (one line per subcommand; keep sorted)
void AddThreadCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddSimilarCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddShowCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddSearchCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddIndexCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddAddCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddStatsCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddCrawlCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddServeCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddGcCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddRefreshCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddVerifyCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddConfigCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddExtractCommand(CLI::App& app, CliContext& ctx, int* exit_code);
void AddExportCommand(CLI::App& app, CliContext& ctx, int* exit_code);
// COMMANDS-END

}  // namespace corresp
