// The web app's request parameters -> a SearchRequest, with the caps that keep one request
// cheap. Shared by /api/search and the HTML search page so both accept the same parameters:
//
//   q  form  kind  company  cik  topic  standard  since  until  sort  offset  limit  page
//   collapse  facets
//
// documented in docs/web.md.
#pragma once

#include <string>

#include "core/status.h"
#include "query/search_request.h"
#include "web/html.h"

namespace corresp::web {

struct WebLimits {
  // Longest query string accepted; real queries are a few words, a 10 kB one is an attack.
  std::size_t max_query_bytes = 1024;
  // Largest page; a researcher reads tens of hits, not thousands.
  int max_limit = 100;
  // offset + limit cap: deep pages cost Xapian linear work and nobody reads page 500.
  int max_window = 2000;
  // Page size when the request does not say.
  int default_limit = 10;
  // Longest filter value (company words, topic slug ...).
  std::size_t max_filter_bytes = 200;
  // Seconds a search may spend (SearchRequest::time_limit_seconds): counting every match
  // (facets, exact total) stops at half of it and the answer is marked "partial": a broad search on
  // a million-document index counts for ~1.5 s, and a thread stuck counting delays every connection
  // queued behind it. 0 = no limit.
  double search_time_limit_seconds = 2.0;
  // SearchRequest::exact_facets_up_to: above this many matches the facets are counted over a
  // sample and shown as estimates ("≈"). 0 = always exact.
  long exact_facets_up_to = SearchOptions{}.exact_facets_up_to;
};

// kInvalidArgument (with a message fit for the user) for: an unknown parameter, a query or
// filter over its cap, a form other than upload/corresp, an unknown kind, a malformed date
// (YYYY, YYYY-MM or YYYY-MM-DD), since after until, a sort other than relevance/date/newest,
// a collapse other than none/letter/thread, a non-numeric or out-of-range offset/limit/page.
// `page` (1-based) sets offset = (page-1)*limit when offset is absent. The request carries
// limits.search_time_limit_seconds and limits.exact_facets_up_to.
Result<SearchRequest> ParseSearchParams(const QueryParams& params, const WebLimits& limits);

// The parameters that reproduce `request` (for paging links and facet links); defaults are
// left out.
QueryParams SearchParamsOf(const SearchRequest& request, const WebLimits& limits);

}  // namespace corresp::web
