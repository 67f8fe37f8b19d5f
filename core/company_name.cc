#include "core/company_name.h"

#include "core/ascii_words.h"

namespace corresp {

std::vector<std::string> CompanyNameWords(std::string_view name) { return LowerAsciiWords(name); }

std::string CompanyNameKey(std::string_view name) {
  std::string key;
  for (const std::string& w : CompanyNameWords(name)) key += (key.empty() ? "" : " ") + w;
  return key;
}

}  // namespace corresp
