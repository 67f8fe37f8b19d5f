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
  }
  return nullptr;
}

}  // namespace

void CountPackedFacets(const std::string& packed, FacetCounts& counts) {
  size_t pos = 0;
  while (pos < packed.size()) {
    size_t end = packed.find('\t', pos);
    if (end == std::string::npos) end = packed.size();
    if (end - pos >= 2 && packed[pos + 1] == '=') {
      if (const char* name = FacetName(packed[pos]))
        ++counts[name][packed.substr(pos + 2, end - pos - 2)];
    }
    pos = end + 1;
  }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  CountPackedFacets(doc.get_value(schema::kSlotFacets), counts_);
}

}  // namespace corresp
