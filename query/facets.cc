#include "query/facets.h"

#include "core/index_schema.h"

namespace corresp {

namespace {

const char* FacetName(char field) {
  switch (field) {
    case schema::kFacetForm:
      return "form";
    case schema::kFacetYear:
      return "year";
    case schema::kFacetCompany:
      return "company";
    case schema::kFacetTopic:
      return "topic";
    case schema::kFacetStandard:
      return "standard";
    case schema::kFacetStatus:
      return "status";
    case schema::kFacetOffice:
      return "office";
  }
  return nullptr;
}

}  // namespace

void FacetTally::Add(std::string_view packed) {
  while (!packed.empty()) {
    size_t end = packed.find('\t');
    std::string_view token = packed.substr(0, end);
    packed.remove_prefix(end == std::string_view::npos ? packed.size() : end + 1);
    if (token.size() < 2 || token[1] != '=') continue;
    auto it = tokens_.find(token);
    if (it == tokens_.end())
      tokens_.emplace(std::string(token), 1);
    else
      ++it->second;
  }
}

FacetCounts FacetTally::counts() const {
  FacetCounts out;
  for (const auto& [token, n] : tokens_)
    if (const char* name = FacetName(token[0])) out[name][token.substr(2)] += n;
  return out;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  tally_.Add(doc.get_value(schema::kSlotFacets));
}

}  // namespace corresp
