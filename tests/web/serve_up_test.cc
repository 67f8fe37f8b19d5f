// "serve stays up": a failing index read answers a generic 5xx (no exception or Status text
// reaches the client), is logged with its detail, and the server keeps answering.
#include <gtest/gtest.h>

#include <xapian.h>

#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace corresp::testing
