// Reading a hit from a document's stored data (docs/index-schema.md) in one pass over the
// text, without building a JSON tree: with ten hits a search, parsing their data with
// nlohmann::json was a third of a short search (its lexer copies every character).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "query/search_request.h"

namespace corresp {

struct HitData {
  SearchHit hit;             // as HitFromData (query/hits.h) builds it; snippet and score empty
  std::string text;          // "text": the source of the snippet
  std::string comment_text;  // "comment_text": a response's comment, when "text" is empty
};

// The hit in `data`, exactly as HitFromData(json::parse(data)) gives it, for any well-formed
// JSON object (valid UTF-8; any key order, unknown keys and values of unexpected types).
// nullopt when `data` is not one, or nests deeper than the reader goes: the caller then parses
// it with nlohmann::json (which decides whether it is a hit at all).
std::optional<HitData> ReadHitData(std::string_view data);

}  // namespace corresp
