#include "web/html.h"

#include <cctype>

namespace corresp::web {

namespace {

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of a well-formed entity starting at text[pos] == '&' ("&amp;" -> 5), else 0.
size_t EntityLength(std::string_view text, size_t pos) {
  size_t i = pos + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    size_t start = i;
    while (i < text.size() && i - start < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[i]))
                : std::isdigit(static_cast<unsigned char>(text[i]))))
      ++i;
    if (i == start) return 0;
  } else {
    size_t start = i;
    while (i < text.size() && i - start < 10 && std::isalnum(static_cast<unsigned char>(text[i])))
      ++i;
    if (i == start) return 0;
  }
  return i < text.size() && text[i] == ';' ? i + 1 - pos : 0;
}

void AppendEscaped(char c, std::string& out) {
  switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
  }
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) AppendEscaped(c, out);
  return out;
}

std::string SanitizeSnippet(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 32);
  int open = 0;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "<b>") == 0) {
      if (open == 0) out += "<mark>";
      ++open;
      i += 3;
    } else if (s.compare(i, 4, "</b>") == 0) {
      if (open == 1) out += "</mark>";
      if (open > 0) --open;
      i += 4;
    } else if (s[i] == '&') {
      size_t n = EntityLength(s, i);
      if (n > 0) {
        out.append(s.substr(i, n));
        i += n;
      } else {
        out += "&amp;";
        ++i;
      }
    } else {
      AppendEscaped(s[i], out);
      ++i;
    }
  }
  if (open > 0) out += "</mark>";
  return out;
}

std::string UrlEncode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string UrlDecode(std::string_view text, bool* ok) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      int hi = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
      } else {
        if (ok) *ok = false;
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

QueryParams ParseQueryString(std::string_view query) {
  QueryParams params;
  size_t pos = 0;
  while (pos <= query.size() && !query.empty()) {
    size_t amp = query.find('&', pos);
    std::string_view part = query.substr(pos, amp == std::string_view::npos ? amp : amp - pos);
    if (!part.empty()) {
      size_t eq = part.find('=');
      if (eq == std::string_view::npos) {
        params.emplace_back(UrlDecode(part), "");
      } else {
        params.emplace_back(UrlDecode(part.substr(0, eq)), UrlDecode(part.substr(eq + 1)));
      }
    }
    if (amp == std::string_view::npos) break;
    pos = amp + 1;
  }
  return params;
}

std::string BuildQueryString(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    if (value.empty()) continue;
    if (!out.empty()) out += '&';
    out += UrlEncode(key) + "=" + UrlEncode(value);
  }
  return out;
}

Target SplitTarget(std::string_view target) {
  size_t q = target.find('?');
  Target t;
  std::string_view path = target.substr(0, q);
  // '+' is literal in a path: decode only %XX.
  for (size_t i = 0; i < path.size(); ++i) {
    int hi = i + 2 < path.size() ? HexValue(path[i + 1]) : -1;
    int lo = i + 2 < path.size() ? HexValue(path[i + 2]) : -1;
    if (path[i] == '%' && hi >= 0 && lo >= 0) {
      t.path += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      t.path += path[i];
    }
  }
  if (q != std::string_view::npos) t.query = std::string(target.substr(q + 1));
  return t;
}

}  // namespace corresp::web
