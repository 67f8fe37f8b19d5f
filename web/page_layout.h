// Pieces shared by the HTML pages: the page frame, the search form, one search hit.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "query/search_request.h"
#include "web/search_params.h"
#include "web/topic_names.h"

namespace corresp::web {

// <!doctype html> ... <main>: title (escaped), the header bar with the search box holding
// `query` (escaped).
std::string PageStart(std::string_view title, std::string_view query = "");
// </main>, footer, script tag.
std::string PageEnd();

// The full search form with filters, filled from `request`.
std::string SearchForm(const SearchRequest& request);

// One hit as an <article>: heading line, snippet, the paired comment or response beside it,
// topic (named by `topics`) and standard tags, links (letter, thread, sec.gov, similar).
std::string HitHtml(const SearchHit& hit, const TopicNames& topics);

// "sfas133" -> "SFAS 133"; "comment_letter" -> "comment letter". For display only (topic
// names: web/topic_names.h).
std::string StandardLabel(std::string_view key);
std::string KindLabel(std::string_view kind);
// The reviewed filings (the "reviewed" array of a letter or thread, docs/index-schema.md), each
// linked to its EDGAR index page when resolved, then the office and staff contacts when given
// (null / empty to leave out). "" when there is nothing to show.
std::string ReviewedBlock(const nlohmann::json& reviewed, const nlohmann::json& office,
                          const nlohmann::json& contacts);

// Path of the pages for an id (percent-encoded: '#' -> %23).
std::string LetterHref(std::string_view accession);
std::string ThreadHref(std::string_view thread);
std::string SimilarHref(std::string_view item);
std::string ItemHref(std::string_view item);  // /letter/ACC#item-ACC-N (anchor on the letter page)
// The element id of an item on its letter page: "ACC#3" -> "item-ACC-3".
std::string ItemAnchor(std::string_view item);

}  // namespace corresp::web
