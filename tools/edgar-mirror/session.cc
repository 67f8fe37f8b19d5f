#include "tools/edgar-mirror/session.h"

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <ctime>
#include <sstream>

namespace corresp::mirror {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr std::chrono::seconds kWriteTimeout{30};

// The Date header, recomputed at most once a second per thread.
const std::string& CachedHttpDate() {
  thread_local std::time_t cached_second = 0;
  thread_local std::string cached;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached = HttpDate(now);
    cached_second = now;
  }
  return cached;
}

// Terminates the chunked body of a chunked-truncated reply.
constexpr std::string_view kLastChunk = "\r\n0\r\n\r\n";

std::string_view Sv(beast::string_view s) { return {s.data(), s.size()}; }

}  // namespace

Session::Session(tcp::socket socket, SessionConfig config)
    : stream_(std::move(socket)), timer_(stream_.get_executor()), config_(config) {
  beast::error_code ec;
  auto remote = stream_.socket().remote_endpoint(ec);
  client_ = ec ? std::string("-") : remote.address().to_string();
  stream_.socket().set_option(tcp::no_delay(true), ec);
}

void Session::Start() {
  asio::dispatch(stream_.get_executor(),
                 beast::bind_front_handler(&Session::DoRead, shared_from_this()));
}

void Session::DoRead() {
  parser_.emplace();
  parser_->header_limit(16 * 1024);
  parser_->body_limit(64 * 1024);  // GET/HEAD carry none; a small POST gets its 405
  stream_.expires_after(config_.idle_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&Session::OnRead, shared_from_this()));
}

void Session::OnRead(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec == http::error::end_of_stream || ec == beast::error::timeout) return Close(false);
  if (ec && ec.category() == beast::http::make_error_code(http::error::bad_target).category()) {
    return ReplyBadRequest();
  }
  if (ec) return Close(false);
  const auto& req = parser_->get();
  record_ = RequestLogRecord{};
  record_.time = std::chrono::system_clock::now();
  record_.client = client_;
  record_.method = std::string(req.method_string());
  record_.path = std::string(req.target());
  record_.user_agent = std::string(req[http::field::user_agent]);
  keep_alive_ = req.keep_alive();
  RequestInfo info{Sv(req.method_string()),
                   Sv(req.target()),
                   client_,
                   Sv(req[http::field::user_agent]),
                   Sv(req[http::field::accept_encoding]),
                   Sv(req[http::field::host]),
                   RateLimiter::Clock::now()};
  reply_ = config_.responder->Respond(info);
  if (config_.latency.count() > 0) {
    timer_.expires_after(config_.latency);
    timer_.async_wait(beast::bind_front_handler(&Session::OnDelay, shared_from_this()));
    return;
  }
  DoWrite();
}

void Session::OnDelay(beast::error_code ec) {
  if (ec) return Close(false);
  DoWrite();
}

void Session::ReplyBadRequest() {
  record_ = RequestLogRecord{};
  record_.time = std::chrono::system_clock::now();
  record_.client = client_;
  reply_ = Reply{};
  reply_.status = 400;
  reply_.body = ErrorPage(400, "bad-request");
  reply_.note = "bad-request";
  keep_alive_ = false;
  DoWrite();
}

std::string Session::Head(bool keep_alive) const {
  std::string head = "HTTP/1.1 ";
  head += std::to_string(reply_.status);
  head += ' ';
  head += Sv(http::obsolete_reason(http::int_to_status(reply_.status)));
  head += "\r\nServer: edgar-mirror\r\nDate: ";
  head += CachedHttpDate();
  head += "\r\nContent-Type: ";
  head += reply_.content_type;
  if (reply_.chunked_cut) {
    head += "\r\nTransfer-Encoding: chunked";
  } else {
    head += "\r\nContent-Length: ";
    head += std::to_string(reply_.body->size());
  }
  if (!reply_.location.empty()) head += "\r\nLocation: " + reply_.location;
  if (!reply_.retry_after.empty()) head += "\r\nRetry-After: " + reply_.retry_after;
  if (reply_.gzip) head += "\r\nContent-Encoding: gzip";
  if (reply_.vary) head += "\r\nVary: Accept-Encoding";
  head += keep_alive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
  return head;
}

void Session::DoWrite() {
  const bool cut =
      reply_.fault == Fault::kReset || reply_.fault == Fault::kTruncate || reply_.chunked_cut;
  const std::size_t body_size = reply_.send_body ? reply_.body->size() : 0;
  body_bytes_ = cut ? body_size / 2 : body_size;
  head_ = Head(keep_alive_);
  record_.status = reply_.status;
  record_.bytes = body_bytes_;
  record_.note = reply_.note;
  if (config_.log) config_.log->Write(record_);
  chunk_head_.clear();
  std::string_view chunk_tail;
  if (reply_.chunked_cut && reply_.send_body) {
    std::ostringstream hex;
    hex << std::hex << body_bytes_ << "\r\n";
    if (body_bytes_ > 0) chunk_head_ = hex.str();
    chunk_tail = body_bytes_ > 0 ? kLastChunk : kLastChunk.substr(2);
  }
  std::array<asio::const_buffer, 4> buffers{asio::buffer(head_), asio::buffer(chunk_head_),
                                            asio::buffer(reply_.body->data(), body_bytes_),
                                            asio::buffer(chunk_tail.data(), chunk_tail.size())};
  stream_.expires_after(kWriteTimeout);
  asio::async_write(stream_, buffers,
                    beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
}

void Session::OnWrite(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) return Close(false);
  if (reply_.fault == Fault::kReset) return Close(true);
  if (reply_.fault == Fault::kTruncate || !keep_alive_) return Close(false);
  DoRead();
}

void Session::Close(bool reset) {
  beast::error_code ec;
  auto& socket = stream_.socket();
  if (reset) {
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    socket.set_option(asio::socket_base::linger(true, 0), ec);
  } else {
    socket.shutdown(tcp::socket::shutdown_send, ec);
  }
  socket.close(ec);
}

}  // namespace corresp::mirror
