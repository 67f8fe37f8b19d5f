// A progress line for crawls and refreshes on a terminal (stderr), rewritten in place at most
// five times a second; nothing is drawn when stderr is not a TTY (see MakeTtyProgress).
#pragma once

#include <chrono>
#include <memory>

#include "crawler/crawl.h"

namespace corresp {

// One progress line on stderr, rewritten in place at most 5 times a second (TTY only).
class TtyProgress : public ProgressSink {
 public:
  void OnProgress(const CrawlProgress& p) override;
  // Ends the line drawn so far (a newline), so that other output starts on a line of its own.
  void EndLine();
  ~TtyProgress() override;

 private:
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};
// A TtyProgress when stderr is a terminal and output is wanted, else null.
std::unique_ptr<TtyProgress> MakeTtyProgress(bool quiet);

}  // namespace corresp
