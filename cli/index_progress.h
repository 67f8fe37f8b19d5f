// The progress line of `corresp index` and of the index phase of `corresp refresh`: done/total,
// percent, rolling letters/s and items/s, elapsed and ETA (core/progress_meter.h) on stderr,
// redrawn in place with \r at most five times a second, then a final line ending in a newline.
// Drawn by default only when stderr is a terminal, so logs stay clean; --progress forces it,
// --no-progress turns it off.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "core/progress_meter.h"
#include "indexer/index/index_pipeline.h"

namespace corresp {

enum class ProgressMode {
  kAuto,    // on when stderr is a terminal and output is wanted (not --quiet)
  kAlways,  // --progress
  kNever,   // --no-progress
};

// The mode the --progress / --no-progress flags ask for (the last one wins in CLI11; both
// unset = kAuto; --no-progress wins when both are given).
ProgressMode ProgressModeFromFlags(bool progress, bool no_progress);

class IndexProgressLine {
 public:
  // A line to draw on stderr, or nullptr when `mode` says not to (kNever; kAuto when `quiet`
  // or stderr is not a terminal).
  static std::unique_ptr<IndexProgressLine> Make(ProgressMode mode, bool quiet);

  // Called once, before the first line is drawn (e.g. to end a crawl's progress line).
  void BeforeFirstDraw(std::function<void()> hook) { before_first_ = std::move(hook); }
  // Records `p` and redraws when 200 ms have passed since the last draw or the run is done.
  void Update(const IndexProgress& p);
  // Draws the final figures and ends the line; nothing when no update came.
  void Finish();
  // Update() as an IndexOptions::progress callback; this object must outlive the run.
  std::function<void(const IndexProgress&)> Callback() {
    return [this](const IndexProgress& p) { Update(p); };
  }

 private:
  explicit IndexProgressLine(std::size_t width) : width_(width) {}
  void Draw();

  std::size_t width_;                              // columns available for the line
  std::chrono::steady_clock::time_point started_;  // the first update
  std::optional<std::chrono::steady_clock::time_point> last_draw_;
  std::optional<ProgressMeter> meter_;  // created at the first update, which knows the total
  std::size_t drawn_width_ = 0;         // length of the line on screen, to blank its tail
  std::function<void()> before_first_;
};

}  // namespace corresp
