// Thread agreement (tools/eval-extract/thread_agreement.h): inputs -> decision tables over small
// synthetic letters, one row per rule and per trap.
#include "tools/eval-extract/thread_agreement.h"

#include <gtest/gtest.h>

#include <memory>

namespace corresp::agreement {
namespace {

// --- WordOverlap: share of the restated comment's tokens found in the staff comment -------

struct OverlapCase {
  const char* what;
  const char* restated;
  const char* staff;
  double want;
};

TEST(WordOverlap, Table) {
  const OverlapCase cases[] = {
      {"verbatim", "Please tell us more.", "Please tell us more.", 1.0},
      {"case and punctuation fold", "PLEASE tell us—more", "please tell us - more.", 1.0},
      {"curly quotes fold", "the company’s “revenue”", "the company's \"revenue\"", 1.0},
      {"abbreviated restatement is contained", "Please tell us more.",
       "Please tell us more. Also revise your MD&A to discuss the trend.", 1.0},
      {"restated runs past the staff comment", "Please tell us more. We respectfully advise",
       "Please tell us more.", 4.0 / 7.0},
      {"multiset: a repeated word must repeat", "the the the the", "the cat", 0.25},
      {"disjoint", "goodwill impairment", "revenue recognition", 0.0},
      {"no restated tokens", "", "anything", 1.0},
  };
  for (const OverlapCase& c : cases)
    EXPECT_DOUBLE_EQ(WordOverlap(c.restated, c.staff), c.want) << c.what;
}

// --- NamedLetterDates: the staff letter dates a response names ----------------------------

struct NamedCase {
  const char* what;
  const char* text;
  std::vector<Date> want;
};

TEST(NamedLetterDates, Table) {
  const NamedCase cases[] = {
      {"letter dated",
       "comments in the letter dated March 22, 2024 (the \"Comment Letter\")",
       {{2024, 3, 22}}},
      {"an ordinal day", "your letter dated April 19th, 2006", {{2006, 4, 19}}},
      {"comment letter of",
       "in response to your comment letter of November 29, 2016 relating",
       {{2016, 11, 29}}},
      {"letter of comment, dated",
       "the Staff's letter of comment, dated September 19, 2019,",
       {{2019, 9, 19}}},
      {"letter of comments dated",
       "your letter of comments dated February 27, 2024",
       {{2024, 2, 27}}},
      {"comments dated", "the Staff's comments dated June 6, 2017 concerning", {{2017, 6, 6}}},
      {"Re: line",
       "Re: Comment Letter Dated March 16, 2016 Regarding Weyerhaeuser",
       {{2016, 3, 16}}},
      {"two letters",
       "your letters dated May 1, 2020 and June 3, 2020",
       {{2020, 5, 1}, {2020, 6, 3}}},
      {"abbreviated month, no comma", "letter dated Sept. 7 2017", {{2017, 9, 7}}},
      {"repeated date once",
       "letter dated May 1, 2020 ... our reply to the letter dated May 1, 2020",
       {{2020, 5, 1}}},
      {"a filing date is not a letter date", "Form 10-K Filed February 23, 2007", {}},
      {"letter of transmittal", "the letter of transmittal dated as required", {}},
      {"comment letter of the staff", "the comment letter of the staff of the Division", {}},
      {"impossible date skipped", "letter dated February 30, 2020", {}},
      {"words between letter and dated",
       "as set forth in your letter to the Company dated September 16, 2020, regarding",
       {{2020, 9, 16}}},
      {"delivered on",
       "the letter that the Staff delivered via e-mail on December 28, 2017",
       {{2017, 12, 28}}},
      {"date before comment letter",
       "the Staff's November 1, 2024 comment letter",
       {{2024, 11, 1}}},
      {"a filing date after the letter's date is not named",
       "your letter dated May 5, 2020 regarding the Form 10-Q filed on May 1, 2020",
       {{2020, 5, 5}}},
      {"a period end is not named",
       "comments on the Form 10-K for the fiscal year ended "
       "December 31, 2019",
       {}},
      {"another sentence's date is not named",
       "We respond to your comment letter. The meeting took place on June 1, 2020",
       {}},
  };
  for (const NamedCase& c : cases) EXPECT_EQ(NamedLetterDates(c.text), c.want) << c.what;
}

// --- AnswersOralComments --------------------------------------------------------------------

TEST(AnswersOralComments, Table) {
  const std::pair<const char*, bool> cases[] = {
      {"the comment of the Staff provided orally by Mr. Brunhofer on June 5, 2017", true},
      {"responding to an oral comment provided by you via telephone on July 22, 2016", true},
      {"the comments discussed telephonically on June 16, 2016", true},
      {"as discussed in our conference call with the Staff", true},
      {"in response to the comment letter dated May 1, 2020", false},
      {"the moral hazard of coral reefs", false},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(AnswersOralComments(text), want) << text;
}

// --- MeasureThreadAgreement ------------------------------------------------------------------

const char* kRevenue = "Please tell us how you recognize revenue on bundled contracts.";
const char* kGoodwill = "Please explain why no goodwill impairment was recorded in 2019.";
const char* kSegments = "Please tell us why you aggregate the two operating segments.";

// Builds the letters of one case on a temporary: Corpus().Staff(...).Reply(...). Move-only;
// the Letters live (at stable addresses) as long as the Corpus.
class Corpus {
 public:
  Corpus&& Staff(const std::string& accession, Date date, std::vector<Comment> comments,
                 std::string thread = "T1", std::string cik = "1") && {
    Letter& l = *letters_.emplace_back(std::make_unique<Letter>());
    l.kind = comments.empty() ? LetterKind::kOther : LetterKind::kCommentLetter;
    l.letter_date = date;
    l.comments = std::move(comments);
    in_.push_back({accession, cik, thread, "UPLOAD", date, &l, {}});
    return std::move(*this);
  }
  Corpus&& Closing(const std::string& accession, Date date) && {
    Letter& l = *letters_.emplace_back(std::make_unique<Letter>());
    l.kind = LetterKind::kClosing;
    l.letter_date = date;
    in_.push_back({accession, "1", "T1", "UPLOAD", date, &l, {}});
    return std::move(*this);
  }
  Corpus&& Reply(const std::string& accession, Date date, std::vector<Response> responses,
                 std::vector<Date> named = {}, std::string thread = "T1") && {
    Letter& l = *letters_.emplace_back(std::make_unique<Letter>());
    l.kind = LetterKind::kResponse;
    l.letter_date = date;
    l.responses = std::move(responses);
    in_.push_back({accession, "1", thread, "CORRESP", date, &l, std::move(named)});
    return std::move(*this);
  }
  // The last letter added says it answers oral comments.
  Corpus&& Oral() && {
    in_.back().oral_comments = true;
    return std::move(*this);
  }
  AgreementReport Measure() const { return MeasureThreadAgreement(in_); }

 private:
  std::vector<std::unique_ptr<Letter>> letters_;  // ThreadLetter::letter points here
  std::vector<ThreadLetter> in_;
};

Comment C(int n, const char* text) { return Comment{n, {}, std::nullopt, text, {}}; }
Response R(std::optional<int> n, const char* restated) {
  return Response{n, {}, restated, "We respectfully advise the Staff."};
}

struct PairWant {
  Cause cause;
  std::string staff;
};

struct MeasureCase {
  const char* what;
  Corpus corpus;
  std::vector<PairWant> want;  // one per numbered response item, in order
};

std::vector<MeasureCase> Cases() {
  const Date d1{2020, 1, 10}, d2{2020, 3, 5}, reply1{2020, 2, 1}, reply2{2020, 4, 1};
  std::vector<MeasureCase> cases;
  cases.push_back({"restated verbatim under the right numbers",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue), C(2, kGoodwill)})
                       .Reply("R1", reply1, {R(1, kRevenue), R(2, kGoodwill)}),
                   {{Cause::kAgree, "S1"}, {Cause::kAgree, "S1"}}});
  cases.push_back({"a number the staff letter does not have",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue), C(2, kGoodwill)})
                       .Reply("R1", reply1, {R(3, kGoodwill)}),
                   {{Cause::kNumberNotInStaff, "S1"}}});
  cases.push_back({"right number, another comment's text",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue), C(2, kGoodwill)})
                       .Reply("R1", reply1, {R(1, kGoodwill)}),
                   {{Cause::kLowOverlap, "S1"}}});
  cases.push_back({"the latest staff letter before the reply, not a later one",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Reply("R1", reply1, {R(1, kRevenue)})
                       .Staff("S2", d2, {C(1, kSegments)}),
                   {{Cause::kAgree, "S1"}}});
  cases.push_back({"without a named date the latest letter is answered",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Staff("S2", d2, {C(1, kSegments)})
                       .Reply("R2", reply2, {R(1, kRevenue)}),
                   {{Cause::kLowOverlap, "S2"}}});
  cases.push_back({"'letter dated' selects the older letter",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Staff("S2", d2, {C(1, kSegments)})
                       .Reply("R2", reply2, {R(1, kRevenue)}, {d1}),
                   {{Cause::kAgree, "S1"}}});
  cases.push_back({"a named date that matches no staff letter falls back to the latest",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Reply("R1", reply1, {R(1, kRevenue)}, {Date{2019, 12, 1}}),
                   {{Cause::kAgree, "S1"}}});
  cases.push_back({"two named letters: each comment may match either",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Staff("S2", d2, {C(1, kSegments), C(2, kGoodwill)})
                       .Reply("R2", reply2, {R(1, kRevenue), R(2, kGoodwill)}, {d1, d2}),
                   {{Cause::kAgree, "S1"}, {Cause::kAgree, "S2"}}});
  cases.push_back(
      {"a named letter of the same company filed under another thread",
       Corpus().Staff("S1", d1, {C(1, kRevenue)}, "T0").Reply("R1", reply1, {R(1, kRevenue)}, {d1}),
       {{Cause::kAgree, "S1"}}});
  cases.push_back(
      {"another company's letter of the named date is never used; the named letter "
       "is absent from the corpus",
       Corpus()
           .Staff("S1", d1, {C(1, kRevenue)}, "T0", "2")
           .Reply("R1", reply1, {R(1, kRevenue)}, {d1}),
       {{Cause::kAnsweredLetterAbsent, ""}}});
  cases.push_back({"a named date of no letter at all: the answered letter is absent",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Reply("R1", reply1, {R(1, kGoodwill)}, {Date{2020, 1, 25}}),
                   {{Cause::kAnsweredLetterAbsent, "S1"}}});
  cases.push_back(
      {"a named date of the company's own letter does not make the answered one "
       "absent",
       Corpus()
           .Staff("S1", d1, {C(1, kRevenue)})
           .Reply("R0", Date{2020, 1, 20}, {})
           .Reply("R1", reply1, {R(1, kGoodwill)}, {Date{2020, 1, 20}}),
       {{Cause::kLowOverlap, "S1"}}});
  cases.push_back(
      {"oral comments: a disagreeing pair is put down to the absent letter",
       Corpus().Staff("S1", d1, {C(1, kRevenue)}).Reply("R1", reply1, {R(1, kGoodwill)}).Oral(),
       {{Cause::kAnsweredLetterAbsent, "S1"}}});
  cases.push_back(
      {"oral comments: an agreeing pair still agrees",
       Corpus().Staff("S1", d1, {C(1, kRevenue)}).Reply("R1", reply1, {R(1, kRevenue)}).Oral(),
       {{Cause::kAgree, "S1"}}});
  cases.push_back({"no staff letter in the thread",
                   Corpus().Reply("R1", reply1, {R(1, kRevenue)}),
                   {{Cause::kNoStaffLetter, ""}}});
  cases.push_back({"the thread's only staff letter is dated after the reply",
                   Corpus().Staff("S2", d2, {C(1, kRevenue)}).Reply("R1", reply1, {R(1, kRevenue)}),
                   {{Cause::kNoStaffLetter, ""}}});
  cases.push_back({"a closing letter is not answered",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Closing("S2", Date{2020, 1, 20})
                       .Reply("R1", reply1, {R(1, kRevenue)}),
                   {{Cause::kAgree, "S1"}}});
  cases.push_back({"the answered staff letter has no comments extracted",
                   Corpus().Staff("S1", d1, {}).Reply("R1", reply1, {R(1, kRevenue)}),
                   {{Cause::kStaffLetterEmpty, "S1"}}});
  cases.push_back(
      {"a number without restated text is judged on the number",
       Corpus().Staff("S1", d1, {C(1, kRevenue)}).Reply("R1", reply1, {R(1, ""), R(2, "")}),
       {{Cause::kAgree, "S1"}, {Cause::kNumberNotInStaff, "S1"}}});
  cases.push_back({"a restatement cut short still agrees",
                   Corpus()
                       .Staff("S1", d1, {C(1, kRevenue)})
                       .Reply("R1", reply1, {R(1, "Please tell us how you recognize revenue")}),
                   {{Cause::kAgree, "S1"}}});
  return cases;
}

