// SIGINT/SIGTERM handling for long commands: the first signal sets a flag the library polls
// (finish in-flight work, save progress); a second one exits at once with code 130.
#pragma once

#include <atomic>

namespace corresp {

// Installs the handlers and returns the flag they set.
const std::atomic<bool>* InstallStopHandler();

}  // namespace corresp
