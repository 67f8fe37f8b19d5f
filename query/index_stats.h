// Index figures for `corresp stats`: items by type, threads by status, counts by year and
// topic. Read from the index only (the catalog figures come from store/catalog.h Counts()).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "query/index_reader.h"

namespace corresp {

struct IndexStats {
  long documents = 0;
  long comments = 0;          // staff comment documents
  long responses = 0;         // company response documents
  long letter_documents = 0;  // letters with neither
  long letters = 0;           // letter records (every indexed letter)
  long threads_open = 0;
  long threads_closed = 0;
  std::string last_indexed;              // UTC ISO time of the last index run ("" when never)
  std::map<std::string, long> by_year;   // items (documents) per filing year
  std::map<std::string, long> by_topic;  // items per topic slug
};

Result<IndexStats> ReadIndexStats(IndexReader& reader);

// {"documents","comments","responses","letter_documents","letters","threads":{"open",
// "closed"},"last_indexed","by_year":{..},"by_topic":{..}}
nlohmann::json IndexStatsToJson(const IndexStats& stats);

}  // namespace corresp
