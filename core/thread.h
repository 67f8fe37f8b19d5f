// A review thread: one SEC review of one company, from first staff letter to closing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

// What became of one staff comment (docs/index-schema.md "Comment lifecycle").
enum class CommentStatus {
  kOpen,       // the staff letter is the latest word
  kResponded,  // answered; no later staff letter follows it up and no closing yet
  kReissued,   // a later staff letter follows it up
  kResolved,   // the review closed after it
  kUnclear,    // a later letter of the review has no readable text
};
// "open", "responded", "reissued", "resolved", "unclear".
constexpr const char* CommentStatusName(CommentStatus s) {
  switch (s) {
    case CommentStatus::kOpen:
      return "open";
    case CommentStatus::kResponded:
      return "responded";
    case CommentStatus::kReissued:
      return "reissued";
    case CommentStatus::kResolved:
      return "resolved";
    case CommentStatus::kUnclear:
      return "unclear";
  }
  return "unclear";
}
// The status named `name` (as CommentStatusName spells it, lower case), or nullopt.
constexpr std::optional<CommentStatus> ParseCommentStatus(std::string_view name) {
  for (CommentStatus s : {CommentStatus::kOpen, CommentStatus::kResponded, CommentStatus::kReissued,
                          CommentStatus::kResolved, CommentStatus::kUnclear})
    if (name == CommentStatusName(s)) return s;
  return std::nullopt;
}

// A company response item that answers a staff comment.
struct ResponseLink {
  std::string id;  // response item id
  Accession accession;
  std::optional<Date> date;
  std::string match;  // "number" (paired by its number) or "text" (by its restated text)
};

struct CommentLifecycle {
  std::string id;  // staff comment item id
  Accession accession;
  std::optional<int> number;
  std::optional<Date> date;  // the staff letter's date (filed)
  CommentStatus status = CommentStatus::kOpen;
  std::string status_reason;  // in words: "followed up by comment 2 of the letter of ..."
  int rounds = 1;             // staff letters carrying it or its follow-ups (earlier and later)
  std::vector<std::string> follows_up;      // comment ids of earlier letters it refers back to
  std::vector<std::string> followed_up_by;  // comment ids of later letters referring to it
  std::vector<ResponseLink> responses;      // in date order
  std::optional<Date> first_raised;         // earliest letter of its follow-up chain
  std::optional<Date> first_response_date;
  std::optional<Date> closed_date;    // the closing letter after it, when the review closed
  std::optional<long> days_to_close;  // closed_date - first_raised
};

struct ReviewThread {
  std::string id;  // stable: "<CIK>-<first accession>"
  Cik cik;
  std::string company;
  ThreadStatus status = ThreadStatus::kOpen;
  std::optional<Date> start;
  std::optional<Date> end;
  std::vector<ThreadLetter> letters;       // in date order
  std::vector<CommentLifecycle> comments;  // every staff comment, in letter order
  // The filings the review is about (indexer/index/reviewed.h ThreadReviewed); set by the index
  // writer, not kept in the catalog.
  std::vector<ReviewedFiling> reviewed;
  long Days() const { return start && end ? end->DaysSinceEpoch() - start->DaysSinceEpoch() : 0; }
};

}  // namespace corresp
