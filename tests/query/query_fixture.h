// The index every query test reads: tests/data/edgar + the seed letter, built once per test
// binary by the real `corresp index` pipeline, plus brute-force helpers over its documents.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "config/options.h"
#include "query/export.h"
#include "query/index_reader.h"

namespace corresp::testing {

// Builds (first call) and returns the shared test index's config.
const Config& SharedIndexConfig();
std::unique_ptr<IndexReader> OpenSharedIndex();
// What Export() writes for `request` over `reader`: the bytes and the row count (-1, with a test
// failure, when the export fails).
struct ExportedText {
  std::string text;
  long rows = -1;
};
ExportedText ExportToString(IndexReader& reader, const ExportRequest& request);

// Data of every document of the shared index.
const std::vector<nlohmann::json>& AllDocumentData();

}  // namespace corresp::testing
