// Process exit codes of the corresp binary (documented in --help and README.md).
#pragma once

#include "core/status.h"

namespace corresp {

inline constexpr int kExitOk = 0;       // success
inline constexpr int kExitPartial = 1;  // finished, but some items failed (recorded, nothing lost)
inline constexpr int kExitUsage = 2;    // usage or configuration error
inline constexpr int kExitFatal = 3;    // could not run: SEC block, data dir locked, store corrupt

// Maps a fatal library Status to an exit code: invalid arguments and parse errors of the
// user's input are usage errors (2); everything else is fatal (3).
inline int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kParse:
      return kExitUsage;
    default:
      return kExitFatal;
  }
}

}  // namespace corresp
