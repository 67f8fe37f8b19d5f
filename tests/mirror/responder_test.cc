// Unit tests of the Responder: the order of checks and what each answer carries, on the real
// test slice, with explicit request times (no sockets).
#include "tools/edgar-mirror/responder.h"

#include <gtest/gtest.h>

namespace corresp::mirror {
namespace {

const char* kLetter = "/Archives/edgar/data/1090872/000109087216000078/filename1.htm";

MirrorOptions SliceOptions() {
  MirrorOptions options;
  options.root = std::string(CORRESP_TEST_DATA) + "/edgar";
  options.seed = 1;
  return options;
}

RequestInfo Get(std::string_view target, RateLimiter::Clock::time_point now = {}) {
  RequestInfo info;
  info.method = "GET";
  info.target = target;
  info.client = "127.0.0.1";
  info.user_agent = "Test Org test@example.com";
  info.now = now;
  return info;
}

TEST(Responder, ServesFilesWithTypeAndVary) {
  Responder responder(SliceOptions());
  Reply reply = responder.Respond(Get(kLetter));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "text/html");
  EXPECT_TRUE(reply.vary);
  EXPECT_FALSE(reply.gzip);
  EXPECT_NE(reply.body->find("<TYPE>CORRESP"), std::string::npos);
  EXPECT_EQ(reply.note, "-");

  RequestInfo gz = Get(kLetter);
  gz.accept_encoding = "gzip, deflate";
  Reply packed = responder.Respond(gz);
  EXPECT_TRUE(packed.gzip);
  EXPECT_LT(packed.body->size(), reply.body->size());
}

TEST(Responder, MethodsOtherThanGetAndHead) {
  Responder responder(SliceOptions());
  RequestInfo head = Get(kLetter);
  head.method = "HEAD";
  Reply reply = responder.Respond(head);
  EXPECT_EQ(reply.status, 200);
  EXPECT_FALSE(reply.send_body);
  RequestInfo post = Get(kLetter);
  post.method = "POST";
  EXPECT_EQ(responder.Respond(post).status, 405);
}

TEST(Responder, RateLimitIsCheckedBeforeEverythingAndCountsEveryRequest) {
  MirrorOptions options = SliceOptions();
  options.rate_limit = 2;
  options.block_seconds = 5;
  options.require_user_agent = true;
  Responder responder(options);
  auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  RequestInfo anonymous = Get(kLetter, t0);
  anonymous.user_agent = "";
  EXPECT_EQ(responder.Respond(anonymous).note, "undeclared-ua");  // 1st: counted, then UA
  EXPECT_EQ(responder.Respond(Get("/nope", t0)).status, 404);     // 2nd
  Reply third = responder.Respond(Get(kLetter, t0));              // 3rd in 1 s: blocked
  EXPECT_EQ(third.status, 403);
  EXPECT_EQ(third.note, "rate-limited");
  EXPECT_NE(third.body->find("Request Rate Threshold Exceeded"), std::string::npos);
  EXPECT_EQ(responder.Respond(Get(kLetter, t0 + std::chrono::seconds(6))).status, 200);
}

TEST(Responder, ResetAndTruncateCarryTheRealAnswer) {
  MirrorOptions options = SliceOptions();
  options.truncate_rate = 1.0;
  Responder responder(options);
  Reply reply = responder.Respond(Get(kLetter));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.fault, Fault::kTruncate);
  EXPECT_EQ(reply.note, "truncate");
  EXPECT_GT(reply.body->size(), 1000u);
}

TEST(Responder, ErrorFaultReplacesTheAnswer) {
  MirrorOptions options = SliceOptions();
  options.error_rate = 1.0;
  Responder responder(options);
  Reply reply = responder.Respond(Get(kLetter));
  EXPECT_EQ(reply.status, 503);
  EXPECT_EQ(reply.note, "error");
}

TEST(Responder, HiddenDailyIndexIs404) {
  MirrorOptions options = SliceOptions();
  options.hide_daily_after = Date{2019, 10, 15};
  Responder responder(options);
  Reply hidden = responder.Respond(Get("/Archives/edgar/daily-index/2019/QTR4/form.20191016.idx"));
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.note, "hidden");
  EXPECT_EQ(
      responder.Respond(Get("/Archives/edgar/daily-index/2019/QTR4/form.20191015.idx")).status,
      200);
}

}  // namespace
}  // namespace corresp::mirror
