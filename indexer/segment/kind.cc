#include "indexer/segment/kind.h"

#include <re2/re2.h>

#include <algorithm>

#include "indexer/extract/text_util.h"
#include "indexer/segment/header_fields.h"
#include "indexer/segment/patterns.h"

namespace corresp {
namespace {

// How much of the letter the cues read. A letter states what it does in its first
// paragraphs; the signature block of a staff letter can come after many comments.
constexpr size_t kLeadBytes = 8000;
// The opening of a letter: what a closing or a response says before its first item.
constexpr size_t kOpeningBytes = 1500;
// A response speaks of the staff's comments within its first pages.
constexpr size_t kMentionBytes = 3000;
// Extension requests are a paragraph or two (the corpus's 22 run to 1,500 characters of
// text); a narrative response that names a date for a later answer is longer.
constexpr size_t kMaxExtensionRequestBytes = 2500;

// Inferring the writer when the form is unknown: cues score for the staff or the company.
// A strong staff cue (Mail Stop, "we have reviewed", the staff's boilerplate, the Division's
// signature) decides alone; the Division's name alone does not (companies address it), and a
// company's voice ("in response to the staff", "on behalf of the company") outweighs one
// strong staff cue, since company letters quote the staff.
constexpr int kStrongStaffCue = 2;
constexpr int kWeakStaffCue = 1;
constexpr int kCompanyCue = 3;
constexpr int kStaffScore = 2;
constexpr size_t kStaffCueBytes = 6000;
constexpr size_t kWholeLetterBytes = 200000;

// Lower-cased, punctuation-folded text of the first blocks (up to max bytes).
std::string LeadText(const std::vector<Block>& blocks, size_t max) {
  std::string out;
  for (const Block& b : blocks) {
    out += FoldPunctuation(b.text);
    out += ' ';
    if (out.size() > max) break;
  }
  return AsciiLower(out);
}

std::string Prefix(const std::string& s, size_t n) { return s.substr(0, std::min(s.size(), n)); }

bool Has(const std::string& text, const RE2& re) { return RE2::PartialMatch(text, re); }

// --- Staff letters -------------------------------------------------------------------------

const RE2& MailStop() {
  static const RE2 re(R"(\bmail ?stop \d)");
  return re;
}
const RE2& DivisionOrOffice() {
  static const RE2 re(
      R"(division of corporation finance|office of (?:global security risk|mergers|[a-z &]+)\b)");
  return re;
}
const RE2& StaffReviewed() {
  static const RE2 re(
      R"(we have (?:reviewed|limited our review|completed our review|not reviewed|selectively reviewed)|we (?:do not intend to|will not) review)");
  return re;
}
const RE2& CompanyVoice() {
  static const RE2 re(
      R"(\bin response to (?:the |your )?staff\b|\bin response to (?:your|the staff's) (?:comments?|letter)|respectfully (?:submit|advise|request)|on behalf of (?:our client|the company))");
  return re;
}
const RE2& StaffBoilerplate() {
  static const RE2 re(
      R"(we urge all persons|we remind you that the company and its management|we remind you that the [a-z ]{1,40} (?:is|are) responsible for the accuracy|you may contact .{0,80} at \(?202\)?)");
  return re;
}
const RE2& CompletedReview() {
  static const RE2 re(
      R"(completed (?:our|its) review|(?:^|[.:] )(?:we|the staff) ha(?:ve|s) concluded (?:our|its) (?:review|assessment))");
  return re;
}
// "We have reviewed your response ... and have no further comments at this time": a closing
// when the letter has no comments of its own.
const RE2& NoFurtherComments() {
  static const RE2 re(R"(\bha(?:ve|s) no further comments\b)");
  return re;
}
const RE2& WillNotReview() {
  static const RE2 re(
      R"(not reviewed and will not review|will not review|do not intend to review|did not review|no further review|will not be reviewed)");
  return re;
}
const RE2& FollowingComments() {
  static const RE2 re(R"(following comments?|we have reviewed|we have limited our review)");
  return re;
}
// The staff asks the company something: the mark of a comment, numbered or not ("Please
// advise us ...", "tell us", "we ask that you", a question).
const RE2& StaffAsks() {
  static const RE2 re(
      R"(\bplease (?:supplementally )?(?:advise|tell|explain|provide|confirm|describe|clarify|revise|expand|disclose|discuss|respond|file|amend|submit|identify|quantify|address)|\bplease contact the staff member|\b(?:we|the staff) (?:ask|request) that you|\bwe note (?:that )?(?:you|your)\b|\?)");
  return re;
}

// --- Company letters -----------------------------------------------------------------------

const RE2& Comment() {
  static const RE2 re(R"(comment)");
  return re;
}
// Asks that a registration statement be declared effective (Rule 461).
const RE2& AccelerationCue() {
  static const RE2 re(
      R"(rule 461|request(?:s|ed)? (?:the )?(?:acceleration|that the (?:effective|effectiveness))|accelerat\w* (?:of )?(?:the )?effective|effective date .{0,80}be accelerated|declared effective (?:at|as of|on|by)|request for acceleration)");
  return re;
}
const RE2& WithdrawsAcceleration() {
  static const RE2 re(
      R"(\bwithdraw\w* (?:(?:our|the|its|their|my) )?(?:prior |previous |earlier )?(?:request|letter)s? (?:for|requesting) (?:the )?acceleration)");
  return re;
}
// An extension request speaks of the company's answer and either asks for time or names a
// later date for it; the two must stand in one sentence.
const RE2& OurAnswer() {
  static const RE2 re(R"(\brespon[sd]|\breply\b|\banswer)");
  return re;
}
const RE2& MoreTime() {
  static const RE2 re(
      R"(extension|\bextend|additional time|more time|later date|\bpostpone|\bdelay|\bmove[ds]? .{0,40}\bdate|\b(?:date|deadline)\b.{0,40}\b(?:moved|changed|postponed|pushed)|\bfinaliz)");
  return re;
}
const RE2& LaterDate() {
  static const RE2 re(
      R"(\b(?:will|would|shall|expects? to|expected to|intends? to|plans? to|anticipates?|agreed to|agrees? to)\b.{0,80}\b(?:by|on or before|no later than|on|until|within)\s+(?:(?:monday|tuesday|wednesday|thursday|friday),?\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|the end of|\d{1,2}/\d{1,2})\b)");
  return re;
}
// "We request an extension", "confirm the additional time", "requires additional time": said
// in the opening, the letter's numbered items are what it will answer later, not answers.
const RE2& RequestsExtension() {
  static const RE2 re(
      R"((?:request|confirm|require|need)\w* (?:an? |the )?(?:extension|additional time|more time))");
  return re;
}
// The letter answers the staff: it refers to their comments or letter, or undertakes what
// they asked ("will enhance its disclosure in future filings").
const RE2& AnswersStaff() {
  static const RE2 re(
      R"(in response to (?:the |your |our )?(?:staff'?s? |comment|letter)|(?:staff'?s?|commission'?s?) (?:comment )?letter|respon(?:d|ds|se|ses|ding) to (?:the |your |each )?(?:staff'?s? )?(?:comments?|letter|questions?|requests?)|(?:staff'?s?|commission'?s?) comments?|comments? of the staff|comment letter dated|(?:in|to) your (?:[a-z]+ \d{1,2}, \d{4} )?(?:comment )?letter|letter dated [a-z]+ \d{1,2}, \d{4}.{0,60}(?:regarding|concerning|relating)|(?:will|to) (?:enhance|revise|expand|clarify|include|provide|update) .{0,100}\b(?:future|subsequent|next) (?:filings?|disclosures?|periodic reports?|annual reports?|form)|as (?:you|the staff) (?:requested|asked))");
  return re;
}

// True if one sentence of t speaks of the company's answer and asks for time or names a
// later date for it.
bool AsksForTime(const std::string& t) {
  size_t start = 0;
  while (start < t.size()) {
    size_t end = t.find(". ", start);
    if (end == std::string::npos) end = t.size();
    std::string sentence = t.substr(start, end - start);
    if (Has(sentence, OurAnswer()) && (Has(sentence, MoreTime()) || Has(sentence, LaterDate())))
      return true;
    start = end + 2;
  }
  return false;
}

size_t TextBytes(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const Block& b : blocks) n += b.text.size() + 1;
  return n;
}

LetterKind ClassifyStaffLetter(const std::string& t, size_t items) {
  std::string opening = Prefix(t, kOpeningBytes);
  if ((items == 0 || Has(opening, CompletedReview())) && Has(t, CompletedReview()))
    return LetterKind::kClosing;
  if (items == 0 && Has(t, NoFurtherComments())) return LetterKind::kClosing;
  if (items == 0 && Has(t, WillNotReview())) return LetterKind::kNoReview;
  if (items > 0) return LetterKind::kCommentLetter;
  if (Has(t, FollowingComments()) || Has(t, StaffAsks())) return LetterKind::kCommentLetter;
  return LetterKind::kOther;
}

LetterKind ClassifyCompanyLetter(const std::vector<Block>& blocks, const std::string& t,
                                 size_t items) {
  std::string opening = Prefix(t, kOpeningBytes);
  // Numbered items that answer comments make a response, unless the opening says the letter
  // asks for acceleration or time (and its items are representations or a list). A letter
  // that asks for time on one comment and labels its answers to the others ("Response:") is
  // a response.
  bool labelled_answers = std::any_of(blocks.begin(), blocks.end(), [](const Block& b) {
    return ParseResponseLabel(b.text).has_value();
  });
  if (items > 0 && Has(Prefix(t, kMentionBytes), Comment()) && !Has(opening, AccelerationCue()) &&
      (!Has(opening, RequestsExtension()) || labelled_answers))
    return LetterKind::kResponse;
  // "We hereby withdraw our request for acceleration": no request.
  if (Has(t, AccelerationCue()) && !Has(t, WithdrawsAcceleration()))
    return LetterKind::kAccelerationRequest;
  // It answers no comment and names a later date for its answer.
  if (TextBytes(blocks) <= kMaxExtensionRequestBytes && AsksForTime(t))
    return LetterKind::kExtensionRequest;
  if (Has(t, AnswersStaff())) return LetterKind::kResponse;
  return LetterKind::kOther;
}

}  // namespace

