// Registration of the subcommands. Each Add*Command adds a subcommand to `app` whose callback
// stores its exit code in `*exit_code`. Each lives in its own cmd_<name>.cc, kept thin: parse
// flags, call one library function, print, return an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace corresp {

// COMMANDS-BEGIN (one line per subcommand; keep sorted)
void AddConfigCommand(CLI::App& app, CliContext& ctx, int* exit_code);
// COMMANDS-END

}  // namespace corresp
