#include "core/company_name.h"

#include <cctype>

namespace corresp {

std::vector<std::string> CompanyNameWords(std::string_view name) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) {
      cur += static_cast<char>(std::tolower(u));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string CompanyNameKey(std::string_view name) {
  std::string key;
  for (const std::string& w : CompanyNameWords(name)) key += (key.empty() ? "" : " ") + w;
  return key;
}

}  // namespace corresp
