// Shared pieces of the fetcher's loopback tests: fast options and a run-to-completion fetch.
#pragma once

#include <boost/asio/io_context.hpp>
#include <string>
#include <vector>

#include "config/options.h"
#include "crawler/http_fetcher.h"

namespace corresp::testing {

// A declared User-Agent, no rate to speak of, 10-50 ms backoff, 3 attempts.
inline CrawlOptions FetcherTestOptions() {
  CrawlOptions o;
  o.user_agent = "Corresp Tests tests@example.com";
  o.requests_per_second = 1000;
  o.backoff_initial_ms = 10;
  o.backoff_max_ms = 50;
  o.max_attempts = 3;
  return o;
}

// Fetches every url through one fetcher and runs the loop until all callbacks ran.
inline std::vector<Result<FetchResponse>> FetchAll(const CrawlOptions& options,
                                                   const std::vector<std::string>& urls,
                                                   FetchStats* stats = nullptr) {
  boost::asio::io_context io;
  HttpFetcher fetcher(io, options);
  std::vector<Result<FetchResponse>> results(urls.size(), Internal("no callback"));
  for (std::size_t i = 0; i < urls.size(); ++i) {
    fetcher.Fetch(urls[i], [&results, i](Result<FetchResponse> r) { results[i] = std::move(r); });
  }
  io.run();
  if (stats != nullptr) *stats = fetcher.stats();
  return results;
}

}  // namespace corresp::testing
