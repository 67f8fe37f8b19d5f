// The index every query test reads: tests/data/edgar + the seed letter, built once per test
// binary by the real `corresp index` pipeline, plus brute-force helpers over its documents.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "config/options.h"
#include "query/index_reader.h"

namespace corresp::testing {

// Builds (first call) and returns the shared test index's config.
const Config& SharedIndexConfig();
std::unique_ptr<IndexReader> OpenSharedIndex();
// Data of every document of the shared index.
const std::vector<nlohmann::json>& AllDocumentData();

}  // namespace corresp::testing
