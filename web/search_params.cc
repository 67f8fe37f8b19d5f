#include "web/search_params.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/ascii_words.h"
#include "core/letter.h"
#include "core/thread.h"
#include "query/request_grammar.h"

namespace corresp::web {

namespace {

std::optional<int> ParseInt(const std::string& text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

bool ValidKind(const std::string& kind) {
  return kind == "comment" || kind == "response" || kind == "letter" ||
         ParseLetterKind(kind).has_value();
}

struct RawParams {
  std::string offset, limit, page;
};

// Applies one parameter; kInvalidArgument for an unknown name or a bad value.
Status Apply(const std::string& key, const std::string& value, const WebLimits& limits,
             SearchRequest& r, RawParams& raw) {
  if (key == "q") {
    if (value.size() > limits.max_query_bytes)
      return InvalidArgument("query too long: " + std::to_string(value.size()) +
                             " bytes (at most " + std::to_string(limits.max_query_bytes) + ")");
    r.query = value;
    return Status::Ok();
  }
  if (value.size() > limits.max_filter_bytes)
    return InvalidArgument("parameter '" + key + "' too long");
  if (key == "form") {
    std::string f = Lowercase(value);
    if (!f.empty() && f != "upload" && f != "corresp" && f != "drsltr" && f != "dosltr")
      return InvalidArgument("unknown form '" + value + "' (upload, corresp, drsltr or dosltr)");
    r.form = f;
  } else if (key == "kind") {
    std::string k = Lowercase(value);
    if (!k.empty() && !ValidKind(k))
      return InvalidArgument("unknown kind '" + value +
                             "' (comment, response, letter or a letter kind)");
    r.kind = k;
  } else if (key == "company") {
    r.company = value;
  } else if (key == "cik") {
    if (!std::all_of(value.begin(), value.end(), ::isdigit) || value.size() > 10)
      return InvalidArgument("cik must be digits");
    r.cik = value;
  } else if (key == "topic") {
    r.topic = Lowercase(value);
  } else if (key == "standard") {
    r.standard = value;
  } else if (key == "status") {
    std::string st = Lowercase(value);
    if (!st.empty() && !ParseCommentStatus(st))
      return InvalidArgument("unknown status '" + value +
                             "' (open, responded, reissued, resolved or unclear)");
    r.status = st;
  } else if (key == "office") {
    r.office = value;
  } else if (key == "since" || key == "until") {
    if (value.empty()) return Status::Ok();
    auto d = ParseDateBound(value, key == "until" ? BoundSide::kUpper : BoundSide::kLower);
    if (!d)
      return InvalidArgument("bad date for " + key + ": '" + value + "' (" + DateBoundSyntax() +
                             ")");
    (key == "since" ? r.since : r.until) = d;
  } else if (key == "sort") {
    std::optional<SortOrder> sort = ParseSortOrder(value);
    if (!sort) return InvalidArgument("unknown sort '" + value + "' (" + SortOrderSyntax() + ")");
    r.sort = *sort;
  } else if (key == "collapse") {
    if (value.empty() || value == "none")
      r.collapse = Collapse::kNone;
    else if (value == "letter")
      r.collapse = Collapse::kLetter;
    else if (value == "thread")
      r.collapse = Collapse::kThread;
    else
      return InvalidArgument("unknown collapse '" + value + "' (none, letter or thread)");
  } else if (key == "facets") {
    r.facets = value != "0" && value != "false";
  } else if (key == "offset") {
    raw.offset = value;
  } else if (key == "limit") {
    raw.limit = value;
  } else if (key == "page") {
    raw.page = value;
  } else {
    return InvalidArgument("unknown parameter '" + key + "'");
  }
  return Status::Ok();
}

Status ApplyWindow(const RawParams& raw, const WebLimits& limits, SearchRequest& r) {
  r.limit = limits.default_limit;
  if (!raw.limit.empty()) {
    auto limit = ParseInt(raw.limit);
    if (!limit || *limit < 1 || *limit > limits.max_limit)
      return InvalidArgument("limit must be 1.." + std::to_string(limits.max_limit));
    r.limit = *limit;
  }
  r.offset = 0;
  if (!raw.offset.empty()) {
    auto offset = ParseInt(raw.offset);
    if (!offset || *offset < 0) return InvalidArgument("offset must be a number >= 0");
    r.offset = *offset;
  } else if (!raw.page.empty()) {
    auto page = ParseInt(raw.page);
    if (!page || *page < 1) return InvalidArgument("page must be a number >= 1");
    if (*page > limits.max_window) return InvalidArgument("page beyond the result window");
    r.offset = (*page - 1) * r.limit;
  }
  if (static_cast<long>(r.offset) + r.limit > limits.max_window)
    return InvalidArgument("result window too deep: offset + limit must be <= " +
                           std::to_string(limits.max_window));
  return Status::Ok();
}

}  // namespace

Result<SearchRequest> ParseSearchParams(const QueryParams& params, const WebLimits& limits) {
  SearchRequest request;
  request.time_limit_seconds = limits.search_time_limit_seconds;
  request.exact_facets_up_to = limits.exact_facets_up_to;
  RawParams raw;
  for (const auto& [key, value] : params)
    CORRESP_RETURN_IF_ERROR(Apply(key, value, limits, request, raw));
  CORRESP_RETURN_IF_ERROR(ApplyWindow(raw, limits, request));
  if (request.since && request.until &&
      request.since->DaysSinceEpoch() > request.until->DaysSinceEpoch())
    return InvalidArgument("since is after until");
  return request;
}

QueryParams SearchParamsOf(const SearchRequest& r, const WebLimits& limits) {
  QueryParams p = {{"q", r.query},           {"form", r.form},     {"kind", r.kind},
                   {"company", r.company},   {"cik", r.cik},       {"topic", r.topic},
                   {"standard", r.standard}, {"status", r.status}, {"office", r.office}};
  if (r.since) p.emplace_back("since", r.since->ToIso());
  if (r.until) p.emplace_back("until", r.until->ToIso());
  if (r.sort != SortOrder::kRelevance) p.emplace_back("sort", SortOrderName(r.sort));
  if (r.collapse == Collapse::kLetter) p.emplace_back("collapse", "letter");
  if (r.collapse == Collapse::kThread) p.emplace_back("collapse", "thread");
  if (r.limit != limits.default_limit) p.emplace_back("limit", std::to_string(r.limit));
  if (r.offset != 0) p.emplace_back("offset", std::to_string(r.offset));
  return p;
}

}  // namespace corresp::web
