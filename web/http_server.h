// A small HTTP/1.1 server on Boost.Beast: one acceptor, keep-alive sessions, every request
// answered by a synchronous handler: cheap requests on one of `threads` I/O threads, requests
// that `heavy` selects (searches) on a lane of their own (web/work_lane.h) so they never hold
// an I/O thread. Each thread has a fixed worker number (0..workers()-1) so the handler can keep
// per-thread state (an IndexReader per thread: Xapian databases are not shared between
// threads).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "web/http_reply.h"
#include "web/log.h"
#include "web/work_lane.h"

namespace corresp::web {

struct ServerOptions {
  // Loopback by default: the app is for the researcher's own machine.
  std::string bind = "127.0.0.1";
  // 0 = any free port (tests); see HttpServer::port().
  unsigned short port = 8080;
  // I/O threads (each with its own worker state): every request `heavy` does not select.
  int threads = 2;
  // Selects the expensive requests (by target, e.g. "/api/search?q=x"): they run on
  // heavy_lane's threads (worker numbers threads..workers()-1), at most heavy_lane.threads at
  // once; beyond its queue, or after waiting heavy_lane.max_wait_ms, one is answered busy(target).
  // Empty = every request on the I/O threads.
  std::function<bool(std::string_view target)> heavy;
  WorkLaneOptions heavy_lane;
  // The answer to a heavy request refused by its lane (the server adds Retry-After: 1 when it
  // has none). Empty = 503 {"error":{"code":"unavailable",...}}.
  std::function<HttpReply(std::string_view target)> busy;
  // Largest request head accepted (request line + headers); a GET needs a few kB.
  std::size_t max_header_bytes = 16 * 1024;
  // Largest request body accepted; the app is read-only, so bodies are refused beyond this.
  std::size_t max_body_bytes = 1024;
  // An idle or slow client is dropped after this long.
  int timeout_seconds = 30;
  // Open connections served at once; one more is answered 503 at once and closed. Each costs
  // a descriptor and a buffer: 256 is far above what a researcher's browser and scripts open
  // and far below the usual 1024-descriptor limit (the index needs descriptors too).
  int max_connections = 256;
  // After accept() fails for lack of descriptors (EMFILE/ENFILE), wait this long before the
  // next accept instead of retrying in a busy loop; open connections finish meanwhile.
  int accept_backoff_ms = 100;
  // Refused connections and accept failures (each kind once until it clears).
  LogSink log = LogToStderr;
  // Stop on SIGINT / SIGTERM (the CLI); tests stop with Stop().
  bool stop_on_signals = false;

  // Worker numbers in use: the I/O threads, then the heavy lane's threads when `heavy` is set.
  int workers() const { return threads + (heavy ? heavy_lane.threads : 0); }
};

// worker: 0..workers()-1, the thread calling. Must not throw (if it does, the client gets a
// plain-text 500 and the server goes on).
using RequestHandler =
    std::function<HttpReply(std::string_view method, std::string_view target, int worker)>;

class HttpServer {
 public:
  // Binds and listens. kInvalidArgument for a bad address, threads < 1, max_connections < 1, or
  // with `heavy` set heavy_lane.threads < 1 or heavy_lane.queue < 0;
  // kUnavailable when the port is taken; kIoError for other socket errors. Serves nothing until
  // Run(). Beyond options.max_connections open connections, a new one is answered
  // 503 {"error":{"code":"unavailable",...}} with Retry-After and closed.
  static Result<std::unique_ptr<HttpServer>> Start(const ServerOptions& options,
                                                   RequestHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The bound port (the real one when options.port was 0).
  unsigned short port() const;
  // "http://127.0.0.1:PORT"
  std::string url() const;
  // Serves on options.threads I/O threads (the caller's thread is worker 0) until Stop() or a
  // signal (with stop_on_signals); the heavy lane's threads run from Start() to destruction.
  // Call once.
  void Run();
  // Stops accepting and ends Run() promptly; open connections are closed. Thread-safe.
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace corresp::web
