#include "core/index_schema.h"

#include <cctype>

namespace corresp::schema {

namespace {

bool StartsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

void ReplacePrefix(std::string& s, std::string_view from, std::string_view to) {
  if (StartsWith(s, from)) s = std::string(to) + s.substr(from.size());
}

}  // namespace

std::string CanonicalStandardKey(std::string_view text) {
  std::string s;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-') s += static_cast<char>(std::tolower(u));
  }
  // "no" between the name and the number: "sfasno133", "statementno133".
  for (std::string_view name : {"sfas", "fas", "statement", "sop", "eitf", "sab", "apb", "fin"}) {
    std::string with_no = std::string(name) + "no";
    if (StartsWith(s, with_no) && s.size() > with_no.size() &&
        std::isdigit(static_cast<unsigned char>(s[with_no.size()])))
      s = std::string(name) + s.substr(with_no.size());
  }
  ReplacePrefix(s, "statementoffinancialaccountingstandards", "sfas");
  ReplacePrefix(s, "statement", "sfas");
  if (StartsWith(s, "fas") && !StartsWith(s, "fasb")) s = "s" + s;
  ReplacePrefix(s, "topic", "asc");
  ReplacePrefix(s, "regulations-kitem", "regsk");
  ReplacePrefix(s, "s-kitem", "regsk");
  ReplacePrefix(s, "item", "regsk");
  ReplacePrefix(s, "regulations-xrule", "regsx");
  ReplacePrefix(s, "s-xrule", "regsx");
  ReplacePrefix(s, "rule", "regsx");
  ReplacePrefix(s, "regulations-xarticle", "regsx");
  ReplacePrefix(s, "article", "regsx");
  return s;
}

}  // namespace corresp::schema
