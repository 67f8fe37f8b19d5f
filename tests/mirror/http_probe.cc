#include "tests/mirror/http_probe.h"

#include <zlib.h>

#include <boost/algorithm/string/predicate.hpp>
#include <cctype>

namespace corresp::test {
namespace {

std::size_t OnBody(char* data, std::size_t size, std::size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t n, void* user) {
  auto* headers = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
  std::string_view line(data, size * n);
  std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    headers->emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return size * n;
}

}  // namespace

std::string ProbeResult::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (boost::algorithm::iequals(key, name)) return value;
  }
  return "";
}

HttpProbe::HttpProbe() : curl_(curl_easy_init()) {}

HttpProbe::~HttpProbe() { curl_easy_cleanup(curl_); }

ProbeResult HttpProbe::Get(const std::string& url, const ProbeOptions& options) {
  ProbeResult result;
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* extra = nullptr;
  if (!options.accept_encoding.empty()) {
    extra = curl_slist_append(extra, ("Accept-Encoding: " + options.accept_encoding).c_str());
  }
  curl_easy_reset(curl_);  // keeps the connection cache
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &result.headers);
  if (!options.user_agent.empty()) {
    curl_easy_setopt(curl_, CURLOPT_USERAGENT, options.user_agent.c_str());
  }
  if (options.decode) curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "gzip");
  if (options.path_as_is) curl_easy_setopt(curl_, CURLOPT_PATH_AS_IS, 1L);
  if (options.head) curl_easy_setopt(curl_, CURLOPT_NOBODY, 1L);
  if (extra) curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, extra);
  result.code = curl_easy_perform(curl_);
  if (result.code != CURLE_OK) result.error = error[0] ? error : curl_easy_strerror(result.code);
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &result.status);
  curl_easy_getinfo(curl_, CURLINFO_TOTAL_TIME, &result.seconds);
  curl_easy_getinfo(curl_, CURLINFO_NUM_CONNECTS, &result.new_connections);
  curl_easy_getinfo(curl_, CURLINFO_LOCAL_PORT, &result.local_port);
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, nullptr);
  curl_slist_free_all(extra);
  return result;
}

bool GunzipForTest(std::string_view gz, std::string* out) {
  out->clear();
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END && zs.avail_in == 0;
}

}  // namespace corresp::test
