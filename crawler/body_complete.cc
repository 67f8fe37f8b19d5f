#include "crawler/body_complete.h"

#include <string>

namespace corresp {
namespace {

std::string_view TrimTrailingSpace(std::string_view s) {
  std::size_t end = s.find_last_not_of(" \t\r\n\f\v");
  return end == std::string_view::npos ? std::string_view{} : s.substr(0, end + 1);
}

// The marker a complete body of this kind ends with; "" when the kind has none.
std::string_view EndMarker(std::string_view url, std::string_view body) {
  if (url.ends_with(".pdf") || body.starts_with("%PDF-")) return "%%EOF";
  if (body.starts_with("<SEC-DOCUMENT>")) return "</SEC-DOCUMENT>";
  if (body.starts_with("<DOCUMENT>")) return "</DOCUMENT>";
  return "";
}

}  // namespace

Status CheckBodyComplete(std::string_view url, std::string_view body) {
  std::string_view marker = EndMarker(url, body);
  if (marker.empty() || TrimTrailingSpace(body).ends_with(marker)) return Status::Ok();
  return Corruption(std::string(url) + ": incomplete body without Content-Length (" +
                    std::to_string(body.size()) + " bytes, no closing " + std::string(marker) +
                    ")");
}

}  // namespace corresp
