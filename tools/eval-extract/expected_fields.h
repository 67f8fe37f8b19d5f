// Comparing an extracted Letter with the fields a reader decided for it before running the
// extractor (tests/data/synthetic/expected.json: kind, letter date, item numbers, first words
// and heading paths of each item as labels::LabelItemsOf counts them). Shared by
// `eval-extract expected DIR` (a QA round's letters) and tests/indexer/synthetic_letters_test.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/letter.h"

namespace corresp::labels {

// Each field of `expected` the letter disagrees with, as "field: got X, want Y" (empty when
// the letter matches). `expected` holds "kind" (a LetterKindName), "date" ("YYYY-MM-DD" or
// null), "numbers" (one per item, or [] for unnumbered items), "first" (the first words of
// each item) and "headings" (each item's heading path, compared squashed as labels compare
// them). A malformed `expected` is reported as a difference, never thrown.
std::vector<std::string> ExpectedFieldDifferences(const Letter& letter,
                                                  const nlohmann::json& expected);

}  // namespace corresp::labels
