// Where `corresp serve` writes what an operator needs and a client must not see: the detail
// of a 5xx reply, refused connections, accept failures.
#pragma once

#include <functional>
#include <string_view>

namespace corresp::web {

// Receives one line (no trailing newline). Called from any I/O thread: must be thread-safe.
using LogSink = std::function<void(std::string_view line)>;

// Writes "corresp serve: LINE\n" to stderr in one write, so lines from threads never interleave.
void LogToStderr(std::string_view line);

}  // namespace corresp::web
