// Lifecycle report: what the thread linker makes of a whole corpus's comments — the share of
// follow-up references ("prior comment 3") linked, how responses were paired, status, rounds
// and days to close. Pure over LetterRecords (no I/O); `eval-extract lifecycle` prints it and
// docs/dataset.md "Lifecycle" records the figures.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/index/letter_record.h"

namespace corresp::lifecycle {

// Quartiles of a list of day counts (0 when empty).
struct Spread {
  size_t n = 0;
  long p25 = 0, median = 0, p75 = 0, min = 0, max = 0;
};
Spread SpreadOf(std::vector<long> days);

struct LifecycleReport {
  int companies = 0, threads = 0, reviews = 0, closed_reviews = 0;
  int staff_comments = 0, responses = 0;
  std::map<std::string, int> paired_by;  // "number" / "text" -> response items
  int comments_answered = 0;             // staff comments with at least one paired response
  int prior_refs = 0, prior_refs_linked = 0;
  std::vector<std::string> unlinked;  // comment id: comment N
  std::map<std::string, int> status;  // status name -> staff comments
  std::map<int, int> rounds;          // rounds -> staff comments
  Spread comment_days;                // days_to_close of the staff comments of closed reviews
  Spread review_days;              // days from a review's first staff letter to its closing letter
  Spread one_round_review_days;    // ... of closed reviews with one staff comment letter
  Spread more_rounds_review_days;  // ... with two or more
  std::map<int, int> review_rounds;  // staff letters with comments per closed review
};

// `letters`: every letter of the corpus (any companies, any order). A review is a thread with
// at least one staff comment; it is closed when a closing or no-review letter follows its
// first staff comment letter.
LifecycleReport MeasureLifecycle(const std::vector<LetterRecord>& letters);

nlohmann::json ReportToJson(const LifecycleReport& report);

}  // namespace corresp::lifecycle