bool LooksLikeStaffLetter(const std::vector<Block>& blocks) {
  std::string t = LeadText(blocks, kStaffCueBytes);
  int score = 0;
  if (Has(t, MailStop())) score += kStrongStaffCue;
  if (Has(t, DivisionOrOffice())) score += kWeakStaffCue;  // company letters are addressed there
  if (Has(t, StaffReviewed())) score += kStrongStaffCue;
  // The acknowledgment older staff letters asked for ("staff comments or changes to disclosure
  // in response to staff comments do not foreclose ...") quotes the company's voice.
  static const RE2 acknowledgment(
      R"(changes to disclosure in response to (?:staff|our) comments?)");
  std::string own = t;
  RE2::GlobalReplace(&own, acknowledgment, "");
  if (Has(own, CompanyVoice())) score -= kCompanyCue;
  if (Has(t, StaffBoilerplate())) score += kStrongStaffCue;
  // A letter addressed to the Commission below its date is the company's ("Mail Stop 3561"
  // in the address block is not the staff's letterhead).
  if (ReadLetterHead(blocks, /*staff_letter=*/false).addressed_to_commission) score -= kCompanyCue;
  // Staff letters are signed by the Division ("Sincerely, ... Division of Corporation
  // Finance") or its Office of Mergers and Acquisitions; company letters are addressed there at
  // the top.
  std::string all = LeadText(blocks, kWholeLetterBytes);
  size_t sincerely = all.rfind("sincerely");
  if (sincerely != std::string::npos &&
      (all.find("division of corporation finance", sincerely) != std::string::npos ||
       all.find("office of mergers and acquisitions", sincerely) != std::string::npos))
    score += kStrongStaffCue;
  return score >= kStaffScore;
}

LetterKind ClassifyLetter(const std::vector<Block>& blocks, bool staff, size_t items) {
  std::string t = LeadText(blocks, kLeadBytes);
  return staff ? ClassifyStaffLetter(t, items) : ClassifyCompanyLetter(blocks, t, items);
}

}  // namespace corresp
