#include "test_client.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>

namespace corresp::testing {

std::string TestNameOf(const std::string& label) {
  std::string name;
  for (char c : label) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

TestResponse HttpGet(unsigned short port, const std::string& raw_target,
                     const std::string& method) {
  TestResponse out;
  try {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    http::request<http::empty_body> req(http::string_to_verb(method), raw_target, 11);
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::connection, "close");
    http::write(socket, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.skip(method == "HEAD");
    http::read(socket, buffer, parser);
    const auto& res = parser.get();
    out.status = static_cast<int>(res.result_int());
    for (const auto& field : res) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = std::string(field.value());
    }
    out.content_type = out.headers["content-type"];
    out.body = res.body();
  } catch (const std::exception&) {
    out.status = 0;
  }
  return out;
}

std::string RawExchange(unsigned short port, const std::string& raw) {
  std::string answer;
  try {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    beast::error_code ec;
    asio::write(socket, asio::buffer(raw), ec);  // the server may answer and close early
    ec = {};
    char chunk[4096];
    while (true) {
      std::size_t n = socket.read_some(asio::buffer(chunk), ec);
      answer.append(chunk, n);
      if (ec) break;
    }
  } catch (const std::exception&) {
  }
  return answer;
}

std::unique_ptr<RunningApp> RunningApp::Start(const std::filesystem::path& index,
                                              web::WebAppOptions options) {
  std::unique_ptr<RunningApp> app(new RunningApp(std::move(options)));
  web::ServerOptions server;
  server.port = 0;
  server.threads = 2;
  server.heavy = web::WebApp::IsSearch;  // as web/serve.cc: searches on a lane of their own
  server.busy = web::WebApp::Busy;
  for (int i = 0; i < server.workers(); ++i) {
    auto reader = IndexReader::Open(index);
    if (!reader.ok()) return nullptr;
    app->readers_.push_back(std::move(reader).value());
  }
  RunningApp* raw = app.get();
  auto started =
      web::HttpServer::Start(server, [raw](std::string_view m, std::string_view t, int worker) {
        return raw->app_.Handle(m, t, raw->ReaderFor(t, worker));
      });
  if (!started.ok()) return nullptr;
  app->server_ = std::move(started).value();
  app->thread_ = std::thread([raw] { raw->server_->Run(); });
  return app;
}

void RunningApp::BreakSearches(std::unique_ptr<IndexReader> broken) {
  broken_ = std::move(broken);
  search_reader_ = broken_.get();
}

IndexReader& RunningApp::ReaderFor(std::string_view target, int worker) {
  IndexReader* search = search_reader_.load();
  bool searching = target.rfind("/api/search", 0) == 0 || target.rfind("/?", 0) == 0;
  return search && searching ? *search : *readers_[static_cast<size_t>(worker)];
}

RunningApp::~RunningApp() {
  if (server_) server_->Stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace corresp::testing
