#include "tools/eval-extract/thread_agreement.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "indexer/extract/text_util.h"
#include "tools/eval-extract/label_compare.h"

namespace corresp::agreement {
namespace {

// A letter's own date: the date in its head, else the day EDGAR filed it.
Date DateOf(const ThreadLetter& l) { return l.letter->letter_date.value_or(l.filed); }

// Staff letters that can carry comments. Closings and no-review notices never do; any other
// kind stays a candidate, so a staff letter whose comments were missed shows as
// kStaffLetterEmpty instead of silently pairing with an older letter.
bool IsStaffCandidate(const ThreadLetter& l) {
  return l.form == "UPLOAD" && l.letter->kind != LetterKind::kClosing &&
         l.letter->kind != LetterKind::kNoReview;
}

bool Names(const ThreadLetter& response, const ThreadLetter& staff) {
  for (const Date& d : response.named_dates)
    if (d == staff.filed || (staff.letter->letter_date && d == *staff.letter->letter_date))
      return true;
  return false;
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

// Judges one numbered response item against the answered letters; the best letter counts.
Pair Judge(const std::string& accession, const Response& r,
           const std::vector<const ThreadLetter*>& answered, const AgreementOptions& options) {
  Pair p{accession, "", *r.number, !r.comment_text.empty(), 0, Cause::kNoStaffLetter};
  if (answered.empty()) return p;
  p.staff = answered.front()->accession;
  p.cause = Cause::kStaffLetterEmpty;
  for (const ThreadLetter* staff : answered) {
    if (staff->letter->comments.empty()) continue;
    if (p.cause == Cause::kStaffLetterEmpty) {
      p.cause = Cause::kNumberNotInStaff;
      p.staff = staff->accession;
    }
    for (const Comment& c : staff->letter->comments) {
      if (c.number != r.number) continue;
      double overlap = p.restated ? WordOverlap(r.comment_text, c.text) : 1.0;
      if (p.cause == Cause::kNumberNotInStaff || overlap > p.overlap) {
        p.overlap = overlap;
        p.staff = staff->accession;
        p.cause = overlap >= options.min_overlap ? Cause::kAgree : Cause::kLowOverlap;
      }
    }
  }
  return p;
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
  }
  return "?";
}

double WordOverlap(std::string_view restated, std::string_view staff) {
  std::vector<std::string> mine = labels::WordTokens(std::string(restated));
  if (mine.empty()) return 1.0;
  std::map<std::string, int> available;
  for (std::string& t : labels::WordTokens(std::string(staff))) ++available[std::move(t)];
  size_t found = 0;
  for (const std::string& t : mine) {
    auto it = available.find(t);
    if (it != available.end() && it->second > 0) {
      --it->second;
      ++found;
    }
  }
  return static_cast<double>(found) / static_cast<double>(mine.size());
}

std::vector<Date> NamedLetterDates(std::string_view text) {
  // "letter dated", "letters of", "comment letter of", "letter of comments, dated",
  // "comments dated", "letter, dated": the words that introduce a staff letter's date.
  static const RE2 anchor(
      R"((?i)\b(?:letters?(?:\s+of\s+comments?)?|comments?),?\s+(?:dated\s+|of\s+)(?:as\s+of\s+)?)");
  static const RE2 date(
      R"((?i)((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}))");
  static const RE2 joiner(R"((?i),?\s*(?:and\s+)?)");
  std::string folded = CollapseSpace(text);
  re2::StringPiece rest(folded);
  std::vector<Date> out;
  while (RE2::FindAndConsume(&rest, anchor)) {
    std::string d;
    while (RE2::Consume(&rest, date, &d)) {
      if (std::optional<Date> parsed = Date::ParseLong(d);
          parsed && std::find(out.begin(), out.end(), *parsed) == out.end())
        out.push_back(*parsed);
      // Another date follows ("May 1, 2020 and June 3, 2020")?
      re2::StringPiece after = rest;
      RE2::Consume(&after, joiner);
      re2::StringPiece probe = after;
      if (!RE2::Consume(&probe, date)) break;
      rest = after;
    }
  }
  return out;
}

AgreementReport MeasureThreadAgreement(const std::vector<ThreadLetter>& letters,
                                       const AgreementOptions& options) {
  AgreementReport report;
  for (const ThreadLetter& l : letters) {
    if (l.letter->kind != LetterKind::kResponse) continue;
    std::vector<const ThreadLetter*> answered;
    bool all_agree = true, any = false;
    for (const Response& r : l.letter->responses) {
      if (!r.number) continue;
      if (!any) answered = AnsweredLetters(l, letters);
      any = true;
      report.pairs.push_back(Judge(l.accession, r, answered, options));
      all_agree = all_agree && report.pairs.back().cause == Cause::kAgree;
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
