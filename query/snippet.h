// Snippet text. Every snippet the query layer returns is HTML-escaped text (`&`, `<`, `>` as
// entities, as Xapian's MSet::snippet writes them) with matched words between highlight
// markers, so a page can print it as is and JSON has one form for every snippet field.
#pragma once

#include <string>
#include <string_view>

namespace corresp {

// `text` with `&`, `<` and `>` escaped: the form of a snippet without highlights.
std::string EscapeSnippetText(std::string_view text);

// A snippet for a terminal: the markers `marker_start`/`marker_end` become `bold_on`/`bold_off`
// (ANSI codes, or nothing when not a terminal) and entities become characters again.
std::string PlainSnippet(std::string_view snippet, std::string_view bold_on,
                         std::string_view bold_off, std::string_view marker_start = "<b>",
                         std::string_view marker_end = "</b>");

}  // namespace corresp
