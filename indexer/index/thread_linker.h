// Groups one company's letters into review threads and pairs company responses with the staff
// comments they answer. Pure logic over LetterRecords (no I/O); see docs/index-schema.md.
//
// Letters are ordered by date (UPLOAD before CORRESP on the same day, then accession). A
// letter joins the current thread unless
//   - there is none, or it was closed by a closing / no-review letter;
//   - more than ThreadOptions::max_gap_days passed since the thread's last letter;
//   - it is a staff comment letter that opens a new review: its comments restart at 1 with no
//     "prior comment" references and it names a different filing (form + period) than the
//     thread's letters.
// Inside each thread, TraceComments (comment_lifecycle.h) pairs responses with the staff
// comments they answer, links follow-ups and decides each comment's status.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/thread.h"
#include "indexer/index/letter_record.h"

namespace corresp {

struct ThreadOptions {
  // Longest silence inside one review; SEC reviews with 10-business-day responses and
  // extensions rarely pause longer than a few months.
  int max_gap_days = 180;
  // A company letter without responses (acceleration or extension request, thanks) this many
  // days after a closing letter still belongs to the closed review.
  int trailer_days = 30;
};

struct ThreadLinks {
  std::vector<ReviewThread> threads;                  // in date order of their first letter
  std::map<std::string, std::string> thread_of;       // accession -> thread id
  std::map<std::string, std::string> response_to;     // response item id -> comment item id
  std::map<std::string, std::string> first_response;  // comment item id -> first response id
  std::map<std::string, CommentLifecycle> lifecycle;  // comment item id -> its lifecycle
  int prior_refs = 0;         // follow-up references in staff comments (all threads)
  int prior_refs_linked = 0;  // ... linked to a comment of an earlier letter of their thread
  std::vector<std::string> unlinked_refs;  // ThreadLifecycle::unlinked of every thread
};

// `letters` must all belong to one company (same CIK). Thread ids are "<CIK>-<accession of
// the first letter>".
ThreadLinks LinkThreads(std::vector<const LetterRecord*> letters,
                        const ThreadOptions& options = {});

}  // namespace corresp
