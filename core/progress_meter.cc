#include "core/progress_meter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace corresp {

namespace {

constexpr std::size_t kBarWidth = 20;    // "[#####.....]" cells when the line has room
constexpr std::size_t kMinBarWidth = 5;  // fewer cells say nothing the percent does not

std::string Bar(double percent, std::size_t cells) {
  std::size_t filled = static_cast<std::size_t>(percent / 100.0 * static_cast<double>(cells));
  filled = std::min(filled, cells);
  return "[" + std::string(filled, '#') + std::string(cells - filled, '.') + "] ";
}

}  // namespace

ProgressMeter::ProgressMeter(std::size_t total, ProgressMeterOptions options)
    : total_(total), options_(options) {
  window_.push_back(last_);
}

void ProgressMeter::Record(const ProgressSample& sample) {
  if (sample.seconds < last_.seconds) return;
  last_ = sample;
  window_.push_back(sample);
  // Keep as front the newest sample at or before the window's start, so the rates span at
  // least the window once the run is that long.
  while (window_.size() > 2 && window_[1].seconds <= last_.seconds - options_.window_seconds)
    window_.pop_front();
}

double ProgressMeter::Percent() const {
  if (total_ == 0) return 100.0;
  return std::min(100.0, 100.0 * static_cast<double>(last_.done) / static_cast<double>(total_));
}

double ProgressMeter::LettersPerSecond() const {
  const ProgressSample& first = window_.front();
  double span = last_.seconds - first.seconds;
  if (span <= 0) return 0;
  return static_cast<double>(last_.done - std::min(first.done, last_.done)) / span;
}

double ProgressMeter::ItemsPerSecond() const {
  const ProgressSample& first = window_.front();
  double span = last_.seconds - first.seconds;
  if (span <= 0) return 0;
  return static_cast<double>(last_.items - std::min(first.items, last_.items)) / span;
}

std::optional<double> ProgressMeter::EtaSeconds() const {
  if (last_.done >= total_) return 0.0;
  double rate = LettersPerSecond();
  if (rate <= 0) return std::nullopt;
  return static_cast<double>(total_ - last_.done) / rate;
}

std::string ProgressMeter::Line(std::size_t width) const {
  char figures[160];
  // Numbers padded to a steady width, so the line (and the bar) does not jitter as it redraws.
  int digits = static_cast<int>(std::to_string(total_).size());
  std::snprintf(figures, sizeof figures,
                "%*zu/%zu %5.1f%% %6.1f letters/s %5.0f items/s elapsed %s ETA %s", digits,
                last_.done, total_, Percent(), LettersPerSecond(), ItemsPerSecond(),
                FormatDuration(last_.seconds).c_str(), FormatDuration(EtaSeconds()).c_str());
  std::string line = std::string("index ") + figures;
  // The figures first: the bar shrinks, then goes, before any figure is cut.
  std::size_t room = width > line.size() + 3 ? width - line.size() - 3 : 0;  // "[] "
  std::size_t cells = std::min(kBarWidth, room);
  if (cells >= kMinBarWidth) line.insert(6, Bar(Percent(), cells));
  if (line.size() > width) line.resize(width);
  return line;
}

std::string FormatDuration(std::optional<double> seconds) {
  if (!seconds || !std::isfinite(*seconds) || *seconds < 0) return "--:--";
  long total = std::lround(*seconds);
  long h = total / 3600, m = total / 60 % 60, s = total % 60;
  char out[32];
  if (h > 0)
    std::snprintf(out, sizeof out, "%ld:%02ld:%02ld", h, m, s);
  else
    std::snprintf(out, sizeof out, "%ld:%02ld", m, s);
  return out;
}

}  // namespace corresp
