#include "query/facet_cache.h"

namespace corresp {

std::optional<CachedFacets> FacetCache::Find(const std::string& key) {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->second;
}

void FacetCache::Put(const std::string& key, CachedFacets value) {
  if (capacity_ == 0) return;
  auto it = by_key_.find(key);
  if (it != by_key_.end()) {
    it->second->second = std::move(value);
    entries_.splice(entries_.begin(), entries_, it->second);
    return;
  }
  entries_.emplace_front(key, std::move(value));
  by_key_[key] = entries_.begin();
  while (entries_.size() > capacity_) {
    by_key_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

std::string FacetCacheKey(const SearchRequest& r, const std::string& revision) {
  // Each field length-prefixed, so no two requests share a key whatever their text holds.
  std::string key;
  auto add = [&key](const std::string& field) {
    key += std::to_string(field.size()) + ':' + field;
  };
  add(revision);
  for (const std::string* field : {&r.query, &r.form, &r.kind, &r.company, &r.cik, &r.topic,
                                   &r.standard, &r.status, &r.office})
    add(*field);
  add(r.since ? r.since->ToIso() : "");
  add(r.until ? r.until->ToIso() : "");
  add(std::to_string(static_cast<int>(r.collapse)));
  add(std::to_string(r.exact_facets_up_to));
  return key;
}

}  // namespace corresp
