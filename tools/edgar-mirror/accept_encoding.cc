#include "tools/edgar-mirror/accept_encoding.h"

#include <boost/algorithm/string/predicate.hpp>
#include <cctype>
#include <cstdlib>
#include <string>

namespace corresp::mirror {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// q value of one "coding;q=0.5" element (1.0 when absent).
double QValue(std::string_view params) {
  std::size_t q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string value(Trim(params.substr(q + 2)));
  return std::strtod(value.c_str(), nullptr);
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  std::size_t start = 0;
  while (start < accept_encoding.size()) {
    std::size_t end = accept_encoding.find(',', start);
    if (end == std::string_view::npos) end = accept_encoding.size();
    std::string_view element = accept_encoding.substr(start, end - start);
    std::size_t semi = element.find(';');
    std::string_view coding = Trim(element.substr(0, semi));
    std::string_view params =
        semi == std::string_view::npos ? std::string_view() : element.substr(semi + 1);
    if ((boost::algorithm::iequals(coding, "gzip") || coding == "*") && QValue(params) > 0.0) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace corresp::mirror
