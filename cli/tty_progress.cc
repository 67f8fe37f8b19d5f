#include "cli/tty_progress.h"

#include <unistd.h>

#include <cstdio>

namespace corresp {

void TtyProgress::OnProgress(const CrawlProgress& p) {
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200) && p.done != p.total) return;
  last_ = now;
  const CrawlReport& r = *p.report;
  std::fprintf(
      stderr, "\r%-8s %ld/%ld  fetched %ld  skipped %ld  failed %ld  %llu req (%.1f/s)  %.1f MB   ",
      p.phase, p.done, p.total, r.fetched, r.skipped, r.failed,
      static_cast<unsigned long long>(r.requests), r.requests_per_second, r.bytes / 1e6);
  std::fflush(stderr);
  drawn_ = true;
}

void TtyProgress::EndLine() {
  if (drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

TtyProgress::~TtyProgress() { EndLine(); }

std::unique_ptr<TtyProgress> MakeTtyProgress(bool quiet) {
  if (quiet || !isatty(STDERR_FILENO)) return nullptr;
  return std::make_unique<TtyProgress>();
}

}  // namespace corresp
