// Follows each staff comment of one review thread from the letter that raised it to the end:
// which company responses answer it, which later staff comments follow it up, and what its
// status is. Pure logic over one thread's LetterRecords (no I/O); docs/index-schema.md
// "Comment lifecycle" explains each rule.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/thread.h"
#include "indexer/index/letter_record.h"
#include "indexer/segment/prior_refs.h"

namespace corresp {

struct LifecycleOptions {
  // Share of a restated comment's words found in a staff comment for the two to pair by text
  // (and to choose between same-numbered comments of two answered letters). Companies restate
  // verbatim; 0.8 leaves room for a dropped heading or "..." (the thread agreement measure in
  // docs/extractor.md uses the same threshold).
  double min_text_overlap = 0.8;
};

struct ThreadLifecycle {
  std::vector<CommentLifecycle> comments;          // every staff comment, in letter order
  std::map<std::string, std::string> response_to;  // response item id -> comment item id
  int prior_refs = 0;         // follow-up references ("prior comment 3") in the thread's comments
  int prior_refs_linked = 0;  // ... linked to a comment of an earlier staff letter
  std::vector<std::string> unlinked;  // "<comment id>: comment N" for each reference not linked
};

// `letters`: one thread's letters in the linker's order (date, staff before company, then
// accession).
ThreadLifecycle TraceComments(const std::vector<const LetterRecord*>& letters,
                              const LifecycleOptions& options = {});

// The lifecycle fields of a staff comment's document data (docs/index-schema.md "Document
// data"): status, status_reason, rounds, follows_up, followed_up_by, responses [{id,
// accession, date, match}], first_response_date, closed_date, days_to_close (null when absent).
nlohmann::json LifecycleFields(const CommentLifecycle& life);
// LifecycleFields plus id, accession, number, date and first_raised: one entry of a thread's
// "comments" (ThreadToJson).
nlohmann::json LifecycleEntry(const CommentLifecycle& life);

// ---- decisions, exposed for table tests ----------------------------------------------------

// True when `d` is the letter's filing date or its own letter date (a letter dated the 28th is
// often filed the next day, and later letters name either).
bool IsLetterOf(const LetterRecord& letter, const Date& d);

// The staff letters a company letter answers, among `earlier` (the thread's staff letters with
// comments before it, in order): those whose date the reply names (Letter::named_dates); else
// `unanswered` (staff letters since the company's previous reply), when there are any; else the
// latest of `earlier`. Empty when `earlier` is.
std::vector<const LetterRecord*> AnsweredLetters(
    const LetterRecord& reply, const std::vector<const LetterRecord*>& earlier,
    const std::vector<const LetterRecord*>& unanswered);

// The earlier staff letter a follow-up reference points to: the letter of the date it names,
// when one of `earlier` is of that date; else the latest of `earlier` with a comment numbered
// ref.number; nullptr when none has one.
const LetterRecord* FollowedLetter(const PriorRef& ref,
                                   const std::vector<const LetterRecord*>& earlier);

// What is known about a comment when its status is decided.
struct StatusFacts {
  std::optional<Date> followed_up_on;  // date of the first later letter following it up
  std::optional<int> follower_number;  // ... and that comment's number
  std::optional<Date> unreadable_on;   // a later letter of the thread with no readable text
  std::optional<Date> closed_on;       // the first closing letter after it
  std::optional<Date> answered_on;     // its first paired response
  std::optional<Date> replied_on;      // a company reply to its letter that paired no item
  std::optional<Date> moved_on;        // a later staff comment letter of the review that does
                                       // not follow it up (answered by an amended filing)
  std::optional<Date> raised_on;       // its own letter
};
struct StatusDecision {
  CommentStatus status;
  std::string reason;
};
// Reissued beats unclear beats resolved beats responded beats open.
StatusDecision DecideStatus(const StatusFacts& facts);

}  // namespace corresp
