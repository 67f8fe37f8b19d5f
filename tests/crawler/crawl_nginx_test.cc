// A crawl through a real nginx (limit_req at the crawler's rate, burst 1) serving the slice:
// the crawler's spacing must never trip nginx's limiter.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "crawler/crawl.h"
#include "tests/crawler/crawl_fixture.h"
#include "tests/support/free_port.h"

namespace corresp {
namespace {

using testing::ExpectLettersStored;
using testing::MirrorConfig;
using testing::OpenData;
using testing::ReleasedBetween;
using testing::TempDir;

const char* kNginx = "/usr/sbin/nginx";

using testing::FreePort;

bool Accepts(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// nginx in the foreground with everything (pid, logs, temp files) under `prefix`.
// master_process off: one process serves, as the user running the test. Started by root,
// nginx would otherwise serve from workers switched to `nobody`, which cannot read a checkout
// in a 0700 directory (HTTP 403 for every file); see docs/crawler.md.
class Nginx {
 public:
  Nginx(const std::filesystem::path& prefix, int rate, int burst) : prefix_(prefix) {
    port_ = FreePort();
    std::ofstream conf(prefix / "nginx.conf");
    std::string p = prefix.string();
    conf << "daemon off;\nmaster_process off;\npid " << p << "/nginx.pid;\n"
         << "error_log " << p << "/error.log;\nevents { worker_connections 128; }\n"
         << "http {\n  log_format plain '$msec $status $request_uri';\n"
         << "  access_log " << p << "/access.log plain;\n"
         << "  client_body_temp_path " << p << "/body;\n  proxy_temp_path " << p << "/proxy;\n"
         << "  fastcgi_temp_path " << p << "/fastcgi;\n  uwsgi_temp_path " << p << "/uwsgi;\n"
         << "  scgi_temp_path " << p << "/scgi;\n"
         << "  limit_req_zone $binary_remote_addr zone=edgar:1m rate=" << rate << "r/s;\n"
         << "  server {\n    listen 127.0.0.1:" << port_ << ";\n"
         << "    root " << testing::EdgarRoot().string() << ";\n"
         << "    location / { limit_req zone=edgar burst=" << burst << " nodelay; }\n  }\n}\n";
    conf.close();
    pid_ = fork();
    if (pid_ == 0) {
      execl(kNginx, kNginx, "-p", p.c_str(), "-c", (p + "/nginx.conf").c_str(), "-e",
            (p + "/error.log").c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100 && !Accepts(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~Nginx() {
    kill(pid_, SIGTERM);
    int status;
    waitpid(pid_, &status, 0);
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  bool running() const { return Accepts(port_); }
  // Status codes nginx logged, in order.
  std::vector<int> Statuses() const {
    std::vector<int> out;
    std::ifstream log(prefix_ / "access.log");
    double t;
    int status;
    std::string uri;
    while (log >> t >> status >> uri) out.push_back(status);
    return out;
  }

 private:
  std::filesystem::path prefix_;
  int port_ = 0;
  pid_t pid_ = -1;
};

TEST(CrawlNginxTest, CrawlAtNginxLimitReqRateHasNoRejections) {
  if (access(kNginx, X_OK) != 0) GTEST_SKIP() << "no " << kNginx;
  TempDir prefix;
  Nginx nginx(prefix.path(), /*rate=*/8, /*burst=*/1);
  ASSERT_TRUE(nginx.running()) << testing::ReadFile(prefix.path() / "error.log");
  TempDir dir;
  Config config = MirrorConfig(nginx.base_url(), dir.path());
  config.crawl.requests_per_second = 8;
  config.crawl.max_attempts = 1;  // a rejection must show as a failure, not be retried away
  auto data = OpenData(config);
  ASSERT_TRUE(data.catalog);
  CrawlRequest request;
  request.since = {2016, 1, 1};
  request.until = {2017, 12, 31};
  request.today = {2026, 11, 27};
  auto report = RunCrawl(request, config, *data.catalog, *data.store, nullptr);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto rows = ReleasedBetween("2016-01-01", "2017-12-31");
  EXPECT_EQ(report->failed, 0) << report->failures[0].reason;
  EXPECT_EQ(report->fetched, static_cast<long>(rows.size()));
  EXPECT_EQ(ExpectLettersStored(*data.catalog, *data.store, rows), static_cast<int>(rows.size()));
  std::vector<int> statuses = nginx.Statuses();
  EXPECT_EQ(statuses.size(), report->requests);
  for (int s : statuses) {
    EXPECT_NE(s, 503);
    EXPECT_NE(s, 429);
  }
}

// The same nginx rejects a client that ignores the limit: the check above can fail.
TEST(CrawlNginxTest, AnUnthrottledCrawlIsRejected) {
  if (access(kNginx, X_OK) != 0) GTEST_SKIP() << "no " << kNginx;
  TempDir prefix;
  Nginx nginx(prefix.path(), 8, 1);
  ASSERT_TRUE(nginx.running());
  TempDir dir;
  Config config = MirrorConfig(nginx.base_url(), dir.path());
  config.crawl.requests_per_second = 100;
  config.crawl.max_attempts = 1;
  auto data = OpenData(config);
  ASSERT_TRUE(data.catalog);
  CrawlRequest request;
  request.since = {2016, 1, 1};
  request.until = {2017, 12, 31};
  request.today = {2026, 11, 27};
  auto report = RunCrawl(request, config, *data.catalog, *data.store, nullptr);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::vector<int> statuses = nginx.Statuses();
  EXPECT_GT(std::count(statuses.begin(), statuses.end(), 503), 0);
  EXPECT_GT(std::count(statuses.begin(), statuses.end(), 200), 0)
      << "nginx served nothing: the rejections above prove nothing";
}

}  // namespace
}  // namespace corresp
