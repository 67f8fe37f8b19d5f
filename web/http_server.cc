#include "web/http_server.h"

#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

namespace corresp::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

thread_local int tls_worker = 0;

// Sends all of `bytes` on a non-blocking socket, waiting at most timeout_ms each time for the
// client to take more. kUnavailable when it stops reading that long, kIoError when it is gone.
Status SendAll(int fd, std::string_view bytes, int timeout_ms) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd, POLLOUT, 0};
      int ready = ::poll(&p, 1, timeout_ms);
      if (ready > 0 || (ready < 0 && errno == EINTR)) continue;
      if (ready == 0) return Unavailable("client stopped reading");
    }
    return IoError(std::string("send: ") + std::strerror(errno));
  }
  return Status::Ok();
}

// One HTTP/1.1 chunk: size in hex, CRLF, data, CRLF.
std::string Chunk(std::string_view bytes) {
  std::ostringstream size;
  size << std::hex << bytes.size();
  std::string out = size.str() + "\r\n";
  out.append(bytes);
  return out += "\r\n";
}

// Headers every reply carries: no sniffing, no framing, no script or style from elsewhere.
template <class Response>
void SecurityHeaders(Response& res) {
  res.set(http::field::server, "corresp");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "no-referrer");
  res.set("Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const ServerOptions& options, const RequestHandler& handler,
          std::atomic<int>& open)
      : stream_(std::move(socket)), options_(options), handler_(handler), open_(open) {
    ++open_;
  }
  ~Session() { --open_; }

  void Start() { ReadRequest(); }

 private:
  void ReadRequest() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    stream_.expires_after(std::chrono::seconds(options_.timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout) return Close();
    if (ec == http::error::header_limit) return SendPlain(431, "request header too large\n");
    if (ec == http::error::body_limit) return SendPlain(413, "request body too large\n");
    if (ec && ec.category() == http::make_error_code(http::error::bad_target).category())
      return SendPlain(400, "bad request\n");
    if (ec) return Close();
    const auto& req = parser_->get();
    HttpReply reply;
    try {
      reply = handler_(std::string_view(req.method_string().data(), req.method_string().size()),
                       std::string_view(req.target().data(), req.target().size()), tls_worker);
    } catch (...) {
      // The handler's contract says it does not throw; if it does, this connection gets a
      // 500 and the I/O thread (and every other connection on it) lives on.
      reply = HttpReply{500, "text/plain; charset=utf-8", "internal error\n", {}, {}};
    }
    bool head = req.method() == http::verb::head;
    if (reply.stream) return SendStream(std::move(reply), head, req.keep_alive(), req.version());
    Send(std::move(reply), head, req.keep_alive(), req.version());
  }

  // A streamed reply (HttpReply::stream), written synchronously on this I/O thread: headers,
  // then each block as a chunk (HTTP/1.1) or raw until close (HTTP/1.0). Every send waits at
  // most timeout_seconds for the client; a failure is logged and ends the connection without
  // the last chunk.
  void SendStream(HttpReply reply, bool head, bool keep_alive, unsigned version) {
    http::response<http::empty_body> res;
    res.version(version);
    res.result(static_cast<unsigned>(reply.status));
    SecurityHeaders(res);
    res.set(http::field::content_type, reply.content_type);
    for (const auto& [name, value] : reply.headers) res.set(name, value);
    bool chunked = version >= 11;
    keep_alive = keep_alive && chunked;
    if (chunked) res.chunked(true);
    res.keep_alive(keep_alive);
    std::ostringstream header;
    header << res.base();
    beast::error_code ec;
    stream_.socket().native_non_blocking(true, ec);
    int fd = stream_.socket().native_handle();
    int timeout_ms = options_.timeout_seconds * 1000;
    Status status = ec ? IoError("socket: " + ec.message()) : SendAll(fd, header.str(), timeout_ms);
    if (status.ok() && !head) {
      HttpReply::Writer write = [&](std::string_view bytes) {
        if (bytes.empty()) return Status::Ok();
        return SendAll(fd, chunked ? std::string_view(Chunk(bytes)) : bytes, timeout_ms);
      };
      try {
        status = reply.stream(write);
      } catch (const std::exception& e) {
        status = Internal(std::string("streamed reply: ") + e.what());
      }
      if (status.ok() && chunked) status = SendAll(fd, "0\r\n\r\n", timeout_ms);
    }
    if (!status.ok() && options_.log) options_.log("streamed reply stopped: " + status.ToString());
    if (!status.ok() || !keep_alive) return Close();
    ReadRequest();
  }

  void SendPlain(int status, std::string text) {
    HttpReply reply;
    reply.status = status;
    reply.content_type = "text/plain; charset=utf-8";
    reply.body = std::move(text);
    Send(std::move(reply), false, false, 11);
  }

  void Send(HttpReply reply, bool head, bool keep_alive, unsigned version) {
    res_ = {};
    res_.version(version);
    res_.result(static_cast<unsigned>(reply.status));
    SecurityHeaders(res_);
    res_.set(http::field::content_type, reply.content_type);
    for (const auto& [name, value] : reply.headers) res_.set(name, value);
    res_.keep_alive(keep_alive);
    std::size_t length = reply.body.size();
    if (!head) res_.body() = std::move(reply.body);
    res_.content_length(length);
    http::async_write(
        stream_, res_,
        beast::bind_front_handler(&Session::OnWrite, shared_from_this(), !keep_alive));
  }

  void OnWrite(bool close, beast::error_code ec, std::size_t) {
    if (ec || close) return Close();
    ReadRequest();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  const ServerOptions& options_;
  const RequestHandler& handler_;
  std::atomic<int>& open_;  // the server's count of open sessions
};

