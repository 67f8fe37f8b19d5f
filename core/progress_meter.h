// The figures of a long run's progress line (`corresp index`, the index phase of `refresh`):
// done/total, percent, rolling letters/s and items/s, elapsed and ETA, and the line itself.
// Pure: the caller passes the time of each sample, so the arithmetic and the formatting are
// table-tested without a clock or a terminal (tests/core/progress_meter_test.cc).
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>

namespace corresp {

// One observation: `seconds` since the run started, letters finished so far (`done`, out of
// the meter's total) and items (comment and response documents) of those letters.
struct ProgressSample {
  double seconds = 0;
  std::size_t done = 0;
  std::size_t items = 0;
};

struct ProgressMeterOptions {
  // Rates are measured over the samples of the last `window_seconds`: long enough to smooth
  // one batch's commit pause (a few seconds), short enough to follow a change of pace.
  double window_seconds = 30;
};

class ProgressMeter {
 public:
  explicit ProgressMeter(std::size_t total, ProgressMeterOptions options = {});

  // Adds a sample. Samples must come in time order; one older than the last is ignored.
  void Record(const ProgressSample& sample);

  std::size_t total() const { return total_; }
  std::size_t done() const { return last_.done; }
  std::size_t items() const { return last_.items; }
  double elapsed() const { return last_.seconds; }
  // done / total in [0, 100]; 100 when total is 0.
  double Percent() const;
  // Rolling rates over the window (over the whole run until the window has two samples);
  // 0 before any time has passed.
  double LettersPerSecond() const;
  double ItemsPerSecond() const;
  // Seconds left at the rolling letter rate: 0 when done, nullopt when the rate is 0.
  std::optional<double> EtaSeconds() const;

  // The progress line, at most `width` characters, never wrapped: the bar shrinks (20 cells
  // down to 5) and then goes before the figures are cut at the width. E.g.
  // "index [####................] 1200/5000 24.0% 35.3 letters/s 412 items/s elapsed 0:34
  // ETA 1:48" (one line).
  std::string Line(std::size_t width) const;

 private:
  std::size_t total_;
  ProgressMeterOptions options_;
  ProgressSample last_;
  std::deque<ProgressSample> window_;  // front = oldest sample still inside the window
};

// "0:05", "1:02:03": minutes:seconds below an hour, else hours:minutes:seconds; "--:--" when
// the duration is unknown (nullopt) or not finite.
std::string FormatDuration(std::optional<double> seconds);

}  // namespace corresp
