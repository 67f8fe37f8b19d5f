// Asynchronous HTTP GETs for the crawler: libcurl's multi interface driven by a Boost.Asio
// io_context through CURLMOPT_SOCKETFUNCTION + CURLMOPT_TIMERFUNCTION (the pattern of curl's
// docs/examples/multi-uv.c). Keep-alive connections, HTTP/2 multiplexing where the server
// offers it, gzip transfer encoding, timeouts, a body size cap and a User-Agent.
//
// Every request start (first attempt, retry or redirect hop) goes through one RateLimiter.
// Outcomes (the classification is crawler/response_class.h):
//   2xx                        -> the response (callback gets Ok); a body that came without
//                                 Content-Length is first checked for its end marker
//                                 (crawler/body_complete.h: PDF "%%EOF", SGML closing tag);
//                                 incomplete -> retried like a truncated body
//   404 / 410                  -> kNotFound, not retried
//   301/302/303/307/308        -> Location followed as a new start through the limiter (not
//                                 an attempt); at most 5 hops, never from https to http
//                                 (refused: kNetwork, not retried)
//   429, or 403 other than "Undeclared Automated Tool" (SEC's "Request Rate Threshold
//   Exceeded", a CDN's "Access Denied", ...)
//                              -> a block: nothing starts for max(block_pause, Retry-After),
//                                 then half rate ramping up; the request is re-queued. After
//                                 max_consecutive_blocks blocks in a row (blocks count as
//                                 consecutive until a request sent at full rate again, i.e.
//                                 after the ramp, succeeds): fatal kBlocked.
//   403 "Undeclared Automated Tool" -> fatal kBlocked naming the User-Agent setting
//   5xx, 408, timeouts, resets, truncated bodies (Content-Length mismatch, bad gzip, missing
//   end marker)                -> retried with exponential backoff and full jitter, up to
//                                 max_attempts; then kNetwork. A 503's Retry-After delays
//                                 that retry to at least its value.
//   Retry-After (seconds or HTTP-date) is capped at kMaxRetryAfter (one hour).
//   a body over max_body_bytes, other 4xx -> kNetwork, not retried
// After a fatal error every queued request (and every later Fetch) fails with that status;
// transfers already on the wire complete normally.
//
// Single-threaded: every method and callback runs on the io_context's thread. The io_context
// must outlive the fetcher; destroying the fetcher abandons queued and running transfers
// without calling their callbacks.
#pragma once

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "config/options.h"
#include "core/status.h"
#include "crawler/rate_limiter.h"

namespace corresp {

struct FetchResponse {
  std::string url;
  long http_status = 0;
  std::string content_type;  // the Content-Type header, "" when absent
  std::string body;          // decoded (gzip transfer encoding removed)
  int attempts = 0;          // attempts used, blocks not counted
};

struct FetchStats {
  std::uint64_t requests = 0;   // transfers started (every attempt)
  std::uint64_t retries = 0;    // attempts after a transient failure
  std::uint64_t blocks = 0;     // distinct blocks (429 / 403 other than a User-Agent refusal)
  std::uint64_t bytes = 0;      // body bytes of completed 2xx responses
  std::uint64_t failures = 0;   // requests that ended in an error other than kNotFound
  std::uint64_t not_found = 0;  // 404 / 410 answers
};

class HttpFetcher {
 public:
  using Callback = std::function<void(Result<FetchResponse>)>;

  // `options` gives the user agent, rate, connections, timeouts, body cap, retry and block
  // policy. `limiter_options` overrides the limiter's tuning (its rate is taken from options).
  HttpFetcher(boost::asio::io_context& io, const CrawlOptions& options,
              RateLimiter::Options limiter_options = {});
  ~HttpFetcher();
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  // Queues a GET of `url`. `done` runs later on the io_context (never inside Fetch).
  void Fetch(std::string url, Callback done);
  // Fails every queued (not yet started) request, and those waiting for a retry, with
  // kCancelled; transfers on the wire complete normally.
  void CancelPending();

  // Ok until a fatal block / identity error.
  const Status& fatal_status() const { return fatal_; }
  const FetchStats& stats() const { return stats_; }
  std::size_t active() const { return active_; }
  std::size_t queued() const { return queue_.size() + backoff_.size(); }  // incl. retries
  bool idle() const { return active_ == 0 && queued() == 0; }

 private:
  struct Request;
  struct SocketState;

  static int OnSocket(CURL* easy, curl_socket_t s, int what, void* userp, void* socketp);
  static int OnTimer(CURLM* multi, long timeout_ms, void* userp);
  static std::size_t OnWrite(char* data, std::size_t size, std::size_t n, void* userp);

  void HandleSocket(curl_socket_t s, int what);
  void ArmWait(const std::shared_ptr<SocketState>& state, bool write);
  void SocketAction(curl_socket_t s, int ev_bitmask);
  void DrainCompleted();
  void Pump();
  void ArmStartTimer(RateLimiter::TimePoint wake);
  void FailQueued(const Status& status);
  void Start(std::unique_ptr<Request> request);
  void OnDone(std::unique_ptr<Request> request, CURLcode code);
  void OnSuccess(std::unique_ptr<Request> request, long status);
  void FollowRedirect(std::unique_ptr<Request> request);
  bool Recovered(const Request& request) const;
  std::int64_t RetryAfterSeconds(const Request& request) const;
  void Retry(std::unique_ptr<Request> request, Status reason,
             std::chrono::seconds at_least = std::chrono::seconds(0));
  void OnBlocked(std::unique_ptr<Request> request);
  void SetFatal(Status status);
  void Finish(std::unique_ptr<Request> request, Result<FetchResponse> result);

  boost::asio::io_context& io_;
  CrawlOptions options_;
  RateLimiter limiter_;
  CURLM* multi_ = nullptr;
  boost::asio::steady_timer curl_timer_;
  boost::asio::steady_timer start_timer_;
  std::map<curl_socket_t, std::shared_ptr<SocketState>> sockets_;
  std::map<CURL*, std::unique_ptr<Request>> running_;
  std::deque<std::unique_ptr<Request>> queue_;  // ready to start, in order
  std::multimap<RateLimiter::TimePoint, std::unique_ptr<Request>> backoff_;  // retries by due time
  std::size_t active_ = 0;
  RateLimiter::TimePoint last_block_at_{};
  int consecutive_blocks_ = 0;
  Status fatal_;
  FetchStats stats_;
  std::mt19937_64 rng_{std::random_device{}()};
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // guards posted handlers
};

}  // namespace corresp
