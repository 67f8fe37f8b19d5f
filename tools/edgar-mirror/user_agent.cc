#include "tools/edgar-mirror/user_agent.h"

#include <cctype>

namespace corresp::mirror {
namespace {

bool IsAddressChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '.' || c == '-' || c == '_' || c == '+' || c == '%';
}

}  // namespace

bool HasEmailAddress(std::string_view ua) {
  for (std::size_t at = ua.find('@'); at != std::string_view::npos; at = ua.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && IsAddressChar(ua[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < ua.size() && IsAddressChar(ua[end])) ++end;
    std::string_view local = ua.substr(begin, at - begin);
    std::string_view domain = ua.substr(at + 1, end - at - 1);
    std::size_t dot = domain.find('.');
    if (!local.empty() && dot != std::string_view::npos && dot > 0 && domain.back() != '.') {
      return true;
    }
  }
  return false;
}

}  // namespace corresp::mirror
