// A blocking HTTP/1.1 client for the web tests (Boost.Beast over loopback), and a running
// web app on a free port over the fixture index.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "query/index_reader.h"
#include "web/http_server.h"
#include "web/web_app.h"

namespace corresp::testing {

// A gtest-legal name for a parameterised case: its label with every other character as '_'
// ("bad date" -> "bad_date"), so ctest lists readable names instead of raw parameter bytes.
std::string TestNameOf(const std::string& label);

struct TestResponse {
  int status = 0;
  std::string content_type;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
};

// Sends one request (Connection: close) to 127.0.0.1:port. status 0 when the connection
// failed. `raw_target` goes on the request line as is.
TestResponse HttpGet(unsigned short port, const std::string& raw_target,
                     const std::string& method = "GET");
// Writes `raw` bytes as the whole request and returns whatever the server answers (for
// malformed requests).
std::string RawExchange(unsigned short port, const std::string& raw);

// The web app served from a background thread over `index`, as `corresp serve` does: two I/O
// threads, searches on the default search lane, one reader per worker.
class RunningApp {
 public:
  static std::unique_ptr<RunningApp> Start(const std::filesystem::path& index,
                                           web::WebAppOptions options = {});
  ~RunningApp();
  unsigned short port() const { return server_->port(); }
  // From now on searches (/api/search, and the search page with a query) read `broken`
  // instead of the worker's reader: a failing index for one kind of request only.
  void BreakSearches(std::unique_ptr<IndexReader> broken);

 private:
  web::WebApp app_;
  std::vector<std::unique_ptr<IndexReader>> readers_;
  std::unique_ptr<IndexReader> broken_;
  std::atomic<IndexReader*> search_reader_{nullptr};
  IndexReader& ReaderFor(std::string_view target, int worker);
  std::unique_ptr<web::HttpServer> server_;
  std::thread thread_;
  explicit RunningApp(web::WebAppOptions options) : app_(std::move(options)) {}
};

}  // namespace corresp::testing
