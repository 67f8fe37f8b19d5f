// Benchmark of the crawler's HTTP layer against edgar-mirror over loopback, with the `curl`
// command line tool as the baseline in the same run:
//   1. politeness: mirror latency 300 ms, limit 8/s. The fetcher's sustained rate as a ratio
//      of the limit (target >= 0.95), against one-at-a-time curl (at most 1/latency).
//   2. throughput: no latency, no limit. Requests/s and MB/s with 32 and 64 connections,
//      against `curl --parallel` fetching the same URLs.
//   3. peak RSS of this process (the fetcher; the mirror runs as a child).
// Usage: bench_crawl [requests-for-throughput (default 2000)]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "crawler/http_fetcher.h"
#include "tests/mirror/mirror_process.h"

namespace {

using corresp::CrawlOptions;
using corresp::FetchResponse;
using corresp::HttpFetcher;
using corresp::Result;
using corresp::test::MirrorProcess;
using Clock = std::chrono::steady_clock;

// Every file under the slice's data folder, as URL paths.
std::vector<std::string> SlicePaths() {
  std::vector<std::string> paths;
  std::filesystem::path root = std::string(CORRESP_TEST_DATA) + "/edgar";
  for (const auto& f :
       std::filesystem::recursive_directory_iterator(root / "Archives/edgar/data")) {
    if (f.is_regular_file()) paths.push_back("/" + f.path().lexically_relative(root).string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

struct Run {
  double seconds = 0;
  long ok = 0;
  std::uint64_t bytes = 0;
};

Run FetchWithCrawler(const std::vector<std::string>& urls, double rate, int connections) {
  boost::asio::io_context io;
  CrawlOptions options;
  options.user_agent = "Corresp Bench bench@example.com";
  options.requests_per_second = rate;
  options.max_connections = connections;
  options.block_pause_seconds = 6;  // longer than the mirror's 5 s block
  HttpFetcher fetcher(io, options);
  Run run;
  auto start = Clock::now();
  for (const std::string& url : urls) {
    fetcher.Fetch(url, [&run](Result<FetchResponse> r) {
      if (r.ok()) {
        ++run.ok;
        run.bytes += r->body.size();
      }
    });
  }
  io.run();
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return run;
}

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// curl, one process per URL, one at a time.
double CurlOneAtATime(const std::vector<std::string>& urls) {
  auto start = Clock::now();
  for (const std::string& url : urls) {
    std::string cmd = "curl -s -o /dev/null -A 'Corresp Bench bench@example.com' '" + url + "'";
    if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "curl failed: %s\n", url.c_str());
  }
  return Seconds(start);
}

// curl --parallel over a config file listing every URL.
double CurlParallel(const std::vector<std::string>& urls, int connections) {
  std::string cfg = (std::filesystem::temp_directory_path() / "bench_crawl_urls.cfg").string();
  {
    std::ofstream out(cfg);
    for (const std::string& url : urls) out << "url = \"" << url << "\"\noutput = \"/dev/null\"\n";
  }
  std::string cmd = "curl -s --compressed -Z --parallel-max " + std::to_string(connections) +
                    " -A 'Corresp Bench bench@example.com' -K " + cfg + " 2>/dev/null";
  auto start = Clock::now();
  if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "curl --parallel failed\n");
  double s = Seconds(start);
  std::filesystem::remove(cfg);
  return s;
}

// Sustained rate seen by the server: requests after the first over first..last arrival.
double ServerRate(const MirrorProcess& mirror, std::size_t skip) {
  auto log = mirror.ReadLog();
  if (!log.ok() || log->size() < skip + 2) return 0;
  std::vector<corresp::test::MirrorLogRow> rows(log->begin() + skip, log->end());
  return (rows.size() - 1) / ((rows.back().time_ms - rows.front().time_ms) / 1000.0);
}

void Politeness(const std::vector<std::string>& paths) {
  auto mirror =
      MirrorProcess::Start({"--latency-ms", "300", "--rate-limit", "8", "--block-seconds", "5"});
  if (!mirror.ok()) {
    std::fprintf(stderr, "mirror: %s\n", mirror.status().ToString().c_str());
    std::exit(1);
  }
  std::vector<std::string> urls;
  for (int i = 0; i < 80; ++i) urls.push_back((*mirror)->url(paths[i % paths.size()]));
  Run run = FetchWithCrawler(urls, 8.0, 8);
  double crawler_rate = ServerRate(**mirror, 0);
  auto log = (*mirror)->ReadLog();
  long blocked = log.ok() ? std::count_if(log->begin(), log->end(),
                                          [](const auto& r) { return r.status == 403; })
                          : -1;
  std::size_t before = log.ok() ? log->size() : 0;
  std::vector<std::string> few(urls.begin(), urls.begin() + 12);
  double curl_s = CurlOneAtATime(few);
  double curl_rate = few.size() / curl_s;
  std::printf("politeness (latency 300 ms, server limit 8/s, %zu requests):\n", urls.size());
  std::printf(
      "  crawler  %.2f req/s sustained at the server = %.3f of the limit; %ld ok, %ld blocked\n",
      crawler_rate, crawler_rate / 8.0, run.ok, blocked);
  std::printf("  curl one-at-a-time  %.2f req/s = %.3f of 1/latency (3.33/s)\n", curl_rate,
              curl_rate / (1 / 0.3));
  std::printf("  ratio crawler/curl-sequential  %.2fx\n", crawler_rate / curl_rate);
  (void)before;
}

void Throughput(const std::vector<std::string>& paths, int n) {
  auto mirror = MirrorProcess::Start();
  if (!mirror.ok()) std::exit(1);
  std::vector<std::string> urls;
  for (int i = 0; i < n; ++i) urls.push_back((*mirror)->url(paths[i % paths.size()]));
  std::printf("throughput (loopback, no latency, %d requests over %zu distinct files):\n", n,
              paths.size());
  for (int connections : {32, 64}) {
    Run run = FetchWithCrawler(urls, 1e6, connections);
    double curl_s = CurlParallel(urls, connections);
    std::printf(
        "  %2d connections: crawler %.0f req/s %.1f MB/s (%ld ok); curl --parallel %.0f req/s;"
        " ratio crawler/curl %.2f\n",
        connections, run.ok / run.seconds, run.bytes / 1e6 / run.seconds, run.ok, n / curl_s,
        (run.ok / run.seconds) / (n / curl_s));
  }
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  std::vector<std::string> paths = SlicePaths();
  Politeness(paths);
  Throughput(paths, n);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS of the fetching process: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
