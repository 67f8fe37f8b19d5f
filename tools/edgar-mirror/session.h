// One HTTP/1.1 connection: read a request, wait out --latency-ms on a timer, write the
// Responder's reply (cut short for reset/truncate faults), log it, repeat while keep-alive.
// Every step runs on the connection's strand; a session owns itself via shared_ptr.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "tools/edgar-mirror/request_log.h"
#include "tools/edgar-mirror/responder.h"

namespace corresp::mirror {

struct SessionConfig {
  Responder* responder = nullptr;  // shared by all sessions; outlives them
  RequestLog* log = nullptr;       // null = no request log
  std::chrono::milliseconds latency{0};
  // Idle keep-alive connections are closed after this long (clients reconnect).
  std::chrono::seconds idle_timeout{30};
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(boost::asio::ip::tcp::socket socket, SessionConfig config);
  void Start();

 private:
  void DoRead();
  void OnRead(boost::beast::error_code ec, std::size_t bytes);
  void OnDelay(boost::beast::error_code ec);
  void DoWrite();
  void OnWrite(boost::beast::error_code ec, std::size_t bytes);
  void ReplyBadRequest();
  std::string Head(bool keep_alive) const;
  void Close(bool reset);

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::asio::steady_timer timer_;
  SessionConfig config_;
  std::string client_;
  // The exchange in flight.
  RequestLogRecord record_;
  Reply reply_;
  bool keep_alive_ = true;
  std::string head_;
  std::string chunk_head_;  // "<hex size>\r\n" of a chunked-truncated body
  std::size_t body_bytes_ = 0;
};

}  // namespace corresp::mirror
