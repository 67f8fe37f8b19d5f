#include "tools/edgar-mirror/responder.h"

#include <chrono>
#include <random>

#include "tools/edgar-mirror/accept_encoding.h"
#include "tools/edgar-mirror/target_path.h"
#include "tools/edgar-mirror/user_agent.h"

namespace corresp::mirror {
namespace {

constexpr std::string_view kDailyPrefix = "Archives/edgar/daily-index/";
constexpr std::string_view kFilingPrefix = "Archives/edgar/data/";

// Files of a filing whose cut the crawler must detect by their end marker.
bool IsFilingDocument(std::string_view rel_path) {
  return rel_path.starts_with(kFilingPrefix) &&
         (rel_path.ends_with(".pdf") || rel_path.ends_with(".txt") || rel_path.ends_with(".htm"));
}

Bytes MakePage(std::string_view title, std::string_view text) {
  std::string page = "<!DOCTYPE html>\n<html><head><title>";
  page += title;
  page += "</title></head>\n<body><h1>";
  page += title;
  page += "</h1>\n<p>";
  page += text;
  page += "</p></body></html>\n";
  return std::make_shared<const std::string>(std::move(page));
}

std::uint64_t SeedFrom(const MirrorOptions& options) {
  if (options.seed) return *options.seed;
  return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count() ^
                                    std::random_device{}());
}

RateLimiter::Clock::duration BlockDuration(double seconds) {
  return std::chrono::duration_cast<RateLimiter::Clock::duration>(
      std::chrono::duration<double>(seconds));
}

Reply PageReply(int status, std::string_view note) {
  Reply reply;
  reply.status = status;
  reply.body = ErrorPage(status, note);
  reply.note = std::string(note);
  return reply;
}

}  // namespace

Bytes ErrorPage(int status, std::string_view note) {
  static const Bytes kNotFound = MakePage("Not Found", "The requested URL was not found.");
  static const Bytes kRate =
      MakePage("Request Rate Threshold Exceeded",
               "Your request rate exceeds the SEC's fair access threshold. Access is restricted "
               "until the rate of requests drops below the threshold.");
  static const Bytes kAccessDenied =
      MakePage("Access Denied",
               "You don't have permission to access this resource on this server. "
               "Reference #18.6e2c1002.1764547200.2a1f3b");
  static const Bytes kMoved = MakePage("Moved Permanently", "The document has moved.");
  static const Bytes kUndeclared =
      MakePage("Your Request Originates from an Undeclared Automated Tool",
               "Declare your traffic by updating your user agent to include company specific "
               "information, e.g. Sample Company Name AdminContact@samplecompany.com.");
  static const Bytes kUnavailable =
      MakePage("Service Unavailable", "The server is temporarily unable to serve the request.");
  static const Bytes kBadMethod = MakePage("Method Not Allowed", "Only GET and HEAD.");
  static const Bytes kBadRequest = MakePage("Bad Request", "The request could not be parsed.");
  switch (status) {
    case 403:
      return note == "rate-limited" ? kRate : note == "cdn-403" ? kAccessDenied : kUndeclared;
    case 301:
      return kMoved;
    case 405:
      return kBadMethod;
    case 503:
      return kUnavailable;
    case 400:
      return kBadRequest;
    default:
      return kNotFound;
  }
}

std::string HttpDate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

Responder::Responder(const MirrorOptions& options)
    : require_user_agent_(options.require_user_agent),
      faults_(options.faults),
      dice_(FaultRates{options.error_rate, options.reset_rate, options.truncate_rate},
            SeedFrom(options)),
      cache_(options.root, options.cache_max_file_bytes, options.cache_budget_bytes),
      cutoff_(options.hide_daily_after, options.root + "/.mirror-control"),
      listings_(&cache_) {
  if (options.rate_limit > 0) {
    limiter_ =
        std::make_unique<RateLimiter>(options.rate_limit, BlockDuration(options.block_seconds));
  }
}

Reply Responder::Respond(const RequestInfo& request) {
  Reply reply = [&] {
    if (limiter_ && !limiter_->Admit(request.client, request.now)) {
      return PageReply(403, faults_.cdn_403 ? "cdn-403" : "rate-limited");
    }
    if (require_user_agent_ && !HasEmailAddress(request.user_agent)) {
      return PageReply(403, "undeclared-ua");
    }
    if (request.method != "GET" && request.method != "HEAD") return PageReply(405, "bad-method");
    return Reply{};
  }();
  Fault fault = dice_.Roll();
  if (reply.status == 200) {
    if (fault == Fault::kError) {
      reply = PageReply(503, "error");
    } else if (faults_.redirect_http && request.method == "GET" &&
               request.target.starts_with("/" + std::string(kFilingPrefix)) &&
               request.target.find('?') == std::string_view::npos) {
      reply = PageReply(301, "redirect");
      reply.location =
          "http://" + std::string(request.host) + std::string(request.target) + "?redirected";
    } else if (auto rel_path = MapTarget(request.target)) {
      reply = ServeFiling(*rel_path, AcceptsGzip(request.accept_encoding));
    } else {
      reply = PageReply(404, "not-found");
    }
  }
  if (fault == Fault::kReset || fault == Fault::kTruncate) {
    reply.fault = fault;
    reply.note = FaultName(fault);
  }
  AddRetryAfter(&reply);
  reply.send_body = request.method != "HEAD";
  return reply;
}

void Responder::AddRetryAfter(Reply* reply) const {
  bool refusal = reply->status == 503 || reply->note == "rate-limited" || reply->note == "cdn-403";
  if (!refusal) return;
  if (faults_.retry_after_seconds) {
    reply->retry_after = std::to_string(*faults_.retry_after_seconds);
  } else if (faults_.retry_after_date_seconds) {
    reply->retry_after = HttpDate(std::time(nullptr) + *faults_.retry_after_date_seconds);
  }
}

Reply Responder::ServeFiling(const std::string& rel_path, bool accepts_gzip) {
  if (!faults_.chunked_truncated || !IsFilingDocument(rel_path) || !FirstRequestOf(rel_path)) {
    return ServeFile(rel_path, accepts_gzip);
  }
  Reply reply = ServeFile(rel_path, false);  // identity: the cut must not break gzip
  if (reply.status == 200) {
    reply.chunked_cut = true;
    reply.note = "chunked-truncated";
  }
  return reply;
}

bool Responder::FirstRequestOf(const std::string& rel_path) {
  std::lock_guard<std::mutex> lock(seen_mu_);
  return seen_.insert(rel_path).second;
}

Reply Responder::ServeFile(const std::string& rel_path, bool accepts_gzip) {
  const bool gzip = accepts_gzip && !IsPrecompressed(rel_path);
  std::optional<Date> cutoff;
  if (rel_path.starts_with(kDailyPrefix)) cutoff = cutoff_.Current();
  if (cutoff && IsHiddenDailyPath(rel_path, *cutoff)) return PageReply(404, "hidden");
  Result<Bytes> body = cutoff ? listings_.Get(rel_path, *cutoff, gzip) : cache_.Get(rel_path, gzip);
  if (!body.ok()) {
    if (body.status().code() == StatusCode::kNotFound) return PageReply(404, "not-found");
    return PageReply(503, "io-error");
  }
  Reply reply;
  reply.content_type = ContentTypeFor(rel_path);
  reply.body = std::move(*body);
  reply.gzip = gzip;
  reply.vary = !IsPrecompressed(rel_path);
  return reply;
}

}  // namespace corresp::mirror
