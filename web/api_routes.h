// The JSON API handlers (internal to web/; routed by web_app.cc). Each returns 200 with the
// query layer's presenter JSON, or JsonError with the Status's HTTP code.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "query/index_reader.h"
#include "web/http_reply.h"
#include "web/web_app.h"

namespace corresp::web {

HttpReply ApiSearch(const std::string& query_string, const WebAppOptions& options,
                    IndexReader& reader);
HttpReply ApiLetter(const std::string& accession, IndexReader& reader);
HttpReply ApiItem(const std::string& item_id, IndexReader& reader);
HttpReply ApiThread(const std::string& thread_id, IndexReader& reader);
HttpReply ApiSimilar(const std::string& item_id, const std::string& query_string,
                     const WebAppOptions& options, IndexReader& reader);
HttpReply ApiStats(IndexReader& reader);
// /api/export?level=comment|response|letter|thread&format=csv|jsonl&<search parameters>: the
// dataset of query/export.h, streamed (HttpReply::stream) as an attachment. 400 for a bad
// level, format or search parameter (checked before anything is sent). `slot` is held until
// the stream ends (the caller's cap on exports in flight).
HttpReply ApiExport(const std::string& query_string, const WebAppOptions& options,
                    IndexReader& reader, std::shared_ptr<void> slot);

// 200 application/json with `json` dumped (invalid UTF-8 replaced, never throws).
HttpReply JsonReply(const nlohmann::json& json);

}  // namespace corresp::web