TEST(MeasureThreadAgreement, Table) {
  for (const MeasureCase& c : Cases()) {
    AgreementReport r = c.corpus.Measure();
    ASSERT_EQ(r.pairs.size(), c.want.size()) << c.what;
    bool all = true;
    for (size_t i = 0; i < c.want.size(); ++i) {
      EXPECT_EQ(CauseName(r.pairs[i].cause), std::string(CauseName(c.want[i].cause)))
          << c.what << ", pair " << i;
      EXPECT_EQ(r.pairs[i].staff, c.want[i].staff) << c.what << ", pair " << i;
      all = all && c.want[i].cause == Cause::kAgree;
    }
    EXPECT_EQ(r.responses_checked, 1) << c.what;
    EXPECT_EQ(r.responses_agreeing, all ? 1 : 0) << c.what;
  }
}

TEST(MeasureThreadAgreement, LowOverlapReportsTheOverlap) {
  AgreementReport r = Corpus()
                          .Staff("S1", {2020, 1, 10}, {C(1, kRevenue)})
                          .Reply("R1", {2020, 2, 1}, {R(1, kGoodwill)})
                          .Measure();
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].cause, Cause::kLowOverlap);
  EXPECT_DOUBLE_EQ(r.pairs[0].overlap, WordOverlap(kGoodwill, kRevenue));
  EXPECT_EQ(r.pairs[0].number, 1);
  EXPECT_EQ(r.pairs[0].response, "R1");
}

