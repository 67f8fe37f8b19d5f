// The HTML pages (internal to web/; routed by web_app.cc). Each page is complete HTML that
// works without JavaScript; web/assets/app.js only enhances it. All letter text is escaped
// with HtmlEscape / SanitizeSnippet (web/html.h).
#pragma once

#include <string>

#include "query/index_reader.h"
#include "web/http_reply.h"
#include "web/web_app.h"

namespace corresp::web {

HttpReply SearchPage(const std::string& query_string, const WebAppOptions& options,
                     IndexReader& reader);
HttpReply LetterPage(const std::string& accession, IndexReader& reader);
HttpReply ThreadPage(const std::string& thread_id, IndexReader& reader);
HttpReply SimilarPage(const std::string& item_id, const WebAppOptions& options,
                      IndexReader& reader);
// A page with `status` and a message (escaped).
HttpReply ErrorPage(int status, const std::string& message);
// The page for a failed Status: its HTTP code and PublicMessage; a 5xx keeps the Status in
// log_detail.
HttpReply ErrorPage(const Status& status);

}  // namespace corresp::web
