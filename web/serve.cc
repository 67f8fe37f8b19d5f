#include "web/serve.h"

#include <memory>
#include <vector>

namespace corresp::web {

Status Serve(const std::filesystem::path& index_path, const ServeOptions& options,
             const std::function<void(const std::string& url)>& on_listening) {
  if (options.server.threads < 1) return InvalidArgument("serve: threads must be at least 1");
  ServerOptions server_options = options.server;
  server_options.stop_on_signals = true;
  server_options.heavy = WebApp::IsSearch;
  server_options.busy = WebApp::Busy;
  std::vector<std::unique_ptr<IndexReader>> readers;
  for (int i = 0; i < server_options.workers(); ++i) {
    Result<std::unique_ptr<IndexReader>> reader =
        OpenIndex(index_path, options.remote, options.reader);
    if (!reader.ok()) return reader.status();
    readers.push_back(std::move(reader).value());
  }
  WebApp app(options.app);
  auto handler = [&app, &readers](std::string_view method, std::string_view target, int worker) {
    return app.Handle(method, target, *readers[static_cast<size_t>(worker)]);
  };
  Result<std::unique_ptr<HttpServer>> server = HttpServer::Start(server_options, handler);
  if (!server.ok()) return server.status();
  if (on_listening) on_listening((*server)->url());
  (*server)->Run();
  return Status::Ok();
}

}  // namespace corresp::web
