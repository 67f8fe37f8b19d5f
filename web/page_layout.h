// Pieces shared by the HTML pages: the page frame, the search form, one search hit.
#pragma once

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

// Path of the pages for an id (percent-encoded: '#' -> %23).
std::string LetterHref(std::string_view accession);
std::string ThreadHref(std::string_view thread);
std::string SimilarHref(std::string_view item);
std::string ItemHref(std::string_view item);  // /letter/ACC#item-ACC-N (anchor on the letter page)
// The element id of an item on its letter page: "ACC#3" -> "item-ACC-3".
std::string ItemAnchor(std::string_view item);

}  // namespace corresp::web
