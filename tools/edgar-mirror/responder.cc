#include "tools/edgar-mirror/responder.h"

#include <chrono>
#include <random>

#include "tools/edgar-mirror/accept_encoding.h"
#include "tools/edgar-mirror/target_path.h"
#include "tools/edgar-mirror/user_agent.h"

namespace corresp::mirror {
namespace {

constexpr std::string_view kDailyPrefix = "Archives/edgar/daily-index/";

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
      return note == "rate-limited" ? kRate : kUndeclared;
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

Responder::Responder(const MirrorOptions& options)
    : require_user_agent_(options.require_user_agent),
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
      return PageReply(403, "rate-limited");
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
    } else if (auto rel_path = MapTarget(request.target)) {
      reply = ServeFile(*rel_path, AcceptsGzip(request.accept_encoding));
    } else {
      reply = PageReply(404, "not-found");
    }
  }
  if (fault == Fault::kReset || fault == Fault::kTruncate) {
    reply.fault = fault;
    reply.note = FaultName(fault);
  }
  reply.send_body = request.method != "HEAD";
  return reply;
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
