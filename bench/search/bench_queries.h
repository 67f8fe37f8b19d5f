// The 50 realistic queries of bench/search (precedent searches a securities lawyer, auditor
// or researcher types: topics, standards, boilerplate phrases of staff letters), shared by
// search-bench and query-cost. Each query is terms and "phrases" that must all match
// (Xapian: default AND; FTS5: AND of the quoted parts).
#pragma once

#include <string>
#include <vector>

namespace corresp::bench {

inline const std::vector<std::vector<std::string>>& Queries() {
  static const std::vector<std::vector<std::string>> q = {
      {"\"hedge accounting\""},
      {"\"loans held for sale\""},
      {"revenue", "recognition"},
      {"\"non-GAAP\"", "measures"},
      {"goodwill", "impairment"},
      {"\"critical accounting estimates\""},
      {"\"reportable segments\""},
      {"liquidity", "\"capital resources\""},
      {"\"material weakness\""},
      {"subprime"},
      {"\"allowance for loan losses\""},
      {"restructuring", "charges"},
      {"\"fair value\"", "hierarchy"},
      {"\"Level 3\""},
      {"\"income taxes\""},
      {"\"valuation allowance\""},
      {"\"deferred tax assets\""},
      {"contingencies", "\"reasonably possible\""},
      {"\"business combination\""},
      {"cybersecurity"},
      {"climate"},
      {"Syria", "Sudan"},
      {"\"state sponsors of terrorism\""},
      {"China"},
      {"\"variable interest entity\""},
      {"leases", "\"right-of-use\""},
      {"\"stock-based compensation\""},
      {"pension", "assumptions"},
      {"inventory", "reserves"},
      {"\"earnings per share\""},
      {"\"cash flows\"", "operating"},
      {"securitization"},
      {"\"available-for-sale\""},
      {"\"risk factors\""},
      {"\"executive compensation\""},
      {"\"related party\""},
      {"\"discontinued operations\""},
      {"\"proved reserves\""},
      {"\"foreign currency\""},
      {"covenants"},
      {"pandemic"},
      {"\"please tell us\"", "basis"},
      {"\"in future filings\"", "revise"},
      {"disclose", "quantify"},
      {"\"revise your disclosure\""},
      {"\"results of operations\"", "trends"},
      {"derivative", "instruments"},
      {"\"performance obligations\""},
      {"\"operating segments\"", "aggregation"},
      {"\"critical audit matter\""}};
  return q;
}

// The query as a user types it into `corresp search`: the parts joined by spaces.
inline std::string XapianQuery(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : " ") + p;
  return s;
}

}  // namespace corresp::bench