// A connection over the cap: answered 503 without reading the request, then drained until the
// client closes (closing with unread bytes would reset the connection before the client reads
// the answer), at most kDrainSeconds.
class Refusal : public std::enable_shared_from_this<Refusal> {
 public:
  explicit Refusal(tcp::socket socket) : stream_(std::move(socket)) {}

  void Start() {
    res_.version(11);
    res_.result(http::status::service_unavailable);
    SecurityHeaders(res_);
    res_.set(http::field::content_type, "application/json");
    res_.set(http::field::retry_after, "1");
    res_.keep_alive(false);
    res_.body() =
        "{\"error\":{\"status\":503,\"code\":\"unavailable\",\"message\":\"too many open "
        "connections; try again shortly\"}}\n";
    res_.prepare_payload();
    stream_.expires_after(std::chrono::seconds(kDrainSeconds));
    http::async_write(stream_, res_,
                      beast::bind_front_handler(&Refusal::OnWrite, shared_from_this()));
  }

 private:
  static constexpr int kDrainSeconds = 1;  // a client reads a 503 in well under a second

  void OnWrite(beast::error_code ec, std::size_t) {
    if (ec) return;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(asio::buffer(scratch_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->Drain();
                            });
  }

  beast::tcp_stream stream_;
  http::response<http::string_body> res_;
  char scratch_[1024];
};

// accept() failed for lack of descriptors: back off instead of retrying at once.
bool OutOfDescriptors(const beast::error_code& ec) {
  return ec == asio::error::no_descriptors ||
         ec == boost::system::errc::too_many_files_open_in_system;
}

}  // namespace

struct HttpServer::Impl {
  Impl(ServerOptions o, RequestHandler h)
      : options(std::move(o)), handler(std::move(h)), acceptor(ioc), signals(ioc), backoff(ioc) {}

  void StartSession(tcp::socket socket) {
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    if (open_sessions.load() >= options.max_connections) {
      if (!refusing.exchange(true))
        Log("refusing connections: " + std::to_string(options.max_connections) +
            " open (--max-connections)");
      std::make_shared<Refusal>(std::move(socket))->Start();
      return;
    }
    if (refusing.exchange(false)) Log("accepting connections again");
    std::make_shared<Session>(std::move(socket), options, handler, open_sessions)->Start();
  }

  void Log(const std::string& line) {
    if (options.log) options.log(line);
  }

  // Waits accept_backoff_ms, then accepts again; logs once per run of failures.
  void BackOff(const beast::error_code& ec) {
    if (!out_of_descriptors)
      Log("accept: " + ec.message() + "; retrying every " +
          std::to_string(options.accept_backoff_ms) + " ms");
    out_of_descriptors = true;
    backoff.expires_after(std::chrono::milliseconds(options.accept_backoff_ms));
    backoff.async_wait([this](beast::error_code e) {
      if (!e && acceptor.is_open()) Accept();
    });
  }

  // Accepts one connection, then every other one already waiting: each completion handler
  // queues behind the requests being served, so accepting one per turn would leave new
  // connections waiting seconds under load (the acceptor is non-blocking).
  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) return;
      if (OutOfDescriptors(ec)) return BackOff(ec);
      if (!ec) StartSession(std::move(socket));
      for (;;) {
        tcp::socket more(asio::make_strand(ioc));
        beast::error_code again;
        acceptor.accept(more, again);
        if (OutOfDescriptors(again)) return BackOff(again);
        if (again) break;
        StartSession(std::move(more));
      }
      if (!ec) out_of_descriptors = false;
      Accept();
    });
  }

  ServerOptions options;
  RequestHandler handler;
  std::atomic<int> open_sessions{0};  // before ioc: sessions die with ioc's pending handlers
  std::atomic<bool> refusing{false};  // logged "refusing" and not yet "accepting again"
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer backoff;
  bool out_of_descriptors = false;  // only touched by the accept chain (one step at a time)
  unsigned short port = 0;
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() { Stop(); }

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const ServerOptions& options,
                                                      RequestHandler handler) {
  if (options.threads < 1) return InvalidArgument("serve: threads must be at least 1");
  if (options.max_connections < 1)
    return InvalidArgument("serve: max_connections must be at least 1");
  beast::error_code ec;
  asio::ip::address address = asio::ip::make_address(options.bind, ec);
  if (ec) return InvalidArgument("serve: bad bind address '" + options.bind + "'");
  auto impl = std::make_unique<Impl>(options, std::move(handler));
  tcp::endpoint endpoint(address, options.port);
  tcp::acceptor& acc = impl->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
  if (!ec) acc.non_blocking(true, ec);
  if (ec == asio::error::address_in_use)
    return Unavailable("serve: " + options.bind + ":" + std::to_string(options.port) +
                       " is in use");
  if (ec)
    return IoError("serve: cannot listen on " + options.bind + ":" + std::to_string(options.port) +
                   ": " + ec.message());
  impl->port = acc.local_endpoint().port();
  impl->Accept();
  if (options.stop_on_signals) {
    impl->signals.add(SIGINT);
    impl->signals.add(SIGTERM);
    Impl* raw = impl.get();
    impl->signals.async_wait([raw](beast::error_code e, int) {
      if (!e) raw->ioc.stop();
    });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

unsigned short HttpServer::port() const { return impl_->port; }

std::string HttpServer::url() const {
  std::string host = impl_->options.bind;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(impl_->port);
}

void HttpServer::Run() {
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i)
    threads.emplace_back([this, i] {
      tls_worker = i;
      impl_->ioc.run();
    });
  tls_worker = 0;
  impl_->ioc.run();
  for (std::thread& t : threads) t.join();
}

void HttpServer::Stop() {
  if (impl_) impl_->ioc.stop();
}

}  // namespace corresp::web