TEST(MeasureThreadAgreement, RenumberedAnswerNamesTheCommentItsTextMatches) {
  AgreementReport r = Corpus()
                          .Staff("S1", {2020, 1, 10}, {C(1, kRevenue), C(2, kGoodwill)})
                          .Reply("R1", {2020, 2, 1}, {R(3, kGoodwill), R(1, kSegments)})
                          .Measure();
  ASSERT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(r.pairs[0].cause, Cause::kNumberNotInStaff);
  EXPECT_EQ(r.pairs[0].text_matches, 2);
  EXPECT_EQ(r.pairs[1].cause, Cause::kLowOverlap);
  EXPECT_EQ(r.pairs[1].text_matches, std::nullopt);
}

TEST(MeasureThreadAgreement, ResponsesWithoutNumberedItemsAreCountedApart) {
  AgreementReport r = Corpus()
                          .Staff("S1", {2020, 1, 10}, {C(1, kRevenue)})
                          .Reply("R1", {2020, 2, 1}, {R(std::nullopt, kRevenue)})
                          .Reply("R2", {2020, 2, 2}, {})
                          .Measure();
  EXPECT_TRUE(r.pairs.empty());
  EXPECT_EQ(r.responses_checked, 0);
  EXPECT_EQ(r.unnumbered, (std::vector<std::string>{"R1", "R2"}));
}

