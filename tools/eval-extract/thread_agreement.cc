#include "tools/eval-extract/thread_agreement.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "core/letter_form.h"
#include "indexer/extract/text_util.h"
#include "indexer/segment/letter_dates.h"
#include "indexer/segment/word_overlap.h"
#include "tools/eval-extract/label_compare.h"

namespace corresp::agreement {
namespace {

// A letter's own date: the date in its head, else the day EDGAR filed it.
Date DateOf(const ThreadLetter& l) { return l.letter->letter_date.value_or(l.filed); }

// Staff letters that can carry comments. Closings and no-review notices never do; any other
// kind stays a candidate, so a staff letter whose comments were missed shows as
// kStaffLetterEmpty instead of silently pairing with an older letter.
bool IsStaffCandidate(const ThreadLetter& l) {
  return SideOfForm(l.form) == LetterSide::kStaff && l.letter->kind != LetterKind::kClosing &&
         l.letter->kind != LetterKind::kNoReview;
}

// A letter "of" date d: its letter date or the day it was filed (a letter dated the 28th is
// often filed the next day, and responses name either).
bool IsOf(const ThreadLetter& l, const Date& d) {
  return IsDatedOn(l.filed, l.letter->letter_date, d);
}

bool Names(const ThreadLetter& response, const ThreadLetter& staff) {
  return std::any_of(response.named_dates.begin(), response.named_dates.end(),
                     [&](const Date& d) { return IsOf(staff, d); });
}

// The staff letters `response` answers (see MeasureThreadAgreement in the header).
std::vector<const ThreadLetter*> AnsweredLetters(const ThreadLetter& response,
                                                 const std::vector<ThreadLetter>& letters) {
  std::vector<const ThreadLetter*> in_thread, in_cik;
  const ThreadLetter* latest = nullptr;
  for (const ThreadLetter& l : letters) {
    if (!IsStaffCandidate(l) || l.cik != response.cik) continue;
    bool same_thread = l.thread == response.thread;
    if (Names(response, l)) (same_thread ? in_thread : in_cik).push_back(&l);
    if (same_thread && DateOf(l) <= DateOf(response) &&
        (!latest ||
         std::pair(DateOf(l), l.accession) > std::pair(DateOf(*latest), latest->accession)))
      latest = &l;
  }
  if (!in_thread.empty()) return in_thread;
  if (!in_cik.empty()) return in_cik;
  if (latest) return {latest};
  return {};
}

// The best comment numbered `number` (any number when nullopt) of the answered letters.
struct Best {
  const ThreadLetter* staff = nullptr;
  std::optional<int> number;
  double overlap = -1;
  const Comment* comment = nullptr;
};
Best BestComment(const Response& r, std::optional<int> number,
                 const std::vector<const ThreadLetter*>& answered) {
  Best best;
  for (const ThreadLetter* staff : answered)
    for (const Comment& c : staff->letter->comments) {
      if (number && c.number != number) continue;
      double overlap = r.comment_text.empty() ? 1.0 : WordOverlap(r.comment_text, c.text);
      if (overlap > best.overlap) best = {staff, c.number, overlap, &c};
    }
  return best;
}

// Judges one numbered response item against the answered letters; the best comment counts.
Pair Judge(const std::string& accession, const Response& r,
           const std::vector<const ThreadLetter*>& answered, const AgreementOptions& options) {
  Pair p{accession, "", *r.number, !r.comment_text.empty(), 0, Cause::kNoStaffLetter, {}};
  if (answered.empty()) return p;
  p.staff = answered.front()->accession;
  auto with_comments = std::find_if(answered.begin(), answered.end(), [](const ThreadLetter* l) {
    return !l->letter->comments.empty();
  });
  if (with_comments == answered.end()) {
    p.cause = Cause::kStaffLetterEmpty;
    return p;
  }
  p.staff = (*with_comments)->accession;
  Best best = BestComment(r, r.number, answered);
  if (!best.staff) {
    p.cause = Cause::kNumberNotInStaff;
  } else {
    p.staff = best.staff->accession;
    p.overlap = best.overlap;
    p.cause = best.overlap >= options.min_overlap ? Cause::kAgree : Cause::kLowOverlap;
    const std::vector<std::string>& staff_path = best.comment->headings;
    if (p.cause == Cause::kAgree && !staff_path.empty() && !r.headings.empty()) {
      p.headings_agree = HeadingPathsAgree(staff_path, r.headings, options.min_overlap);
      p.staff_heading = staff_path.back();
      p.response_heading = r.headings.back();
    }
  }
  if (p.cause != Cause::kAgree && p.restated) {
    Best any = BestComment(r, std::nullopt, answered);
    if (any.overlap >= options.min_overlap) p.text_matches = any.number;
  }
  return p;
}

bool MatchesAnyLetter(const Date& d, const std::string& cik,
                      const std::vector<ThreadLetter>& letters) {
  for (const ThreadLetter& l : letters)
    if (l.cik == cik && IsOf(l, d)) return true;
  return false;
}

// The response says it answers a letter the corpus lacks: oral comments, or a named date that
// is no staff letter and no letter of the company's at all.
bool AnswersAbsentLetter(const ThreadLetter& response,
                         const std::vector<const ThreadLetter*>& answered,
                         const std::vector<ThreadLetter>& letters) {
  if (response.oral_comments) return true;
  for (const ThreadLetter* staff : answered)
    if (Names(response, *staff)) return false;
  return std::any_of(response.named_dates.begin(), response.named_dates.end(),
                     [&](const Date& d) { return !MatchesAnyLetter(d, response.cik, letters); });
}

}  // namespace

const char* CauseName(Cause cause) {
  switch (cause) {
    case Cause::kAgree:
      return "agree";
    case Cause::kNoStaffLetter:
      return "no_staff_letter";
    case Cause::kStaffLetterEmpty:
      return "staff_letter_empty";
    case Cause::kNumberNotInStaff:
      return "number_not_in_staff";
    case Cause::kLowOverlap:
      return "low_overlap";
    case Cause::kAnsweredLetterAbsent:
      return "answered_letter_absent";
  }
  return "?";
}

double WordOverlap(std::string_view restated, std::string_view staff) {
  return corresp::WordOverlap(restated, staff);
}

bool HeadingPathsAgree(const std::vector<std::string>& staff,
                       const std::vector<std::string>& response, double min_overlap) {
  auto same = [min_overlap](const std::string& a, const std::string& b) {
    return WordOverlap(a, b) >= min_overlap && WordOverlap(b, a) >= min_overlap;
  };
  auto in_path = [&same](const std::string& h, const std::vector<std::string>& path) {
    return std::any_of(path.begin(), path.end(), [&](const std::string& p) { return same(h, p); });
  };
  if (staff.empty() || response.empty()) return true;
  return in_path(staff.back(), response) || in_path(response.back(), staff);
}

std::vector<Date> NamedLetterDates(std::string_view text) {
  return corresp::NamedLetterDates(text);
}

bool AnswersOralComments(std::string_view text) {
  static const RE2 oral(
      R"((?i)\boral(?:ly)?\b|\btelephon|\bby (?:tele)?phone\b|\b(?:conference|phone) call\b)");
  return RE2::PartialMatch(CollapseSpace(text), oral);
}

AgreementReport MeasureThreadAgreement(const std::vector<ThreadLetter>& letters,
                                       const AgreementOptions& options) {
  AgreementReport report;
  for (const ThreadLetter& l : letters) {
    if (l.letter->kind != LetterKind::kResponse) continue;
    std::vector<const ThreadLetter*> answered = AnsweredLetters(l, letters);
    bool absent = AnswersAbsentLetter(l, answered, letters);
    bool all_agree = true, any = false;
    for (const Response& r : l.letter->responses) {
      if (!r.number) continue;
      any = true;
      Pair& p = report.pairs.emplace_back(Judge(l.accession, r, answered, options));
      if (absent && p.cause != Cause::kAgree) p.cause = Cause::kAnsweredLetterAbsent;
      all_agree = all_agree && p.cause == Cause::kAgree;
    }
    if (!any) {
      report.unnumbered.push_back(l.accession);
      continue;
    }
    ++report.responses_checked;
    report.responses_agreeing += all_agree;
  }
  return report;
}

}  // namespace corresp::agreement
