// A review thread: one SEC review of one company, from first staff letter to closing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/reviewed_filing.h"

namespace corresp {

enum class ThreadStatus { kOpen, kClosed };

struct ThreadLetter {
  Accession accession;
  std::string form;  // UPLOAD / CORRESP
  std::string kind;  // LetterKindName
  std::optional<Date> date;
  int comments = 0;  // staff comments (UPLOAD) or responses (CORRESP)
};

struct ReviewThread {
  std::string id;  // stable: "<CIK>-<first accession>"
  Cik cik;
  std::string company;
  ThreadStatus status = ThreadStatus::kOpen;
  std::optional<Date> start;
  std::optional<Date> end;
  std::vector<ThreadLetter> letters;  // in date order
  // The filings the review is about (indexer/index/reviewed.h ThreadReviewed); set by the index
  // writer, not kept in the catalog.
  std::vector<ReviewedFiling> reviewed;
  long Days() const { return start && end ? end->DaysSinceEpoch() - start->DaysSinceEpoch() : 0; }
};

}  // namespace corresp
