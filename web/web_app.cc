#include "web/web_app.h"

#include <xapian.h>

#include <exception>

#include "web/api_routes.h"
#include "web/assets.h"
#include "web/html.h"
#include "web/pages.h"

namespace corresp::web {

namespace {

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// "/api/letter/ACC" with prefix "/api/letter/" -> "ACC"; nullopt when the rest is not a valid
// id (empty, too long, a '/' or any other character outside the id alphabet).
std::optional<std::string> IdAfter(const std::string& path, std::string_view prefix,
                                   std::size_t max_bytes) {
  std::string id = path.substr(prefix.size());
  if (!ValidId(id, max_bytes)) return std::nullopt;
  return id;
}

HttpReply NotFoundReply(bool api, const std::string& what) {
  return api ? JsonError(404, "not_found", what) : ErrorPage(404, what);
}

HttpReply AssetReply(const Asset& asset) {
  HttpReply reply;
  reply.content_type = std::string(asset.content_type);
  reply.body = std::string(asset.body);
  reply.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return reply;
}

// The reply to an exception that escaped a route: generic for the client, detailed for the log.
HttpReply InternalError(bool api, const std::string& detail) {
  Status status = Internal(detail);
  return api ? JsonError(status) : ErrorPage(status);
}

}  // namespace

bool ValidId(std::string_view id, std::size_t max_bytes) {
  if (id.empty() || id.size() > max_bytes) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '#') return false;
  return true;
}

HttpReply WebApp::Handle(std::string_view method, std::string_view target,
                         IndexReader& reader) const {
  Target t = SplitTarget(target);
  bool api = StartsWith(t.path, "/api/");
  if (method != "GET" && method != "HEAD") {
    HttpReply reply = api ? JsonError(405, "method_not_allowed", "read-only: GET and HEAD only")
                          : ErrorPage(405, "This server is read-only: GET and HEAD only.");
    reply.headers.emplace_back("Allow", "GET, HEAD");
    return reply;
  }
  HttpReply reply;
  try {
    reply = Route(t.path, t.query, reader);
  } catch (const Xapian::Error& e) {
    reply = InternalError(api, std::string("Xapian::") + e.get_type() + ": " + e.get_msg());
  } catch (const std::exception& e) {
    reply = InternalError(api, std::string("exception: ") + e.what());
  } catch (...) {
    reply = InternalError(api, "unknown exception");
  }
  if (!reply.log_detail.empty() && options_.log)
    options_.log(std::to_string(reply.status) + " " + std::string(method) + " " +
                 std::string(target) + ": " + reply.log_detail);
  return reply;
}

HttpReply WebApp::Route(const std::string& path, const std::string& query,
                        IndexReader& reader) const {
  const std::size_t max_id = options_.max_id_bytes;
  if (path == "/" || path == "/search") return SearchPage(query, options_, reader);
  if (StartsWith(path, "/assets/")) {
    const Asset* asset = FindAsset(path);
    return asset ? AssetReply(*asset) : ErrorPage(404, "no such file");
  }
  bool api = StartsWith(path, "/api/");
  struct IdRoute {
    std::string_view prefix;
    HttpReply (*handler)(const std::string&, const std::string&, const WebApp&, IndexReader&);
  };
  static const IdRoute kRoutes[] = {
      {"/api/letter/", [](const std::string& id, const std::string&, const WebApp&,
                          IndexReader& r) { return ApiLetter(id, r); }},
      {"/api/item/", [](const std::string& id, const std::string&, const WebApp&,
                        IndexReader& r) { return ApiItem(id, r); }},
      {"/api/thread/", [](const std::string& id, const std::string&, const WebApp&,
                          IndexReader& r) { return ApiThread(id, r); }},
      {"/api/similar/", [](const std::string& id, const std::string& q, const WebApp& a,
                           IndexReader& r) { return ApiSimilar(id, q, a.options(), r); }},
      {"/letter/", [](const std::string& id, const std::string&, const WebApp&,
                      IndexReader& r) { return LetterPage(id, r); }},
      {"/thread/", [](const std::string& id, const std::string&, const WebApp&,
                      IndexReader& r) { return ThreadPage(id, r); }},
      {"/similar/", [](const std::string& id, const std::string&, const WebApp& a,
                       IndexReader& r) { return SimilarPage(id, a.options(), r); }},
  };
  if (path == "/api/search") return ApiSearch(query, options_, reader);
  if (path == "/api/stats") return ApiStats(reader);
  if (path == "/api/export") return Export(query, reader);
  for (const IdRoute& route : kRoutes) {
    if (!StartsWith(path, route.prefix)) continue;
    std::optional<std::string> id = IdAfter(path, route.prefix, max_id);
    if (!id)
      return api ? JsonError(400, "invalid_argument", "malformed id in " + path)
                 : ErrorPage(400, "malformed id");
    return route.handler(*id, query, *this, reader);
  }
  return NotFoundReply(api, "no such page: " + path);
}

HttpReply WebApp::Export(const std::string& query, IndexReader& reader) const {
  if (exports_->fetch_add(1) >= options_.max_exports) {
    exports_->fetch_sub(1);
    HttpReply busy = JsonError(503, "unavailable", "another export is running; try again later");
    busy.headers.emplace_back("Retry-After", "10");
    return busy;
  }
  // Released when the reply (and its stream) is gone, streamed or not.
  std::shared_ptr<void> slot(nullptr, [count = exports_](void*) { count->fetch_sub(1); });
  return ApiExport(query, options_, reader, std::move(slot));
}

}  // namespace corresp::web
