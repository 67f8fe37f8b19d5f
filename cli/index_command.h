// The shared frame of the read-only index commands (search, show, thread, similar, export,
// stats): the --remote/--index flags, load the config, open the index (local, shards served by
// xapian-tcpsrv, or a stub file naming shards), run the lookup, map errors to exit
// codes. An id the index does not hold (kNotFound from the lookup) is a usage error; failing
// to open the index keeps its own exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/context.h"
#include "core/status.h"
#include "query/index_reader.h"

namespace corresp {

// Which index a read-only command opens (docs/scaling.md).
struct IndexLocation {
  std::vector<std::string> remotes;  // --remote HOST:PORT, repeatable: shards searched together
  std::string index;                 // --index PATH: folder or stub file; "" = DATA_DIR/index
};

// Adds --remote (repeatable) and --index to `cmd`.
void AddIndexLocationOptions(CLI::App* cmd, IndexLocation& source);

// Opens the index `source` names under `config`.
Result<std::unique_ptr<IndexReader>> OpenIndexLocation(const Config& config,
                                                       const IndexLocation& source,
                                                       const IndexReaderOptions& options = {});

// Runs `lookup` against the index and returns the exit code; `lookup` prints its result and
// returns Ok, or returns the error (printed here).
int RunIndexLookup(CliContext& ctx, const IndexLocation& source,
                   const std::function<Status(IndexReader&)>& lookup);

}  // namespace corresp
