#include "crawler/http_fetcher.h"

#include <algorithm>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <cmath>
#include <mutex>

#include "crawler/body_complete.h"
#include "crawler/response_class.h"

namespace corresp {

namespace asio = boost::asio;
using Clock = RateLimiter::Clock;

struct HttpFetcher::Request {
  std::string url;     // as asked for; FetchResponse::url
  std::string target;  // where the next attempt goes: url, or where redirects led
  Callback done;
  int attempts = 0;
  int redirects = 0;
  CURL* easy = nullptr;
  std::string body;
  bool too_big = false;
  std::uint64_t max_body = 0;
  Clock::time_point started_at{};
  char error[CURL_ERROR_SIZE] = {};

  ~Request() { ReleaseHandle(); }
  void ReleaseHandle() {
    if (easy != nullptr) curl_easy_cleanup(easy);
    easy = nullptr;
  }
};

struct HttpFetcher::SocketState {
  SocketState(asio::io_context& io, curl_socket_t s) : fd(s), desc(io) {}
  curl_socket_t fd;
  asio::posix::stream_descriptor desc;  // borrowed fd: released, never closed, by us
  int want = 0;                         // CURL_POLL_IN / OUT / INOUT
  bool read_armed = false;
  bool write_armed = false;
};

namespace {

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Redirects followed per request before it fails (libcurl's FOLLOWLOCATION used 5 too).
constexpr int kMaxRedirects = 5;

}  // namespace

HttpFetcher::HttpFetcher(asio::io_context& io, const CrawlOptions& options,
                         RateLimiter::Options limiter_options)
    : io_(io),
      options_(options),
      limiter_([&] {
        limiter_options.requests_per_second = options.requests_per_second;
        return limiter_options;
      }()),
      curl_timer_(io),
      start_timer_(io) {
  GlobalInitOnce();
  multi_ = curl_multi_init();
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &HttpFetcher::OnSocket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &HttpFetcher::OnTimer);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
  long connections = std::max(1, options_.max_connections);
  curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, connections);
  curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, connections);
  curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, connections);
  curl_multi_setopt(multi_, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
}

HttpFetcher::~HttpFetcher() {
  alive_.reset();
  for (auto& [fd, state] : sockets_) state->desc.release();
  sockets_.clear();
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, nullptr);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, nullptr);
  for (auto& [easy, request] : running_) curl_multi_remove_handle(multi_, easy);
  running_.clear();
  curl_multi_cleanup(multi_);
}

void HttpFetcher::Fetch(std::string url, Callback done) {
  auto request = std::make_unique<Request>();
  request->url = std::move(url);
  request->target = request->url;
  request->done = std::move(done);
  request->max_body = options_.max_body_bytes;
  if (!fatal_.ok()) {
    Finish(std::move(request), fatal_);
    return;
  }
  queue_.push_back(std::move(request));
  Pump();
}

void HttpFetcher::CancelPending() { FailQueued(Cancelled("crawl interrupted")); }

// ---- the event loop glue ---------------------------------------------------------------

int HttpFetcher::OnSocket(CURL*, curl_socket_t s, int what, void* userp, void*) {
  static_cast<HttpFetcher*>(userp)->HandleSocket(s, what);
  return 0;
}

void HttpFetcher::HandleSocket(curl_socket_t s, int what) {
  auto it = sockets_.find(s);
  if (what == CURL_POLL_REMOVE) {
    if (it != sockets_.end()) {
      it->second->desc.release();  // cancels its waits; curl closes the fd itself
      sockets_.erase(it);
    }
    return;
  }
  if (it == sockets_.end()) {
    auto state = std::make_shared<SocketState>(io_, s);
    boost::system::error_code ec;
    state->desc.assign(s, ec);  // no exceptions: a failure leaves the transfer to its timeout
    if (ec) return;
    it = sockets_.emplace(s, std::move(state)).first;
  }
  std::shared_ptr<SocketState> state = it->second;
  state->want = what;
  if ((what & CURL_POLL_IN) && !state->read_armed) ArmWait(state, false);
  if ((what & CURL_POLL_OUT) && !state->write_armed) ArmWait(state, true);
}

