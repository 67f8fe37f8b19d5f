// The web app's routes: the HTML pages and the JSON API over one IndexReader, without any
// socket (web/http_server.h serves them). Read-only; no request path ever reaches the
// filesystem (assets are compiled in, ids are validated against a strict alphabet).
//
//   GET /                      search page (form; results when q or a filter is given)
//   GET /letter/ACCESSION      a letter: each staff comment beside the company's response
//   GET /thread/ID             a review thread's timeline
//   GET /similar/ITEM          comments like ITEM from other reviews
//   GET /assets/NAME           compiled-in CSS, JS, icon
//   GET /api/search?...        SearchResponseToJson (same fields as `corresp search --json`)
//   GET /api/letter/ACCESSION  ShowItem JSON (`corresp show --json`)
//   GET /api/item/ITEM         ShowItem JSON of one comment or response
//   GET /api/thread/ID         GetThread JSON (`corresp thread --json`)
//   GET /api/similar/ITEM      SearchResponseToJson of Similar (`corresp similar --json`)
//   GET /api/stats             IndexStatsToJson (`corresp stats --json`, index part)
//   GET /api/export?...        the dataset (`corresp export`), streamed as an attachment;
//                              503 while max_exports others stream
//
// Errors: 400 with the reason for a bad parameter or query, 404 for an unknown path or id,
// 405 for a method other than GET/HEAD, 500/503 for index failures; JSON bodies
// {"error":{...}} under /api/, HTML pages elsewhere. docs/web.md documents it all.
#pragma once

#include <atomic>
#include <memory>
#include <string_view>

#include "query/index_reader.h"
#include "web/http_reply.h"
#include "web/log.h"
#include "web/search_params.h"

namespace corresp::web {

struct WebAppOptions {
  WebLimits limits;
  // "Similar comments" shown per item: a screenful of precedents.
  int similar_limit = 10;
  // Longest id accepted in a path (accession, item or thread id); real ones are < 40 bytes.
  std::size_t max_id_bytes = 64;
  // Exports streaming at once: each holds an I/O thread for as long as the client downloads,
  // so one leaves the other threads to searches and pages; the next gets 503 and retries.
  int max_exports = 1;
  // Draw the comments-per-year chart on the search page (one extra facet query per page).
  bool year_chart = true;
  // Where the detail of a 5xx goes ("500 GET /api/search?q=x: corruption: ..."); the client
  // only reads a generic sentence (PublicMessage, web/http_reply.h).
  LogSink log = LogToStderr;
};

class WebApp {
 public:
  explicit WebApp(WebAppOptions options = {}) : options_(std::move(options)) {}

  // Answers one request. `method` is "GET" or "HEAD" (others get 405); `target` is the raw
  // request target ("/api/search?q=x"). Never throws: any exception (Xapian::Error, a standard
  // one or another type) becomes a 500 with a generic message. Every 5xx is logged with its
  // detail through options.log; the client never sees exception or Status text of a 5xx.
  // For HEAD the body is filled as for GET (the server drops it).
  HttpReply Handle(std::string_view method, std::string_view target, IndexReader& reader) const;

  const WebAppOptions& options() const { return options_; }

 private:
  HttpReply Route(const std::string& path, const std::string& query, IndexReader& reader) const;
  // /api/export within the max_exports cap.
  HttpReply Export(const std::string& query, IndexReader& reader) const;
  WebAppOptions options_;
  // Exports streaming now (shared by the replies that hold a slot, which may outlive a Route).
  std::shared_ptr<std::atomic<int>> exports_ = std::make_shared<std::atomic<int>>(0);
};

// True when `id` is a plausible accession, item or thread id: 1..max bytes of [0-9A-Za-z#-].
bool ValidId(std::string_view id, std::size_t max_bytes);

}  // namespace corresp::web
