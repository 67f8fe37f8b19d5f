// "serve stays up": a failing index read answers a generic 5xx (no exception or Status text
// reaches the client), is logged with its detail, and the server keeps answering.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xapian.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "query/search.h"
#include "test_client.h"
#include "web/web_app.h"
#include "web_fixture.h"

namespace corresp::testing {
namespace {

using nlohmann::json;

// A reader whose database is closed: every read throws Xapian::DatabaseClosedError, a real
// Xapian failure taking the same path as a corrupt or vanished index.
std::unique_ptr<IndexReader> ClosedReader() {
  auto index = WebTestIndex();
  EXPECT_TRUE(index.ok());
  auto reader = IndexReader::Open(*index);
  EXPECT_TRUE(reader.ok());
  (*reader)->database().close();
  return std::move(reader).value();
}

struct CapturedLog {
  std::mutex mu;
  std::vector<std::string> lines;
  web::LogSink Sink() {
    return [this](std::string_view line) {
      std::lock_guard lock(mu);
      lines.emplace_back(line);
    };
  }
};

// What a 5xx body must never carry: exception types, Status texts, the index path.
void ExpectNoDetail(const std::string& body) {
  for (const char* leak : {"Closed", "Xapian", "io_error", "index:", "glass"})
    EXPECT_EQ(body.find(leak), std::string::npos) << leak << "\n" << body;
}

TEST(ServeStaysUp, FailingSearchIsAGeneric500LoggedWithDetail) {
  CapturedLog log;
  web::WebAppOptions options;
  options.log = log.Sink();
  web::WebApp app(options);
  std::unique_ptr<IndexReader> reader = ClosedReader();

  web::HttpReply api = app.Handle("GET", "/api/search?q=hedge", *reader);
  EXPECT_EQ(api.status, 500);
  json j = json::parse(api.body, nullptr, false);
  ASSERT_TRUE(j.contains("error")) << api.body;
  EXPECT_EQ(j["error"]["status"], 500);
  EXPECT_EQ(j["error"]["message"],
            "internal error while reading the index (details are in the server log)");
  ExpectNoDetail(api.body);

  web::HttpReply page = app.Handle("GET", "/?q=hedge", *reader);
  EXPECT_EQ(page.status, 500);
  ExpectNoDetail(page.body.substr(page.body.find("role=\"alert\"")));

  ASSERT_EQ(log.lines.size(), 2u);
  EXPECT_EQ(log.lines[0].rfind("500 GET /api/search?q=hedge: ", 0), 0u) << log.lines[0];
  EXPECT_NE(log.lines[0].find("DatabaseClosedError"), std::string::npos) << log.lines[0];
  EXPECT_NE(log.lines[1].find("DatabaseClosedError"), std::string::npos) << log.lines[1];
}

TEST(ServeStaysUp, ServerAnswersStatsAfterFailedSearches) {
  auto index = WebTestIndex();
  ASSERT_TRUE(index.ok());
  web::WebAppOptions options;
  options.log = [](std::string_view) {};
  auto app = RunningApp::Start(*index, options);
  ASSERT_NE(app, nullptr);
  app->BreakSearches(ClosedReader());
  for (int i = 0; i < 5; ++i) {
    TestResponse search = HttpGet(app->port(), "/api/search?q=%22hedge+accounting%22");
    EXPECT_EQ(search.status, 500);
    EXPECT_EQ(search.content_type, "application/json");
    ExpectNoDetail(search.body);
  }
  TestResponse stats = HttpGet(app->port(), "/api/stats");
  EXPECT_EQ(stats.status, 200);
  EXPECT_GT(json::parse(stats.body)["documents"].get<long>(), 0);
}

TEST(ServeStaysUp, SearchOverItsTimeLimitAnswersPartialAtOnce) {
  auto index = WebTestIndex();
  ASSERT_TRUE(index.ok());
  auto reader = IndexReader::Open(*index);
  ASSERT_TRUE(reader.ok());
  web::WebAppOptions tiny;
  tiny.limits.search_time_limit_seconds = 1e-9;  // over before the first match is counted
  const std::string target = "/api/search?q=revenue+OR+accounting&facets=1&limit=1";
  web::HttpReply cut = web::WebApp(tiny).Handle("GET", target, **reader);
  EXPECT_EQ(cut.status, 200) << cut.body;
  json j = json::parse(cut.body);
  EXPECT_TRUE(j["partial"].get<bool>());
  EXPECT_EQ(j["hits"].size(), 1u);  // the page itself is complete
  json full = json::parse(web::WebApp().Handle("GET", target, **reader).body);
  EXPECT_FALSE(full["partial"].get<bool>());
  EXPECT_EQ(j["hits"][0]["id"], full["hits"][0]["id"]);
}

TEST(ServeStaysUp, CountingOverItsShareOfTheBudgetAnswersAPartialPage) {
  auto index = WebTestIndex();
  ASSERT_TRUE(index.ok());
  auto reader = IndexReader::Open(*index);
  ASSERT_TRUE(reader.ok());
  SearchRequest request;
  request.query = "revenue OR accounting";
  request.facets = true;
  request.limit = 1;
  SearchRequest unlimited = request;
  request.time_limit_seconds = 10;
  request.count_share = 0;  // counting is over at once; the page has the whole 10 s
  Result<SearchResponse> cut = Search(**reader, request);
  // A partial count is not cached: the same search without a limit counts everything.
  Result<SearchResponse> all = Search(**reader, unlimited);
  ASSERT_TRUE(all.ok());
  ASSERT_TRUE(cut.ok()) << cut.status().ToString();
  EXPECT_FALSE(all->partial);
  EXPECT_TRUE(cut->partial);
  ASSERT_EQ(cut->hits.size(), 1u);  // the page itself is complete
  EXPECT_EQ(cut->hits[0].id, all->hits[0].id);
  EXPECT_NE(cut->facets, all->facets);
  EXPECT_EQ(all->facets.at("form").at("upload"), 20);
}

// A server running `handler` on one thread until the object is destroyed.
class ServerThread {
 public:
  ServerThread(web::ServerOptions options, web::RequestHandler handler) {
    options.port = 0;
    auto started = web::HttpServer::Start(options, std::move(handler));
    EXPECT_TRUE(started.ok()) << started.status().ToString();
    if (!started.ok()) return;
    server_ = std::move(started).value();
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~ServerThread() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  unsigned short port() const { return server_->port(); }

 private:
  std::unique_ptr<web::HttpServer> server_;
  std::thread thread_;
};

web::HttpReply Ok() { return web::HttpReply{200, "text/plain", "ok\n", {}, {}}; }

TEST(ServeStaysUp, AHandlerThatThrowsCostsOnlyItsRequest) {
  web::ServerOptions options;
  options.threads = 1;
  ServerThread server(options, [](std::string_view, std::string_view target, int) {
    if (target == "/xapian") throw Xapian::DatabaseCorruptError("secret detail");
    if (target == "/int") throw 42;
    return Ok();
  });
  for (const char* target : {"/xapian", "/int"}) {
    TestResponse r = HttpGet(server.port(), target);
    EXPECT_EQ(r.status, 500) << target;
    EXPECT_EQ(r.body.find("secret"), std::string::npos);
  }
  EXPECT_EQ(HttpGet(server.port(), "/").status, 200);
}

TEST(ServeStaysUp, AStreamThatFailsMidwayEndsTruncatedAndIsLogged) {
  CapturedLog log;
  web::ServerOptions options;
  options.threads = 1;
  options.log = log.Sink();
  ServerThread server(options, [](std::string_view, std::string_view target, int) {
    web::HttpReply reply = Ok();
    reply.stream = [target = std::string(target)](const web::HttpReply::Writer& write) {
      CORRESP_RETURN_IF_ERROR(write("first block\n"));
      CORRESP_RETURN_IF_ERROR(write("second block\n"));
      return target == "/fails" ? Corruption("index went bad") : Status::Ok();
    };
    return reply;
  });
  TestResponse whole = HttpGet(server.port(), "/fine");
  EXPECT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body, "first block\nsecond block\n");
  EXPECT_EQ(whole.headers["transfer-encoding"], "chunked");
  // No last chunk: the client cannot take the truncated body for a whole one.
  std::string raw = RawExchange(server.port(), "GET /fails HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(raw.find("first block"), std::string::npos);
  EXPECT_EQ(raw.find("0\r\n\r\n"), std::string::npos) << raw;
  EXPECT_EQ(HttpGet(server.port(), "/fails").status, 0);   // Beast: partial message
  EXPECT_EQ(HttpGet(server.port(), "/fine").status, 200);  // the server goes on
  std::lock_guard lock(log.mu);
  const std::vector<std::string>& lines = log.lines;
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.front().find("index went bad"), std::string::npos) << lines.front();
}

// A keep-alive connection that has had one request answered (so the server counts it open).
struct OpenConnection {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket socket{ioc};
  int status = 0;
  explicit OpenConnection(unsigned short port) {
    namespace http = boost::beast::http;
    boost::beast::error_code ec;
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    if (ec) return;
    http::request<http::empty_body> req(http::verb::get, "/", 11);
    req.set(http::field::host, "127.0.0.1");
    http::write(socket, req, ec);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> res;
    if (!ec) http::read(socket, buffer, res, ec);
    if (!ec) status = static_cast<int>(res.result_int());
  }
};

TEST(ServeStaysUp, ConnectionsBeyondTheCapGet503ThenServiceResumes) {
  CapturedLog captured;
  web::ServerOptions options;
  options.max_connections = 4;
  options.log = captured.Sink();
  ServerThread server(options, [](std::string_view, std::string_view, int) { return Ok(); });
  std::vector<std::unique_ptr<OpenConnection>> open;
  for (int i = 0; i < 4; ++i) {
    open.push_back(std::make_unique<OpenConnection>(server.port()));
    ASSERT_EQ(open.back()->status, 200) << i;
  }
  for (int i = 0; i < 3; ++i) {
    TestResponse extra = HttpGet(server.port(), "/");
    EXPECT_EQ(extra.status, 503);
    EXPECT_EQ(extra.content_type, "application/json");
    EXPECT_EQ(extra.headers["retry-after"], "1");
    EXPECT_NE(extra.body.find("\"code\":\"unavailable\""), std::string::npos) << extra.body;
  }
  open.clear();  // closing them frees their places
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    status = HttpGet(server.port(), "/").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 200);
  std::lock_guard lock(captured.mu);
  const std::vector<std::string>& log = captured.lines;
  ASSERT_EQ(log.size(), 2u);  // once when refusing starts, once when it ends
  EXPECT_NE(log[0].find("refusing connections: 4 open"), std::string::npos) << log[0];
  EXPECT_EQ(log[1], "accepting connections again");
}

// A blocking POSIX client socket (no io_context: the descriptor test counts every descriptor).
int RawConnect(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Sends a GET and reads until `until` shows up in the answer or the server closes.
std::string RawGet(int fd, bool keep_alive, const std::string& until) {
  std::string request = std::string("GET / HTTP/1.1\r\nHost: x\r\n") +
                        (keep_alive ? "" : "Connection: close\r\n") + "\r\n";
  if (::write(fd, request.data(), request.size()) < 0) return "";
  std::string answer;
  char chunk[512];
  while (answer.find(until) == std::string::npos) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    answer.append(chunk, static_cast<std::size_t>(n));
  }
  return answer;
}

// Takes every free descriptor under the current limit (closing them on destruction).
struct AllDescriptors {
  std::vector<int> taken;
  AllDescriptors() {
    for (int fd = ::dup(0); fd >= 0; fd = ::dup(0)) taken.push_back(fd);
  }
  void FreeOne() {
    ::close(taken.back());
    taken.pop_back();
  }
  ~AllDescriptors() {
    for (int fd : taken) ::close(fd);
  }
};

TEST(ServeStaysUp, OutOfDescriptorsBacksOffThenAccepts) {
  std::vector<std::string> log;
  std::mutex mu;
  web::ServerOptions options;
  options.threads = 1;
  options.accept_backoff_ms = 50;
  options.log = [&](std::string_view line) {
    std::lock_guard lock(mu);
    log.emplace_back(line);
  };
  ServerThread server(options, [](std::string_view, std::string_view, int) { return Ok(); });
  int first = RawConnect(server.port());
  ASSERT_GE(first, 0);
  ASSERT_NE(RawGet(first, true, "ok\n").find("200 OK"), std::string::npos);

  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit tight = saved;
  tight.rlim_cur = 256;  // few enough to take them all
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &tight), 0);
  AllDescriptors all;
  all.FreeOne();                           // for our socket
  int second = RawConnect(server.port());  // the server's accept now fails with EMFILE
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
  ASSERT_GE(second, 0);
  EXPECT_NE(RawGet(second, false, "ok\n").find("200 OK"), std::string::npos);
  ::close(first);
  ::close(second);
  std::lock_guard lock(mu);
  ASSERT_EQ(log.size(), 1u);  // logged once, not once per retry
  EXPECT_EQ(log[0].rfind("accept: ", 0), 0u) << log[0];
}

TEST(ServeStaysUp, MaxConnectionsMustBePositive) {
  web::ServerOptions options;
  options.port = 0;
  options.max_connections = 0;
  auto started =
      web::HttpServer::Start(options, [](std::string_view, std::string_view, int) { return Ok(); });
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace corresp::testing
