// Text-to-HTML and URL helpers for the web app. Every piece of letter text that reaches a
// page goes through HtmlEscape or SanitizeSnippet; nothing else writes letter text to HTML.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corresp::web {

// Escapes & < > " ' so the result is inert text inside an element or a quoted attribute.
std::string HtmlEscape(std::string_view text);

// A search snippet as the query layer returns it (highlight markers `<b>`/`</b>` around the
// matched words, other text possibly already entity-escaped) turned into safe HTML: the
// markers become <mark>/</mark>, well-formed entities (&amp; &#39; &#x2014;) are kept, and
// every other <, >, &, " and ' is escaped. Unbalanced markers are closed at the end. The
// output never contains any tag but <mark> and </mark>.
std::string SanitizeSnippet(std::string_view snippet);

// Percent-encodes a query-string component (RFC 3986 unreserved characters kept, space -> +).
std::string UrlEncode(std::string_view text);
// Decodes %XX and '+' (application/x-www-form-urlencoded). Malformed escapes are kept as
// text. Sets *ok to false when a malformed escape was seen (when ok is not null).
std::string UrlDecode(std::string_view text, bool* ok = nullptr);

using QueryParams = std::vector<std::pair<std::string, std::string>>;
// "a=1&b=x+y" -> {{"a","1"},{"b","x y"}}, in order; "a" alone -> {"a",""}.
QueryParams ParseQueryString(std::string_view query);
// The inverse of ParseQueryString (pairs with an empty value are dropped).
std::string BuildQueryString(const QueryParams& params);

// Splits a request target "/path?query" into its decoded path and raw query.
struct Target {
  std::string path;
  std::string query;
};
Target SplitTarget(std::string_view target);

}  // namespace corresp::web