void HttpFetcher::ArmWait(const std::shared_ptr<SocketState>& state, bool write) {
  (write ? state->write_armed : state->read_armed) = true;
  std::weak_ptr<int> alive = alive_;
  auto kind = write ? asio::posix::stream_descriptor::wait_write
                    : asio::posix::stream_descriptor::wait_read;
  state->desc.async_wait(kind, [this, alive, state, write](const boost::system::error_code& ec) {
    if (alive.expired()) return;
    (write ? state->write_armed : state->read_armed) = false;
    auto current = [&] {
      auto it = sockets_.find(state->fd);
      return it != sockets_.end() && it->second == state;
    };
    if (ec || !current()) return;  // removed by curl meanwhile
    SocketAction(state->fd, write ? CURL_CSELECT_OUT : CURL_CSELECT_IN);
    int flag = write ? CURL_POLL_OUT : CURL_POLL_IN;
    bool armed = write ? state->write_armed : state->read_armed;
    if (current() && (state->want & flag) && !armed) ArmWait(state, write);
  });
}

int HttpFetcher::OnTimer(CURLM*, long timeout_ms, void* userp) {
  auto* self = static_cast<HttpFetcher*>(userp);
  if (timeout_ms < 0) {
    self->curl_timer_.cancel();
    return 0;
  }
  // Even a 0 ms timeout is handled from the loop, never inside this callback.
  self->curl_timer_.expires_after(std::chrono::milliseconds(timeout_ms));
  std::weak_ptr<int> alive = self->alive_;
  self->curl_timer_.async_wait([self, alive](const boost::system::error_code& ec) {
    if (ec || alive.expired()) return;
    self->SocketAction(CURL_SOCKET_TIMEOUT, 0);
  });
  return 0;
}

void HttpFetcher::SocketAction(curl_socket_t s, int ev_bitmask) {
  int running = 0;
  curl_multi_socket_action(multi_, s, ev_bitmask, &running);
  DrainCompleted();
}

std::size_t HttpFetcher::OnWrite(char* data, std::size_t size, std::size_t n, void* userp) {
  auto* request = static_cast<Request*>(userp);
  std::size_t bytes = size * n;
  if (request->body.size() + bytes > request->max_body) {
    request->too_big = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  request->body.append(data, bytes);
  return bytes;
}

// ---- scheduling --------------------------------------------------------------------------

void HttpFetcher::Pump() {
  if (!fatal_.ok()) return;
  Clock::time_point now = Clock::now();
  while (!backoff_.empty() && backoff_.begin()->first <= now) {  // retries that are due
    queue_.push_back(std::move(backoff_.begin()->second));
    backoff_.erase(backoff_.begin());
  }
  std::size_t connections = static_cast<std::size_t>(std::max(1, options_.max_connections));
  while (active_ < connections && !queue_.empty()) {
    Clock::time_point next = limiter_.NextStart(now);
    if (next > now) {
      ArmStartTimer(next);
      return;
    }
    limiter_.RecordStart(now);
    std::unique_ptr<Request> request = std::move(queue_.front());
    queue_.pop_front();
    Start(std::move(request));
  }
  if (active_ < connections && !backoff_.empty()) ArmStartTimer(backoff_.begin()->first);
}

void HttpFetcher::ArmStartTimer(Clock::time_point wake) {
  start_timer_.expires_at(wake);  // cancels an earlier wait
  std::weak_ptr<int> alive = alive_;
  start_timer_.async_wait([this, alive](const boost::system::error_code& ec) {
    if (!ec && !alive.expired()) Pump();
  });
}

void HttpFetcher::FailQueued(const Status& status) {
  std::deque<std::unique_ptr<Request>> queued = std::move(queue_);
  queue_.clear();
  for (auto& [due, request] : backoff_) queued.push_back(std::move(request));
  backoff_.clear();
  for (auto& request : queued) Finish(std::move(request), status);
}

void HttpFetcher::Start(std::unique_ptr<Request> request) {
  CURL* e = curl_easy_init();
  if (e == nullptr) {
    Finish(std::move(request), Internal("curl_easy_init failed"));
    return;
  }
  request->easy = e;
  request->body.clear();
  request->too_big = false;
  request->error[0] = '\0';
  ++request->attempts;
  request->started_at = Clock::now();
  curl_easy_setopt(e, CURLOPT_URL, request->target.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, request.get());
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &HttpFetcher::OnWrite);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, request.get());
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, request->error);
  if (!options_.user_agent.empty())
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_ms));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.transfer_timeout_ms));
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body_bytes));
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
  // No FOLLOWLOCATION: a redirect is a new request start, so it goes through the limiter
  // (FollowRedirect).
  ++stats_.requests;
  ++active_;
  running_.emplace(e, std::move(request));
  CURLMcode rc = curl_multi_add_handle(multi_, e);
  if (rc != CURLM_OK) {
    auto it = running_.find(e);
    std::unique_ptr<Request> failed = std::move(it->second);
    running_.erase(it);
    --active_;
    Finish(std::move(failed),
           Internal(std::string("curl_multi_add_handle: ") + curl_multi_strerror(rc)));
  }
}

