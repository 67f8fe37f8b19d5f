// Test helper: a blocking libcurl easy client for talking to a mirror in tests. One HttpProbe
// keeps one curl handle, so consecutive requests reuse the connection (keep-alive).
#pragma once

#include <curl/curl.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corresp::test {

struct ProbeOptions {
  // SEC fair access wants a declared tool; tests of the check override it.
  std::string user_agent = "Test Org test@example.com";
  // Sent verbatim as Accept-Encoding when non-empty; the body is NOT decoded.
  std::string accept_encoding;
  // Let curl ask for gzip and decode it (CURLOPT_ACCEPT_ENCODING).
  bool decode = false;
  // HEAD instead of GET.
  bool head = false;
  // Send the path exactly as written ("/a/../b" is not squashed by curl).
  bool path_as_is = true;
  // Whole-transfer timeout.
  long timeout_ms = 15'000;
};

struct ProbeResult {
  CURLcode code = CURLE_OK;  // transport outcome (CURLE_PARTIAL_FILE, CURLE_RECV_ERROR...)
  std::string error;         // curl's message when code != CURLE_OK
  long status = 0;           // HTTP status (0 when none arrived)
  std::string body;          // bytes received (possibly partial)
  std::vector<std::pair<std::string, std::string>> headers;  // in order, names as sent
  double seconds = 0;                                        // total transfer time
  long new_connections = 0;  // connections opened for this request (0 = reused)
  long local_port = 0;       // our side of the connection

  // Value of the first header named `name` (case-insensitive), "" when absent.
  std::string Header(std::string_view name) const;
};

class HttpProbe {
 public:
  HttpProbe();
  ~HttpProbe();
  HttpProbe(const HttpProbe&) = delete;
  HttpProbe& operator=(const HttpProbe&) = delete;

  ProbeResult Get(const std::string& url, const ProbeOptions& options = {});

 private:
  CURL* curl_;
};

// Decodes a gzip member (RFC 1952); "" and false on malformed input.
bool GunzipForTest(std::string_view gz, std::string* out);

}  // namespace corresp::test
