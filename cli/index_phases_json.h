// The JSON form of where an index run's time went, as `index --json` prints it under "phases"
// and `refresh --json` under "index_detail" (docs/operations.md).
#pragma once

#include <nlohmann/json.hpp>

#include "indexer/index/index_pipeline.h"

namespace corresp {

inline nlohmann::json IndexPhasesJson(const IndexPhaseSeconds& p) {
  return {{"prepare", p.prepare},
          {"extract", p.extract},
          {"write", p.write},
          {"link", p.link},
          {"commit", p.commit}};
}

}  // namespace corresp
