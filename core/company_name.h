// How a company name splits into words: the one rule the indexer (XCO terms,
// indexer/index/document_builder.cc) and the query layer (`company:` and --company,
// query/query_builder.cc) both follow, so a name matches however it is typed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corresp {

// The runs of ASCII letters and digits of `name`, lower-cased; everything else (spaces,
// punctuation, "&", "/", non-ASCII bytes) separates words. "CITIGROUP INC /DE/" ->
// {"citigroup", "inc", "de"}; "AT&T Inc." -> {"at", "t", "inc"}.
std::vector<std::string> CompanyNameWords(std::string_view name);

// The whole name as one term value: its words joined by single spaces ("citigroup inc de");
// empty when the name has no word.
std::string CompanyNameKey(std::string_view name);

}  // namespace corresp
