#include "cli/index_progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace corresp {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(200);  // 5 redraws a second at most
constexpr std::size_t kDefaultWidth = 80;     // a terminal that does not say its width
constexpr std::size_t kUnlimitedWidth = 200;  // not a terminal (--progress into a log)

std::size_t StderrWidth() {
  if (!isatty(STDERR_FILENO)) return kUnlimitedWidth;
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return kDefaultWidth;
  return size.ws_col - 1u;  // the last column would wrap on some terminals
}

}  // namespace

ProgressMode ProgressModeFromFlags(bool progress, bool no_progress) {
  if (no_progress) return ProgressMode::kNever;
  return progress ? ProgressMode::kAlways : ProgressMode::kAuto;
}

std::unique_ptr<IndexProgressLine> IndexProgressLine::Make(ProgressMode mode, bool quiet) {
  if (mode == ProgressMode::kNever) return nullptr;
  if (mode == ProgressMode::kAuto && (quiet || !isatty(STDERR_FILENO))) return nullptr;
  return std::unique_ptr<IndexProgressLine>(new IndexProgressLine(StderrWidth()));
}

void IndexProgressLine::Update(const IndexProgress& p) {
  auto now = std::chrono::steady_clock::now();
  if (!meter_) {
    meter_.emplace(p.total);
    started_ = now;  // the index phase's start, not the command's (refresh crawls first)
  }
  meter_->Record({std::chrono::duration<double>(now - started_).count(), p.done, p.items});
  if (last_draw_ && now - *last_draw_ < kRedrawEvery && p.done < p.total) return;
  last_draw_ = now;
  Draw();
}

void IndexProgressLine::Draw() {
  if (before_first_) std::exchange(before_first_, nullptr)();
  std::string line = meter_->Line(width_);
  std::size_t shown = line.size();
  if (shown < drawn_width_) line.append(drawn_width_ - shown, ' ');
  drawn_width_ = shown;
  std::fprintf(stderr, "\r%s", line.c_str());
  std::fflush(stderr);
}

void IndexProgressLine::Finish() {
  if (!meter_) return;
  meter_->Record(
      {std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count(),
       meter_->done(), meter_->items()});
  Draw();
  std::fputc('\n', stderr);
  std::fflush(stderr);
  meter_.reset();
}

}  // namespace corresp