void HttpFetcher::DrainCompleted() {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* easy = msg->easy_handle;
    CURLcode code = msg->data.result;
    curl_multi_remove_handle(multi_, easy);
    auto it = running_.find(easy);
    if (it == running_.end()) continue;
    std::unique_ptr<Request> request = std::move(it->second);
    running_.erase(it);
    --active_;
    OnDone(std::move(request), code);
  }
  Pump();
}

// ---- outcomes ----------------------------------------------------------------------------

void HttpFetcher::OnDone(std::unique_ptr<Request> request, CURLcode code) {
  long status = 0;
  curl_easy_getinfo(request->easy, CURLINFO_RESPONSE_CODE, &status);
  const std::string& url = request->url;
  if (request->too_big || code == CURLE_FILESIZE_EXCEEDED) {
    Finish(std::move(request), NetworkError(url + ": body larger than max_body_bytes (" +
                                            std::to_string(options_.max_body_bytes) + ")"));
    return;
  }
  if (code != CURLE_OK) {
    std::string detail = request->error[0] != '\0' ? request->error : curl_easy_strerror(code);
    Retry(std::move(request), NetworkError(url + ": " + detail));
    return;
  }
  std::string http = url + ": HTTP " + std::to_string(status);
  switch (ClassifyResponse(status, request->body)) {
    case ResponseClass::kSuccess:
      return OnSuccess(std::move(request), status);
    case ResponseClass::kNotFound:
      if (Recovered(*request)) consecutive_blocks_ = 0;
      ++stats_.not_found;
      return Finish(std::move(request), NotFound(http));
    case ResponseClass::kRedirect:
      return FollowRedirect(std::move(request));
    case ResponseClass::kBlock:
      return OnBlocked(std::move(request));
    case ResponseClass::kIdentity:
      SetFatal(Blocked(url +
                       ": HTTP 403 Undeclared Automated Tool: the server wants a declared "
                       "User-Agent; set crawl.user_agent (or --user-agent, CORRESP_USER_AGENT) "
                       "to \"Company Name email@domain\""));
      return Finish(std::move(request), fatal_);
    case ResponseClass::kTransient: {
      std::chrono::seconds wait{0};
      if (status == 503) wait = RetryAfterWait(RetryAfterSeconds(*request));
      return Retry(std::move(request), NetworkError(http), wait);
    }
    case ResponseClass::kPermanent:
      return Finish(std::move(request), NetworkError(http));
  }
}

// Blocks stop counting as consecutive once a request sent at full speed again succeeds.
bool HttpFetcher::Recovered(const Request& request) const {
  return request.started_at > last_block_at_ &&
         limiter_.RateAt(request.started_at) >= options_.requests_per_second;
}

std::int64_t HttpFetcher::RetryAfterSeconds(const Request& request) const {
  curl_off_t retry_after = 0;
  curl_easy_getinfo(request.easy, CURLINFO_RETRY_AFTER, &retry_after);
  return static_cast<std::int64_t>(retry_after);
}

