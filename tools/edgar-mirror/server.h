// The edgar-mirror server: serves a folder in EDGAR's layout over HTTP/1.1 as www.sec.gov
// would, with optional fault injection. Design and flags: docs/edgar-mirror.md.
#pragma once

#include <ostream>

#include "core/status.h"
#include "tools/edgar-mirror/mirror_options.h"

namespace corresp::mirror {

// Checks `options`: root is a folder, rates in [0, 1], latency/limits non-negative,
// 1..2 threads... kInvalidArgument naming the first bad option.
Status ValidateMirrorOptions(const MirrorOptions& options);

// Binds, writes exactly one line "listening on ADDR:PORT\n" to `out` and flushes it, then
// serves until SIGINT or SIGTERM arrives and returns Ok. SIGHUP is ignored (the control
// file is re-read on every daily-index request anyway). Errors before serving:
// kInvalidArgument for bad options or address, kIoError when the port cannot be bound or
// the request log cannot be opened.
Status RunMirror(const MirrorOptions& options, std::ostream& out);

}  // namespace corresp::mirror
