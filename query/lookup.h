// `corresp show`, `thread` and `similar`: reading items, letters and threads back from the
// index (documents and metadata only; the query layer never reads the catalog).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "query/index_reader.h"
#include "query/search_request.h"

namespace corresp {

// One item ("ACC#3", "ACC#u1"): {"item": <document data>, "paired": <data of the paired
// response/comment> | null}. A letter ("ACC"): {"accession","company","form","kind","date",
// "url","thread","items": [<data> + {"paired": <data>|null}, ...]} in letter order, each staff
// comment followed by its paired response. kNotFound when the id is not indexed.
Result<nlohmann::json> ShowItem(IndexReader& reader, const std::string& id);

// The thread timeline {"thread","cik","company","status","start","end","days","letters":[...]}
// for a thread id, or for the thread of an accession or item id. kNotFound when unknown.
Result<nlohmann::json> GetThread(IndexReader& reader, const std::string& id);

struct SimilarOptions {
  // Precedents shown: a screenful.
  int limit = 10;
  // Terms taken from the item for relevance feedback: enough to describe a comment's subject.
  int expand_terms = 30;
  // Snippet highlighting, as SearchRequest.
  std::string highlight_start = "<b>";
  std::string highlight_end = "</b>";
};

// Items most like `id` from other reviews (other threads), of the same type, by relevance
// feedback over the item's own terms. kNotFound when the id is not indexed.
Result<SearchResponse> Similar(IndexReader& reader, const std::string& id,
                               const SimilarOptions& options = {});

}  // namespace corresp