void HttpFetcher::OnSuccess(std::unique_ptr<Request> request, long status) {
  if (Recovered(*request)) consecutive_blocks_ = 0;
  curl_off_t length = -1;
  curl_easy_getinfo(request->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  if (length < 0) {  // chunked or close-delimited: curl cannot tell a clean early end
    Status complete = CheckBodyComplete(request->target, request->body);
    if (!complete.ok()) {
      Retry(std::move(request), NetworkError(complete.message()));
      return;
    }
  }
  FetchResponse response;
  response.url = request->url;
  response.http_status = status;
  char* type = nullptr;
  curl_easy_getinfo(request->easy, CURLINFO_CONTENT_TYPE, &type);
  if (type != nullptr) response.content_type = type;
  response.body = std::move(request->body);
  response.attempts = request->attempts;
  stats_.bytes += response.body.size();
  Finish(std::move(request), std::move(response));
}

void HttpFetcher::FollowRedirect(std::unique_ptr<Request> request) {
  char* location = nullptr;
  curl_easy_getinfo(request->easy, CURLINFO_REDIRECT_URL, &location);
  const std::string& from = request->target;
  if (location == nullptr) {
    Finish(std::move(request), NetworkError(from + ": redirect without a usable Location"));
    return;
  }
  if (!RedirectAllowed(from, location)) {
    Finish(std::move(request),
           NetworkError(from + ": redirect to " + location + " refused: it leaves https"));
    return;
  }
  if (++request->redirects > kMaxRedirects) {
    Finish(std::move(request), NetworkError(request->url + ": more than " +
                                            std::to_string(kMaxRedirects) + " redirects"));
    return;
  }
  request->target = location;
  --request->attempts;  // following a redirect is not a failed attempt
  request->ReleaseHandle();
  queue_.push_front(std::move(request));  // started by Pump, through the limiter
}

void HttpFetcher::Retry(std::unique_ptr<Request> request, Status reason,
                        std::chrono::seconds at_least) {
  if (!fatal_.ok()) {
    Finish(std::move(request), fatal_);
    return;
  }
  if (request->attempts >= options_.max_attempts) {
    Finish(std::move(request),
           reason.WithContext("gave up after " + std::to_string(request->attempts) + " attempts"));
    return;
  }
  ++stats_.retries;
  // Exponential backoff with full jitter: uniform in [0, min(cap, initial * 2^(n-1))].
  double cap = std::min<double>(options_.backoff_max_ms,
                                options_.backoff_initial_ms * std::pow(2.0, request->attempts - 1));
  std::uniform_real_distribution<double> jitter(0.0, cap);
  auto delay = std::chrono::microseconds(static_cast<long>(jitter(rng_) * 1000.0));
  Clock::time_point due = Clock::now() + std::max<Clock::duration>(delay, at_least);
  request->ReleaseHandle();
  backoff_.emplace(due, std::move(request));
}

void HttpFetcher::OnBlocked(std::unique_ptr<Request> request) {
  Clock::time_point now = Clock::now();
  if (request->started_at > last_block_at_) {  // a new block, not an echo of the last one
    ++consecutive_blocks_;
    ++stats_.blocks;
    if (consecutive_blocks_ >= options_.max_consecutive_blocks) {
      SetFatal(Blocked(request->url + ": rate-blocked by the server " +
                       std::to_string(consecutive_blocks_) +
                       " times in a row; lower crawl.requests_per_second and retry later"));
      Finish(std::move(request), fatal_);
      return;
    }
    auto pause = std::max(std::chrono::seconds(options_.block_pause_seconds),
                          RetryAfterWait(RetryAfterSeconds(*request)));
    limiter_.Pause(now, pause);
    last_block_at_ = now;
  }
  --request->attempts;  // a block is not the request's fault
  request->ReleaseHandle();
  queue_.push_front(std::move(request));
}

void HttpFetcher::SetFatal(Status status) {
  fatal_ = std::move(status);
  start_timer_.cancel();
  FailQueued(fatal_);
}

void HttpFetcher::Finish(std::unique_ptr<Request> request, Result<FetchResponse> result) {
  if (!result.ok() && result.status().code() != StatusCode::kNotFound &&
      result.status().code() != StatusCode::kCancelled) {
    ++stats_.failures;
  }
  request->ReleaseHandle();
  asio::post(io_, [done = std::move(request->done), result = std::move(result)]() mutable {
    done(std::move(result));
  });
}

}  // namespace corresp
