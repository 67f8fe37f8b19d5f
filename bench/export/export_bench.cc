// export-bench INDEX [--repeat R]: speed and memory of `corresp export` (query/export.h) on an
// index. For each level and format, exports the whole index R times to a sink that only counts
// bytes and prints rows, rows/s, MB/s and the process's resident memory high-water mark
// (VmHWM) after the runs. A streaming export keeps the high-water mark flat whatever the index
// size: compare the figure on indexes of different sizes (bench/export/README.md).
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "query/export.h"

namespace {

// VmHWM of this process in KiB (0 when /proc is unavailable).
long PeakRssKib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace corresp;
  if (argc < 2) {
    std::cerr << "usage: export-bench INDEX [--repeat R]\n";
    return 2;
  }
  int repeat = argc >= 4 && std::string(argv[2]) == "--repeat" ? std::atoi(argv[3]) : 3;
  auto reader = IndexReader::Open(argv[1]);
  if (!reader.ok()) {
    std::cerr << reader.status().ToString() << "\n";
    return 1;
  }
  long rss_open = PeakRssKib();
  std::cout << fmt::format("index {}: peak RSS after open {} KiB\n", argv[1], rss_open);
  std::cout << "| level | format | rows | MB | rows/s | MB/s | peak RSS KiB "
               "|\n|---|---|---|---|---|---|---|\n";
  for (ExportLevel level :
       {ExportLevel::kComment, ExportLevel::kResponse, ExportLevel::kLetter, ExportLevel::kThread})
    for (ExportFormat format : {ExportFormat::kCsv, ExportFormat::kJsonl}) {
      ExportRequest request;
      request.level = level;
      request.format = format;
      long rows = 0;
      std::size_t bytes = 0;
      auto start = std::chrono::steady_clock::now();
      for (int i = 0; i < repeat; ++i) {
        auto summary = Export(**reader, request, [&](std::string_view b) {
          bytes += b.size();
          return Status::Ok();
        });
        if (!summary.ok()) {
          std::cerr << summary.status().ToString() << "\n";
          return 1;
        }
        rows = summary->rows;
      }
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cout << fmt::format("| {} | {} | {} | {:.1f} | {:.0f} | {:.1f} | {} |\n",
                               ExportLevelName(level), ExportFormatName(format), rows,
                               bytes / 1e6 / repeat, rows * repeat / s, bytes / 1e6 / s,
                               PeakRssKib());
    }
  return 0;
}
