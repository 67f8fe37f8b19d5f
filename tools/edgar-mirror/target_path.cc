#include "tools/edgar-mirror/target_path.h"

#include <array>
#include <utility>

namespace corresp::mirror {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;
    int hi = HexValue(in[i + 1]);
    int lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

// Every '/'-separated segment is a plain name: not empty, not "." or "..".
bool SegmentsArePlain(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = end + 1;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<std::string> MapTarget(std::string_view target) {
  std::size_t query = target.find_first_of("?#");
  if (query != std::string_view::npos) target = target.substr(0, query);
  auto decoded = PercentDecode(target);
  if (!decoded) return std::nullopt;
  std::string_view path = *decoded;
  if (path.find('\0') != std::string_view::npos) return std::nullopt;
  if (path.find('\\') != std::string_view::npos) return std::nullopt;
  if (!path.starts_with("/Archives/edgar/") && !path.starts_with("/submissions/")) {
    return std::nullopt;
  }
  path.remove_prefix(1);
  if (!SegmentsArePlain(path)) return std::nullopt;
  return std::string(path);
}

std::string_view ContentTypeFor(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kTypes = {{
      {".txt", "text/plain"},
      {".idx", "text/plain"},
      {".htm", "text/html"},
      {".html", "text/html"},
      {".pdf", "application/pdf"},
      {".json", "application/json"},
      {".gz", "application/gzip"},
      {".xml", "application/xml"},
      {".zip", "application/zip"},
  }};
  for (const auto& [ext, type] : kTypes) {
    if (EndsWith(path, ext)) return type;
  }
  return "application/octet-stream";
}

bool IsPrecompressed(std::string_view path) {
  return EndsWith(path, ".gz") || EndsWith(path, ".zip");
}

}  // namespace corresp::mirror
