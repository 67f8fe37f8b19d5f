// Presenters: the JSON shapes of `search`, `similar`, `show` and `thread` (documented in the
// issue and docs/index-schema.md) and their terminal text forms.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "query/search_request.h"

namespace corresp {

// {"query","corrected","total","offset","hits":[{"id","type","accession","form","kind","cik",
// "company","date","letter_date","number","headings","snippet","url","thread","topics",
// "topics_evidence":[{"slug","cues":[...]}],"standards","response":{"id","snippet"}|null,"comment":{"id","snippet"}|null,"score"}],
// "facets":{...}}. Every snippet is HTML-escaped text with <b> highlights (query/snippet.h).
nlohmann::json SearchResponseToJson(const SearchResponse& response);

// Human-readable hits: one block per hit (company, date, form, number and headings, snippet,
// URL, thread, paired response or comment), then facets when present. Snippets become plain
// text, highlights ANSI bold when `bold` (a terminal). The response must use the default
// highlight markers.
void PrintSearchText(std::ostream& out, const SearchResponse& response, bool bold);

// A `show` result (see lookup.h ShowItem) as text.
void PrintShowText(std::ostream& out, const nlohmann::json& shown);
// A thread timeline as text.
void PrintThreadText(std::ostream& out, const nlohmann::json& thread);

}  // namespace corresp
