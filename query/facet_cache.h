// A small LRU cache of facet counts, so paging or re-sorting a search does not count every
// match again (counting is the cost of a broad query on a large index: ~0.6 us per match).
// Entries are keyed by everything that decides the match set (query, filters, collapse) and
// the database revision, so a new commit never serves stale counts. Not thread-safe: each
// IndexReader owns one, and a reader serves one thread at a time.
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "query/search_request.h"

namespace corresp {

struct CachedFacets {
  long total = 0;  // exact match count
  FacetCounts facets;
  bool facets_exact = true;  // false: sampled counts (SearchResponse::facets_exact)
};

class FacetCache {
 public:
  explicit FacetCache(std::size_t capacity = 64) : capacity_(capacity) {}
  // The entry for `key`, now the most recently used; nullopt when absent.
  std::optional<CachedFacets> Find(const std::string& key);
  // Stores an entry, evicting the least recently used beyond the capacity.
  void Put(const std::string& key, CachedFacets value);
  std::size_t size() const { return entries_.size(); }

 private:
  using Entry = std::pair<std::string, CachedFacets>;
  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

// The cache key of a search at a database revision: the fields that decide which documents
// match and how they are counted (exact_facets_up_to), not offset, limit, sort or snippet
// styling.
std::string FacetCacheKey(const SearchRequest& request, const std::string& revision);

}  // namespace corresp