TEST(HeadingPathsAgree, Table) {
  using Path = std::vector<std::string>;
  const Path staff = {"Form 10-K for the Fiscal Year Ended December 31, 2020",
                      "Management's Discussion and Analysis", "Consolidated Results of Operations",
                      "Economic Gross Margin, page 53"};
  struct Case {
    Path staff, response;
    bool agree;
    const char* why;
  } cases[] = {
      {staff, staff, true, "the same path"},
      {staff,
       {"Form 10-K", "Economic Gross Margin , page 53"},
       true,
       "the same innermost heading, spaced otherwise; outer levels left out"},
      {{"Form 10-K filed March 1, 2022", "General"},
       {"Form 10-K filed March 1, 2022"},
       true,
       "the company leaves out 'General': its innermost is a level of the staff's path"},
      {staff,
       {"Form 10-K for the Fiscal Year Ended December 31, 2020",
        "Consolidated Results of Operations Economic Gross Margin, page 53"},
       false,
       "two captions read as one"},
      {staff,
       {"Form 10-K", "209 Redwood Shores Parkway, Redwood City, CA 94065"},
       false,
       "a footer taken for a heading"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(HeadingPathsAgree(c.staff, c.response, 0.8), c.agree) << c.why;
}

TEST(MeasureThreadAgreement, AgreeingPairsCompareTheirHeadings) {
  Comment staff = C(1, kRevenue);
  staff.headings = {"Form 10-K", "Revenue Recognition, page 53"};
  Response same = R(1, kRevenue), merged = R(1, kRevenue);
  same.headings = {"Revenue Recognition, page 53"};
  merged.headings = {"Form 10-K Revenue Recognition, page 53 Deferred Revenue"};
  AgreementReport r = Corpus()
                          .Staff("S1", {2020, 1, 10}, {staff})
                          .Reply("R1", {2020, 2, 1}, {same})
                          .Reply("R2", {2020, 2, 2}, {merged, R(1, kRevenue)})
                          .Measure();
  ASSERT_EQ(r.pairs.size(), 3u);
  EXPECT_EQ(r.pairs[0].headings_agree, true);
  EXPECT_EQ(r.pairs[1].headings_agree, false);
  EXPECT_EQ(r.pairs[1].response_heading, merged.headings.back());
  EXPECT_EQ(r.pairs[1].staff_heading, "Revenue Recognition, page 53");
  EXPECT_EQ(r.pairs[2].headings_agree, std::nullopt) << "a response without headings";
}

}  // namespace
}  // namespace corresp::agreement
