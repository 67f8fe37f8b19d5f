#include "tools/edgar-mirror/server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "tools/edgar-mirror/request_log.h"
#include "tools/edgar-mirror/responder.h"
#include "tools/edgar-mirror/session.h"

namespace corresp::mirror {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = boost::asio::ip::tcp;

namespace {

// Accepts connections forever, each on its own strand, and starts a Session for each.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, tcp::acceptor acceptor, SessionConfig config)
      : ioc_(ioc), acceptor_(std::move(acceptor)), config_(config) {}

  void Accept() {
    acceptor_.async_accept(asio::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
  }

 private:
  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) std::make_shared<Session>(std::move(socket), config_)->Start();
    Accept();  // a failed accept (EMFILE...) must not stop the server
  }

  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  SessionConfig config_;
};

bool IsRate(double p) { return p >= 0.0 && p <= 1.0; }

Result<tcp::acceptor> Bind(asio::io_context& ioc, const MirrorOptions& options) {
  beast::error_code ec;
  auto address = asio::ip::make_address(options.bind_address, ec);
  if (ec) return InvalidArgument("--bind: not an IP address: " + options.bind_address);
  tcp::endpoint endpoint(address, options.port);
  tcp::acceptor acceptor(ioc);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (!ec) return acceptor;
  return IoError("cannot listen on " + options.bind_address + ":" + std::to_string(options.port) +
                 ": " + ec.message());
}

}  // namespace

Status ValidateMirrorOptions(const MirrorOptions& o) {
  std::error_code ec;
  if (o.root.empty() || !std::filesystem::is_directory(o.root, ec)) {
    return InvalidArgument("--root: not a folder: " + o.root);
  }
  if (!IsRate(o.error_rate)) return InvalidArgument("--error-rate must be in [0, 1]");
  if (!IsRate(o.reset_rate)) return InvalidArgument("--reset-rate must be in [0, 1]");
  if (!IsRate(o.truncate_rate)) return InvalidArgument("--truncate-rate must be in [0, 1]");
  if (o.latency_ms < 0) return InvalidArgument("--latency-ms must be >= 0");
  if (o.rate_limit < 0) return InvalidArgument("--rate-limit must be >= 0");
  if (o.block_seconds < 0) return InvalidArgument("--block-seconds must be >= 0");
  if (o.threads < 1 || o.threads > 2) return InvalidArgument("threads must be 1 or 2");
  return Status::Ok();
}

Status RunMirror(const MirrorOptions& options, std::ostream& out) {
  CORRESP_RETURN_IF_ERROR(ValidateMirrorOptions(options));
  std::unique_ptr<RequestLog> log;
  if (!options.request_log.empty()) {
    CORRESP_ASSIGN_OR_RETURN(log, RequestLog::Open(options.request_log));
  }
  Responder responder(options);
  asio::io_context ioc(options.threads);
  CORRESP_ASSIGN_OR_RETURN(tcp::acceptor acceptor, Bind(ioc, options));
  const tcp::endpoint local = acceptor.local_endpoint();

  asio::signal_set stop_signals(ioc, SIGINT, SIGTERM);
  stop_signals.async_wait([&ioc](beast::error_code, int) { ioc.stop(); });
  std::signal(SIGHUP, SIG_IGN);
  std::signal(SIGPIPE, SIG_IGN);

  SessionConfig config;
  config.responder = &responder;
  config.log = log.get();
  config.latency = std::chrono::milliseconds(options.latency_ms);
  std::make_shared<Listener>(ioc, std::move(acceptor), config)->Accept();

  out << "listening on " << local.address().to_string() << ":" << local.port() << std::endl;

  std::vector<std::thread> extra;
  for (int i = 1; i < options.threads; ++i) extra.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : extra) t.join();
  return Status::Ok();
}

}  // namespace corresp::mirror
