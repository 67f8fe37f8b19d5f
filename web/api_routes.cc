#include "web/api_routes.h"

#include <charconv>

#include "query/export.h"
#include "query/index_stats.h"
#include "query/lookup.h"
#include "query/present.h"
#include "query/search.h"

namespace corresp::web {

using nlohmann::json;

HttpReply JsonReply(const json& value) {
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = value.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  return reply;
}

HttpReply ApiSearch(const std::string& query_string, const WebAppOptions& options,
                    IndexReader& reader) {
  Result<SearchRequest> request = ParseSearchParams(ParseQueryString(query_string), options.limits);
  if (!request.ok()) return JsonError(request.status());
  Result<SearchResponse> response = Search(reader, *request);
  if (!response.ok()) return JsonError(response.status());
  return JsonReply(SearchResponseToJson(*response));
}

HttpReply ApiLetter(const std::string& accession, IndexReader& reader) {
  if (accession.find('#') != std::string::npos)
    return JsonError(400, "invalid_argument", "not an accession: " + accession);
  Result<json> shown = ShowItem(reader, accession);
  return shown.ok() ? JsonReply(*shown) : JsonError(shown.status());
}

HttpReply ApiItem(const std::string& item_id, IndexReader& reader) {
  if (item_id.find('#') == std::string::npos)
    return JsonError(400, "invalid_argument", "not an item id (ACCESSION#N): " + item_id);
  Result<json> shown = ShowItem(reader, item_id);
  return shown.ok() ? JsonReply(*shown) : JsonError(shown.status());
}

HttpReply ApiThread(const std::string& thread_id, IndexReader& reader) {
  Result<json> thread = GetThread(reader, thread_id);
  return thread.ok() ? JsonReply(*thread) : JsonError(thread.status());
}

HttpReply ApiSimilar(const std::string& item_id, const std::string& query_string,
                     const WebAppOptions& options, IndexReader& reader) {
  SimilarOptions similar;
  similar.limit = options.similar_limit;
  for (const auto& [key, value] : ParseQueryString(query_string)) {
    int limit = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
    if (key != "limit")
      return JsonError(400, "invalid_argument", "unknown parameter '" + key + "'");
    if (ec != std::errc() || ptr != value.data() + value.size() || limit < 1 ||
        limit > options.limits.max_limit)
      return JsonError(400, "invalid_argument",
                       "limit must be 1.." + std::to_string(options.limits.max_limit));
    similar.limit = limit;
  }
  Result<SearchResponse> response = Similar(reader, item_id, similar);
  return response.ok() ? JsonReply(SearchResponseToJson(*response)) : JsonError(response.status());
}

HttpReply ApiStats(IndexReader& reader) {
  Result<IndexStats> stats = ReadIndexStats(reader);
  return stats.ok() ? JsonReply(IndexStatsToJson(*stats)) : JsonError(stats.status());
}

HttpReply ApiExport(const std::string& query_string, const WebAppOptions& options,
                    IndexReader& reader, std::shared_ptr<void> slot) {
  ExportRequest request;
  QueryParams search;
  for (auto& [key, value] : ParseQueryString(query_string)) {
    if (key == "level") {
      std::optional<ExportLevel> level = ParseExportLevel(value);
      if (!level)
        return JsonError(400, "invalid_argument",
                         "level must be comment, response, letter or thread");
      request.level = *level;
    } else if (key == "format") {
      std::optional<ExportFormat> format = ParseExportFormat(value);
      if (!format) return JsonError(400, "invalid_argument", "format must be csv or jsonl");
      request.format = *format;
    } else {
      search.emplace_back(std::move(key), std::move(value));
    }
  }
  Result<SearchRequest> parsed = ParseSearchParams(search, options.limits);
  if (!parsed.ok()) return JsonError(parsed.status());
  request.search = std::move(parsed).value();
  HttpReply reply;
  bool csv = request.format == ExportFormat::kCsv;
  reply.content_type = csv ? "text/csv; charset=utf-8; header=present" : "application/jsonl";
  reply.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"corresp-") +
                                                        ExportLevelName(request.level) + "." +
                                                        ExportFormatName(request.format) + "\"");
  reply.headers.emplace_back("Cache-Control", "no-store");
  reply.stream = [request, &reader, slot](const HttpReply::Writer& write) {
    return Export(reader, request, write).status();
  };
  return reply;
}

}  // namespace corresp::web
