// Table tests of the crawler's pure answer decisions: what a status means, how long a
// Retry-After may make us wait, which redirects may be followed, when a body is whole.
#include "crawler/response_class.h"

#include <gtest/gtest.h>

#include <string>

#include "crawler/body_complete.h"

namespace corresp {
namespace {

struct ClassCase {
  const char* pins;
  long status;
  std::string body;
  ResponseClass expected;
};

TEST(ResponseClassTest, StatusAndBodyDecideTheClass) {
  const ClassCase cases[] = {
      {"plain success", 200, "", ResponseClass::kSuccess},
      {"206 is still a body", 206, "", ResponseClass::kSuccess},
      {"gone for good", 404, "", ResponseClass::kNotFound},
      {"410 like 404", 410, "", ResponseClass::kNotFound},
      {"moved permanently", 301, "", ResponseClass::kRedirect},
      {"found", 302, "", ResponseClass::kRedirect},
      {"see other", 303, "", ResponseClass::kRedirect},
      {"temporary", 307, "", ResponseClass::kRedirect},
      {"permanent", 308, "", ResponseClass::kRedirect},
      {"304 is no redirect: we never send conditional requests", 304, "",
       ResponseClass::kPermanent},
      {"SEC's rate page", 403, "<h1>Request Rate Threshold Exceeded</h1>", ResponseClass::kBlock},
      {"trap: a CDN's Access Denied page is a block too", 403,
       "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD>Reference #18.1</HTML>",
       ResponseClass::kBlock},
      {"trap: an empty 403 is a block, not a failure", 403, "", ResponseClass::kBlock},
      {"the User-Agent refusal is configuration", 403,
       "<title>Your Request Originates from an Undeclared Automated Tool</title>",
       ResponseClass::kIdentity},
      {"429 always blocks", 429, "anything", ResponseClass::kBlock},
      {"timeout answer", 408, "", ResponseClass::kTransient},
      {"server error", 500, "", ResponseClass::kTransient},
      {"unavailable", 503, "", ResponseClass::kTransient},
      {"gateway timeout", 504, "", ResponseClass::kTransient},
      {"bad request is ours", 400, "", ResponseClass::kPermanent},
      {"401 is not a block", 401, "", ResponseClass::kPermanent},
      {"no status (curl saw none)", 0, "", ResponseClass::kPermanent},
  };
  for (const ClassCase& c : cases) {
    EXPECT_EQ(ClassifyResponse(c.status, c.body), c.expected) << c.pins;
  }
}

TEST(ResponseClassTest, RetryAfterIsClampedToAnHour) {
  const struct {
    const char* pins;
    std::int64_t header;
    std::int64_t expected;
  } cases[] = {
      {"absent", 0, 0},
      {"seconds", 120, 120},
      {"SEC's ten minutes", 600, 600},
      {"exactly the cap", 3600, 3600},
      {"a day is capped", 86400, 3600},
      {"an HTTP-date in the past comes negative from curl", -30, 0},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RetryAfterWait(c.header).count(), c.expected) << c.pins;
  }
}

TEST(ResponseClassTest, RedirectsMayNotLeaveHttps) {
  const struct {
    const char* pins;
    const char* from;
    const char* to;
    bool allowed;
  } cases[] = {
      {"https to https", "https://www.sec.gov/a", "https://www.sec.gov/b", true},
      {"another https host", "https://www.sec.gov/a", "https://cdn.sec.gov/b", true},
      {"downgrade refused", "https://www.sec.gov/a", "http://www.sec.gov/a", false},
      {"downgrade with upper-case scheme", "HTTPS://www.sec.gov/a", "HTTP://www.sec.gov/a", false},
      {"upgrade allowed", "http://127.0.0.1:1/a", "https://127.0.0.1:1/a", true},
      {"loopback http to http (tests)", "http://127.0.0.1:1/a", "http://127.0.0.1:1/a?r", true},
      {"other scheme from https", "https://www.sec.gov/a", "ftp://www.sec.gov/a", false},
      {"schemeless target", "https://www.sec.gov/a", "/b", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RedirectAllowed(c.from, c.to), c.allowed) << c.pins;
  }
}

TEST(BodyCompleteTest, EndMarkersDecide) {
  const struct {
    const char* pins;
    const char* url;
    std::string body;
    bool complete;
  } cases[] = {
      {"whole PDF", "/x/a.pdf", "%PDF-1.4\n...\n%%EOF", true},
      {"PDF with CRLF after EOF", "/x/a.pdf", "%PDF-1.4\n%%EOF\r\n", true},
      {"PDF with trailing blanks", "/x/a.pdf", "%PDF-1.4\n%%EOF \n\n", true},
      {"cut PDF", "/x/a.pdf", "%PDF-1.4\nxref\n0 5\n", false},
      {"PDF by magic under another name", "/x/a.bin", "%PDF-1.4\nstream", false},
      {"empty PDF", "/x/a.pdf", "", false},
      {"whole submission", "/x/a.txt",
       "<SEC-DOCUMENT>a\n<DOCUMENT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n", true},
      {"trap: a cut submission ending at an inner </DOCUMENT>", "/x/a.txt",
       "<SEC-DOCUMENT>a\n<DOCUMENT>\n</DOCUMENT>\n", false},
      {"whole wrapped .htm", "/x/a.htm",
       "<DOCUMENT>\n<TEXT>\n<html></html>\n</TEXT>\n</DOCUMENT>\n", true},
      {"cut wrapped .htm", "/x/a.htm", "<DOCUMENT>\n<TEXT>\n<html>", false},
      {"plain HTML has no marker", "/x/a.htm", "<html><body>cut", true},
      {"index file has no marker", "/x/master.idx", "CIK|Company", true},
      {"index.json has no marker", "/x/index.json", "{\"directory\":", true},
  };
  for (const auto& c : cases) {
    Status status = CheckBodyComplete(c.url, c.body);
    EXPECT_EQ(status.ok(), c.complete) << c.pins;
    if (!status.ok()) {
      EXPECT_EQ(status.code(), StatusCode::kCorruption) << c.pins;
      EXPECT_NE(status.message().find("incomplete body"), std::string::npos) << c.pins;
    }
  }
}

}  // namespace
}  // namespace corresp
