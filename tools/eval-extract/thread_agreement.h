// Thread agreement: a label-free check of the extractor over a whole corpus. Every numbered
// comment a company response restates is compared with the staff letter it answers: the
// number must be one of that letter's comment numbers and the restated text must be found in
// the staff comment's text. Pure functions over extracted letters (no I/O); the definition
// and the reasons for each choice are in docs/extractor.md, "Measuring".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/letter.h"

namespace corresp::agreement {

struct AgreementOptions {
  // Share of the restated comment's words that must be found in the staff comment. Companies
  // restate comments verbatim; 0.8 leaves room for a dropped heading or footnote marker and
  // for restatements abbreviated with "...".
  double min_overlap = 0.8;
};

// One letter of the corpus: its MANIFEST row and what the extractor made of it.
struct ThreadLetter {
  std::string accession;
  std::string cik;
  std::string thread;              // MANIFEST thread id
  std::string form;                // MANIFEST form: "UPLOAD" (staff), "CORRESP" (company), ...
  Date filed;                      // MANIFEST date filed; stands in for a missing letter date
  const Letter* letter = nullptr;  // not owned; must outlive the MeasureThreadAgreement call
  // Dates of the staff letters the letter says it answers ("your letter dated May 1, 2020"),
  // from NamedLetterDates over its opening text; empty when it names none.
  std::vector<Date> named_dates;
  // The opening says the comments were given orally (AnswersOralComments).
  bool oral_comments = false;
};

enum class Cause {
  kAgree,
  kNoStaffLetter,     // no staff comment letter of the thread dated on or before the response
  kStaffLetterEmpty,  // the answered staff letter(s) have no comments extracted
  kNumberNotInStaff,  // the restated number is not among the answered letter's numbers
  kLowOverlap,        // the number exists but the restated text overlaps < min_overlap
  // Any of the above, but the response says it answers a letter the corpus lacks: oral
  // comments, or a named date that is no letter of the company's. Not an extractor error.
  kAnsweredLetterAbsent,
};
const char* CauseName(Cause cause);  // "agree", "no_staff_letter", ...

// One restated numbered comment of one response.
struct Pair {
  std::string response;  // accession of the company response
  std::string staff;     // accession of the staff letter compared with ("" if none)
  int number = 0;
  bool restated = false;  // false: the response gives the number but no restated text
  double overlap = 0;     // best WordOverlap against the staff comments numbered `number`
  Cause cause = Cause::kAgree;
  // When the pair disagrees: the number of the answered letters' comment whose text the
  // restated comment does match (overlap >= min_overlap), if any — a renumbered answer.
  std::optional<int> text_matches;
  // When the pair agrees and both the staff comment and the response have headings: whether
  // their heading paths agree (HeadingPathsAgree), and the two innermost headings.
  std::optional<bool> headings_agree;
  std::string staff_heading, response_heading;
};

struct AgreementReport {
  std::vector<Pair> pairs;     // in input order of the responses, then of their items
  int responses_checked = 0;   // responses with at least one numbered restated comment
  int responses_agreeing = 0;  // ... whose pairs all agree
  // Responses (kind response) that restate no numbered comment: not counted as pairs.
  std::vector<std::string> unnumbered;
};

// Share of the restated comment's word tokens found in the staff comment's tokens, counted as
// multisets (a word restated twice must occur twice). Tokens: lower-cased runs of letters and
// digits after curly quotes and dashes are folded. 1.0 when the restated text has no tokens.
double WordOverlap(std::string_view restated, std::string_view staff);

// Companies restate the staff's headings above each comment, so the heading paths of an
// agreeing pair tell heading errors of either letter apart without labels (two caption lines
// read as one, a running header or a table row taken for a heading). They agree when the two
// innermost headings share min_overlap of their words both ways, or when one side's innermost
// heading is a level of the other's path (a company leaving out "General" or a sub-caption).
bool HeadingPathsAgree(const std::vector<std::string>& staff,
                       const std::vector<std::string>& response, double min_overlap);

// The dates a letter names as the date of the staff letter it answers: "letter dated
// <date>", "comment letter of <date>", "comments dated <date>", "letters dated <date> and
// <date>", "your letter to the Company dated <date>", "the letter the Staff delivered on
// <date>", "your <date> comment letter": a "Month D, YYYY" date after "dated"/"of"/"on"/"and"
// with "letter" or "comment(s)" earlier in its sentence (at most 200 bytes back), or right
// before "letter"; not after "filed (on)", "ended", "ending", "through", "to". Impossible
// dates are skipped. In order of appearance, duplicates removed. Pass the letter's opening
// only: restated comments name the staff's own earlier letters.
std::vector<Date> NamedLetterDates(std::string_view text);

// True when the text says the comments were given orally: "oral comment", "provided orally",
// "telephone", "by phone", "conference call".
bool AnswersOralComments(std::string_view text);

// For each letter of kind response (a `CORRESP` whose extractor kind is response), the staff
// letters it answers are
//   - the UPLOAD letters (other than closings and no-review notices) of the same thread — or,
//     failing that, of the same CIK — whose letter date or filing date is one of named_dates;
//   - else the latest such letter of the thread dated on or before the response (letter
//     dates, each falling back to the filing date; the later accession wins a tie).
// Each numbered response item is then one Pair, judged against all answered letters (the best
// one counts). Pairs without restated text are judged on the number alone. A disagreeing pair
// of a response that answers oral comments, or whose named dates match no letter (staff or
// company) of its CIK, gets kAnsweredLetterAbsent.
AgreementReport MeasureThreadAgreement(const std::vector<ThreadLetter>& letters,
                                       const AgreementOptions& options = {});

}  // namespace corresp::agreement
