// Builds the Xapian query of a SearchRequest: the user's query string through QueryParser
// (fields, ranges, stemming, wildcards, spelling) plus the request's filters. The field and
// range syntax is documented in docs/index-schema.md.
#pragma once

#include <xapian.h>

#include <string>

#include "query/search_request.h"

namespace corresp {

struct BuiltQuery {
  Xapian::Query query;
  std::string corrected;  // spelling suggestion for the query string ("" when none)
};

// The words each wildcard ("acc*") of a query with `wildcards` of them may expand to (its
// most frequent ones): 500 for one, an equal share of 2,000 for several, never below 50.
// BuildQuery applies it, so a query of many wildcards ORs at most ~2,000 words.
Xapian::termcount WildcardExpansion(std::size_t wildcards);

// May throw Xapian::QueryParserError (bad syntax) or DatabaseModifiedError (caller retries).
BuiltQuery BuildQuery(const Xapian::Database& db, const SearchRequest& request);

// The rewriting done before QueryParser sees the string: "MD&A" -> mda, standard citations
// ("SFAS 133", "ASC 815-10") -> standard:KEY, and a quoted topic name ("hedge accounting") ->
// ("hedge accounting" OR topicw:hedge-accounting). `topics_json` is the "topics" metadata.
std::string RewriteQueryString(const std::string& query, const std::string& topics_json);

}  // namespace corresp
