// `corresp serve`: the web app (web/web_app.h) over an index, on the HTTP server
// (web/http_server.h), one IndexReader per I/O thread.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "query/index_reader.h"
#include "web/http_server.h"
#include "web/web_app.h"

namespace corresp::web {

struct ServeOptions {
  ServerOptions server;
  WebAppOptions app;
  // Read the shards served by xapian-tcpsrv at "HOST:PORT" each, searched together, instead of
  // the local folder or stub file (as the CLI's --remote); empty = local.
  std::vector<std::string> remote;
  // Each reader's options (facet cache size, retries).
  IndexReaderOptions reader;
};

// Opens options.server.threads readers on the index at `index_path` (or options.remote, see
// query/index_reader.h OpenIndex), starts listening, calls
// `on_listening(url)` once the port is bound (the URL has the real port when port was 0),
// then serves until SIGINT/SIGTERM. Returns the first error: kNotFound when there is no
// index (run `corresp index`), the reader's errors, or HttpServer::Start's.
Status Serve(const std::filesystem::path& index_path, const ServeOptions& options,
             const std::function<void(const std::string& url)>& on_listening);

}  // namespace corresp::web
