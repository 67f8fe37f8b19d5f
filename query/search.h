// `corresp search`: runs a SearchRequest against an index (local or remote) and returns hits
// with highlighted snippets, paired responses, a spelling suggestion and optional facets.
#pragma once

#include "core/status.h"
#include "query/index_reader.h"
#include "query/search_request.h"

namespace corresp {

// kInvalidArgument for a query the parser rejects or a bad option (limit < 1, offset < 0);
// other errors as IndexReader::Run. Counting facets that outlasts
// request.time_limit_seconds x count_share stops: the response is then `partial`.
Result<SearchResponse> Search(IndexReader& reader, const SearchRequest& request);

}  // namespace corresp
