// The shared frame of the read-only index commands (show, thread, similar): load the config,
// open the index (local, or xapian-tcpsrv at `remote`), run the lookup, map errors to exit
// codes. An id the index does not hold (kNotFound from the lookup) is a usage error; failing
// to open the index keeps its own exit code.
#pragma once

#include <functional>
#include <string>

#include "cli/context.h"
#include "core/status.h"
#include "query/index_reader.h"

namespace corresp {

// Runs `lookup` against the index and returns the exit code; `lookup` prints its result and
// returns Ok, or returns the error (printed here).
int RunIndexLookup(CliContext& ctx, const std::string& remote,
                   const std::function<Status(IndexReader&)>& lookup);

}  // namespace corresp
