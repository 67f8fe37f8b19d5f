#include "query/snippet.h"

#include <array>
#include <utility>

namespace corresp {

std::string EscapeSnippetText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string PlainSnippet(std::string_view snippet, std::string_view bold_on,
                         std::string_view bold_off, std::string_view marker_start,
                         std::string_view marker_end) {
  static constexpr std::array<std::pair<std::string_view, char>, 5> kEntities{
      {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}}};
  std::string out;
  out.reserve(snippet.size());
  size_t i = 0;
  while (i < snippet.size()) {
    std::string_view rest = snippet.substr(i);
    if (!marker_start.empty() && rest.starts_with(marker_start)) {
      out += bold_on;
      i += marker_start.size();
      continue;
    }
    if (!marker_end.empty() && rest.starts_with(marker_end)) {
      out += bold_off;
      i += marker_end.size();
      continue;
    }
    bool entity = false;
    if (snippet[i] == '&') {
      for (const auto& [name, c] : kEntities) {
        if (rest.starts_with(name)) {
          out += c;
          i += name.size();
          entity = true;
          break;
        }
      }
    }
    if (!entity) out += snippet[i++];
  }
  return out;
}

}  // namespace corresp
