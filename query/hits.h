// Building SearchHits from index documents (shared by search, similar and show).
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "query/search_request.h"

namespace corresp {

// A hit from a document's data (docs/index-schema.md); snippet and score left empty.
SearchHit HitFromData(const nlohmann::json& data);
// Hits of an MSet, with snippets highlighted per `request`. `query` is the query that made
// the MSet: snippets stem the text's words only when it holds stemmed (Z) terms.
std::vector<SearchHit> HitsFromMSet(const Xapian::MSet& mset, const Xapian::Query& query,
                                    const SearchRequest& request);

}  // namespace corresp
