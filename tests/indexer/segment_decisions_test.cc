// Table tests for the segmenter's decision functions: one row per input with the decision
// expected and why, the traps seen in the corpus included. Whole-letter behaviour is pinned
// by labelled_letters_test.cc and extract_traps_test.cc; these rows show which cue decides.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "indexer/segment/header_fields.h"
#include "indexer/segment/kind.h"
#include "indexer/segment/patterns.h"
#include "indexer/segment/prior_refs.h"

namespace corresp {
namespace {

// --- ParseItemStart ------------------------------------------------------------------------

struct ItemStartRow {
  std::string input;
  std::optional<int> number;  // expected number; ignored when !item
  std::string rest;
  bool item;  // a ParseItemStart result is expected at all
  const char* why;
};

TEST(SegmentDecisions, ParseItemStart) {
  const ItemStartRow rows[] = {
      {"1. We note your revenue.", 1, "We note your revenue.", true, "plain numbered comment"},
      {"1.We note your revenue.", 1, "We note your revenue.", true, "no space after the dot"},
      {"2) Please tell us more.", 2, "Please tell us more.", true, "parenthesis after the number"},
      {"12.", 12, "", true, "a number alone in its block (the text follows in the next)"},
      {"Comment No. 3: Please revise.", 3, "Please revise.", true, "Comment No. N: label"},
      {"Comment 1 (Prior Comment 3): We note your response.", 1, "We note your response.", true,
       "a follow-up's label naming the prior comment"},
      {"Comment 2 (prior comments 4 and 5)", 2, "", true, "two prior comments, no colon"},
      {"Comment 4: Please revise.", 4, "Please revise.", true, "Comment N: label"},
      {"Comment #5 - Please revise.", 5, "Please revise.", true, "Comment #N - label"},
      {"1. Staff's comment: We note the charge.", 1, "We note the charge.", true,
       "the restated comment's own label is stripped"},
      {"1. Staff\u2019s Comment: We note the charge.", 1, "We note the charge.", true,
       "curly apostrophe in the label"},
      {"Comment: Please explain.", std::nullopt, "Please explain.", true,
       "unnumbered Comment: label"},
      {"0. Introduction", std::nullopt, "", false, "trap: item 0 is not a comment number"},
      {"1.5 million shares were issued.", std::nullopt, "", false,
       "trap: a decimal figure, not an item number"},
      {"2019. Revenue increased.", std::nullopt, "", false, "trap: a year ending a sentence"},
      {"1.a Please describe.", std::nullopt, "", false,
       "trap: a lower-case sub-item after the dot"},
      {"Commentary on the results.", std::nullopt, "", false, "trap: a word starting with Comment"},
      {"We note your response to comment 1.", std::nullopt, "", false,
       "a sentence citing a comment is no label"},
  };
  for (const ItemStartRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    std::optional<ItemStart> got = ParseItemStart(r.input);
    ASSERT_EQ(got.has_value(), r.item);
    if (!got) continue;
    EXPECT_EQ(got->number, r.number);
    EXPECT_EQ(got->rest, r.rest);
  }
}

// --- ParseResponseLabel --------------------------------------------------------------------

struct ResponseLabelRow {
  std::string input;
  std::optional<std::string> rest;  // nullopt: not a response label
  const char* why;
};

TEST(SegmentDecisions, ParseResponseLabel) {
  const ResponseLabelRow rows[] = {
      {"Response:", "", "bare label"},
      {"Response: We advise the Staff.", "We advise the Staff.", "label then the answer"},
      {"RESPONSE", "", "capitals, no colon, alone in its block"},
      {"Response", "", "a bare Response heading"},
      {"Company Response: The Company has revised.", "The Company has revised.",
       "Company Response:"},
      {"Management's Response: We agree.", "We agree.", "Management's Response:"},
      {"Management\u2019s Response: We agree.", "We agree.", "curly apostrophe"},
      {"Response to Comment No. 1:", "", "Response to Comment No. N"},
      {"Response to the Staff's Comment 12: Revised.", "Revised.",
       "Response to the Staff's Comment N"},
      {"Our Response: See page 4.", "See page 4.", "Our Response:"},
      {"Response 1", "", "Response and the comment's number, alone"},
      {"Response No. 2: The Company acknowledges the comment.",
       "The Company acknowledges the comment.", "Response No. N:"},
      {"Response #3:", "", "Response #N:"},
      {"Response to Comments 3 and 4: We agree.", "We agree.", "one answer to two comments"},
      {"Response to Comment 1(a): Revised.", "Revised.", "an answer to a comment's part"},
      {"Response 2.a: Revised.", "Revised.", "an answer to a comment's lettered part"},
      {"Response to Comment 2, 3 and 5:", "", "an answer to three comments"},
      {"In response to the Staff's comments:", std::nullopt,
       "trap: a sentence answering the comments, no label"},
      {"Response 2020 revenue grew.", std::nullopt, "trap: a year is no comment number"},
      {"Reply: Agreed.", "Agreed.", "Reply: is a label too"},
      {"ANSWER:", "", "Answer: is a label too"},
      {"Answer: We agree.", "We agree.", "Answer: then the answer"},
      {"Response of the Company: Revised.", "Revised.", "Response of the Company:"},
      {"Answers to these questions follow.", std::nullopt,
       "trap: a sentence starting with Answers"},
      {"Answer the question in full.", std::nullopt, "trap: Answer as a verb"},
      {"Responses were mixed across segments.", std::nullopt,
       "trap: a sentence starting with Responses"},
      {"Our response is set out below.", std::nullopt, "trap: a sentence, no label punctuation"},
      {"Please see our response to comment 3.", std::nullopt, "trap: response mid-sentence"},
      {"Reply to the allegations: none.", std::nullopt, "trap: Reply to something not a comment"},
  };
  for (const ResponseLabelRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    EXPECT_EQ(ParseResponseLabel(r.input), r.rest);
  }
}

// --- IsStaffClosing / IsCompanyClosing -----------------------------------------------------

struct ClosingRow {
  std::string input;
  bool expected;
  const char* why;
};

TEST(SegmentDecisions, IsStaffClosing) {
  const ClosingRow rows[] = {
      {"We remind you that the company and its management are responsible.", true,
       "standard boilerplate"},
      {"We urge all persons who are responsible for the accuracy", true, "older boilerplate"},
      {"You may contact Jane Doe at (202) 551-3456 with any questions.", true, "contact line"},
      {"Please contact the staff member with any questions.", true, "contact line"},
      {"Sincerely,", true, "signature"},
      {"sincerely,", true, "case does not matter"},
      {"* * *", true, "separator before the boilerplate"},
      {"If you have any questions, please call.", true, "questions line"},
      {"Please respond to these comments within ten business days.", true,
       "response deadline paragraph"},
      {"Division of Corporation Finance", true, "signature office alone on its line"},
      {"As appropriate, please amend your filing and respond to these comments within 10 "
       "business days.",
       true, "older deadline paragraph"},
      {"As appropriate, please respond to these comments within 10 business days.", true,
       "older deadline paragraph"},
      {"Closing Comments", true, "older closing caption"},
      {"Please file your response to our comments via EDGAR.", true, "older filing instruction"},
      {"Please file your amendment and respond to these comments within five business days.", true,
       "older filing instruction"},
      {"Please amend your Form 8-K and respond to these comments within five business days.", true,
       "older deadline paragraph"},
      {"Please amend your disclosure to describe the plan.", false, "trap: a request"},
      {"We will consider qualifying your offering statement at your request.", true,
       "Regulation A closing"},
      {"As appropriate, please revise the table to show each segment.", false,
       "trap: a request of a comment"},
      {"Division of Corporation Finance Office of Energy & Transportation", false,
       "trap: the office line of the address block continues"},
      {"In addition, we remind you that you must file.", false,
       "trap: a cue inside a sentence, not at its start"},
      {"1. We note your disclosure.", false, "a comment"},
      {"We note that you may contact investors.", false, "trap: 'may contact' mid-sentence"},
  };
  for (const ClosingRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    EXPECT_EQ(IsStaffClosing(r.input), r.expected);
  }
}

TEST(SegmentDecisions, IsCompanyClosing) {
  const ClosingRow rows[] = {
      {"Yours faithfully,", true, "British sign-off"},
      {"Kind regards,", true, "informal sign-off"},
      {"If you have any further questions, please call me.", true, "questions line"},
      {"If you have any additional questions regarding", true, "questions line"},
      {"Should you have any questions, please contact", true, "Should you have any"},
      {"Please do not hesitate to call me at (212) 555-1234.", true, "do not hesitate"},
      {"Please contact me with any questions.", true, "Please contact"},
      {"Respectfully submitted,", true, "signature"},
      {"Respectfully,", true, "signature"},
      {"Very truly yours,", true, "signature"},
      {"Thank you for your consideration.", true, "thanks"},
      {"We appreciate the Staff's review.", true, "thanks"},
      {"cc: John Smith, Esq.", true, "copy line"},
      {"In connection with the above responses, the Company acknowledges that:", true,
       "acknowledgment of the 2008-2016 letters"},
      {"The Company acknowledges that it is responsible for the adequacy of its disclosure.", true,
       "acknowledgment"},
      {"The undersigned, on behalf of Lennar, acknowledges that:", true, "acknowledgment"},
      {"We hope that the foregoing has been responsive to the Staff's comments.", true,
       "hope line"},
      {"The Company believes that the information contained in this letter is responsive.", true,
       "belief line"},
      {"We acknowledge that the disclosure could be clearer and will revise it.", false,
       "trap: an answer acknowledging a point"},
      {"The Company believes that the impairment was appropriate.", false,
       "trap: an answer's belief"},
      {"Respectfully, we disagree with the Staff's view.", false,
       "trap: 'Respectfully' opening an argument, not a signature"},
      {"Please see our response to comment 3 above.", false, "trap: Please + something else"},
      {"The Company will appreciate the change in 2024.", false, "trap: cue mid-sentence"},
  };
  for (const ClosingRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    EXPECT_EQ(IsCompanyClosing(r.input), r.expected);
  }
}

// --- SpeaksAsStaff -------------------------------------------------------------------------

TEST(SegmentDecisions, SpeaksAsStaff) {
  const ClosingRow rows[] = {
      {"Please describe to us the nature and extent of any contacts with North Korea.", true,
       "a request"},
      {"Tell us the approximate dollar amounts of revenues for the last three years.", true,
       "tell us"},
      {"• Clarify the exact nature of this performance obligation.", true,
       "an imperative behind a bullet"},
      {"Your response indicates that the step-up in tax basis resulted from your election.", true,
       "the staff addressing the company"},
      {"The Company respectfully advises the Staff that it has no such contacts.", false,
       "the company's voice"},
      {"We will revise our disclosure in future filings.", false, "we will"},
      {"Please see Annex A for the revised disclosure.", false,
       "trap: 'please' pointing to the company's own material"},
      {"Revenue grew 5% in 2023 due to higher volumes.", false, "a statement asking nothing"},
  };
  for (const ClosingRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    EXPECT_EQ(SpeaksAsStaff(r.input), r.expected);
  }
  EXPECT_TRUE(SpeaksAsCompany("The Company respectfully advises the Staff."));
  EXPECT_FALSE(SpeaksAsCompany("The amount of goodwill allocated to the reporting unit."))
      << "a list item asking nothing says nothing only the company says either";
}

// --- IsHeadingLike ------------------------------------------------------------------------

Block Para(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}
Block Bold(std::string text) {
  Block b = Para(std::move(text));
  b.bold = true;
  return b;
}
Block Kind(BlockKind kind, std::string text) {
  Block b = Para(std::move(text));
  b.kind = kind;
  return b;
}

struct HeadingRow {
  Block block;
  bool expected;
  const char* why;
};

TEST(SegmentDecisions, IsHeadingLike) {
  const HeadingRow rows[] = {
      {Para("Liquidity, page 40"), true, "short caption with a page"},
      {Bold("General"), true, "bold word"},
      {Bold("Revenue."), true, "bold and short even with a period"},
      {Para("Note 2. Revenue Recognition"), true, "numbered note caption"},
      {Para("Item 7. Management's Discussion and Analysis of Financial Condition and Results of "
            "Operations"),
       true, "standard item caption"},
      {Para("Acme Inc."), true, "a company name ending in an abbreviation"},
      {Kind(BlockKind::kHeading, "Form 10-K for the Fiscal Year Ended December 31, 2019"), true,
       "a heading element"},
      {Para("We note your revenue increased."), false, "a sentence"},
      {Para("Please explain the \"net income.\""), false,
       "trap: the sentence ends inside its closing quote"},
      {Para("The change was large. We ask that you explain it"), false,
       "trap: two sentences without a final period"},
      {Para("general matters"), false, "starts in lower case"},
      {Kind(BlockKind::kListItem, "General"), false, "a list item"},
      {Bold("•provide input on design of the board itself."), false,
       "a bold line opening with a bullet is an item of a list (HTML without <li>)"},
      {Bold("• Require board consideration; or"), false, "a bullet, then a capital"},
      {Bold("Response:"), false, "a response label is not a heading"},
      {Bold("Comment No. 1"), false, "the label of a restated comment, with its number"},
      {Bold("Staff Comment 12:"), false, "the label of a restated comment, with its number"},
      {Bold("Comments and Responses"), false, "the letter's own section of comments"},
      {Bold("SEC Staff Comment Company Response"), false,
       "the header row of a two-column table of comments and responses"},
      {Bold("Staff Comment / Response"), false, "the header row, with a slash"},
      {Bold("Comments Received from Investors, page 12"), true,
       "a filing's section that begins with the word"},
      {Para("Total $ 675 $ 620"), false, "trap: a table row of figures"},
      {Para("Special charges - 5 5"), false, "trap: a table row of figures"},
      {Para("Change in Non-GAAP Revenue (constant currency basis) $280"), false,
       "trap: a table row ending on one amount"},
      {Para("Non-GAAP Underlying revenue ($280/$1,400) 20%"), false,
       "trap: a table row ending on a share"},
      {Para("6.5% Senior Notes due 2025"), true, "a caption ending on a year"},
      {Para("Commercial real estate 301,552 162,944"), false,
       "trap: a table row ending in two amounts grouped in thousands"},
      {Para("Accordingly, the Company is not required to file the agreement. [***]"), false,
       "trap: a sentence ending before a redaction"},
      {Para("Our amended and restated bylaws will designate the federal district courts of the "
            "United States as the exclusive forum for claims arising under the Securities Act, "
            "which could limit our stockholders' ability to obtain a favorable judicial forum "
            "for disputes with us or our directors, officers or employees, page 64"),
       true, "a risk factor's caption of 250 bytes ending on its page"},
      {Para("Items 1 and 2. Business and Properties, page 5"), true,
       "the number of the last of several items ends no sentence"},
      {Para("Items 1, 1A and 2. Business, Risk Factors and Properties"), true,
       "a list of item numbers"},
      {Para("Items were sold. We ask that you explain it"), false,
       "trap: two sentences, the first opening with 'Items'"},
      {Para("One SE Convenience Blvd | Ankeny, Iowa | 50021-9672 | caseys.com | 515-965-6100"),
       false, "trap: a letterhead's address line with a telephone number"},
      {Bold("Tulsa, OK 74103 www.oneok.com"), false, "trap: a letterhead's web address"},
      {Bold("Amazon.com, Inc. Form 10-K for the Fiscal Year Ended December 31, 2023"), true,
       "a company whose name holds .com"},
      {Para("Stored value cards and loyalty program, end of period $ XXX.X"), false,
       "trap: a proposed table row with placeholder figures"},
      {Para("Revenue recognized - card redemptions XX,XXX.X XX,XXX.X"), false,
       "trap: placeholder figures in columns"},
      {Para("Exhibit X"), true, "one X is a letter, not a placeholder"},
      {Kind(BlockKind::kHeading,
            "This heading element holds a whole sentence that runs past sixty bytes."),
       false, "long emphasized sentence"},
      {Para(""), false, "empty"},
  };
  for (const HeadingRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.block.text);
    EXPECT_EQ(IsHeadingLike(r.block), r.expected);
  }
}

// --- PageRef / PriorRefs ----------------------------------------------------------------

struct PageRefRow {
  std::string input;
  std::optional<std::string> expected;
  const char* why;
};

TEST(SegmentDecisions, PageRef) {
  const PageRefRow rows[] = {
      {"Liquidity, page 40", "page 40", "one page"},
      {"Risk Factors, pages 12-13", "pages 12-13", "range with a hyphen"},
      {"Risk Factors, pages 12\u201313", "pages 12\u201313", "range with an en dash"},
      {"Note 6, Page F-97", "page F-97", "financial statement page, label lower-cased"},
      {"Business, pages 10 through 12", "pages 10 through 12", "range in words"},
      {"See pages 12 and 14", "pages 12 and 14", "two pages"},
      {"Summary, page 5; Risk Factors, page 9", "page 9", "the last reference wins"},
      {"Homepage 4", std::nullopt, "trap: page inside a word"},
      {"Cover page", std::nullopt, "no number"},
      {"Page one", std::nullopt, "number in words"},
  };
  for (const PageRefRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    EXPECT_EQ(PageRef(r.input), r.expected);
  }
}

struct PriorRefsRow {
  std::string input;
  std::vector<int> expected;
  const char* why;
};

TEST(SegmentDecisions, PriorRefs) {
  const PriorRefsRow rows[] = {
      {"We note your response to prior comment 3.", {3}, "prior comment N"},
      {"We reissue our comment 1.", {1}, "our comment N"},
      {"Refer to previous comments 2 and 4.", {2, 4}, "two numbers"},
      {"See prior comments 1, 2 and 5.", {1, 2, 5}, "three numbers"},
      {"See prior comment no. 7.", {7}, "comment no. N"},
      {"See Prior Comment Number 2.", {2}, "case does not matter"},
      {"See our earlier comment #6.", {6}, "comment #N"},
      {"Refer to prior comments 3 and 3.", {3}, "repeated number kept once"},
      {"Refer to prior comment 2. See also original comment 5.", {2, 5}, "two mentions"},
      {"Refer to our comments 0.", {}, "trap: 0 is no comment number"},
      {"We note your response to comment 3.", {3}, "your response to comment N"},
      {"Refer to prior comment number three.", {3}, "spelled-out number"},
      {"We reissue comment 4.", {4}, "reissue comment N"},
      {"Comment 6 is reissued.", {6}, "comment N is reissued"},
      {"See our prior comments two and seventeen.", {2, 17}, "two spelled-out numbers"},
      {"See comment 3 of our letter dated May 1, 2020.", {3}, "comment N of our letter"},
      {"We note your response to our letter.", {}, "trap: a response to a letter, no number"},
      {"Refer to Note 3 and comment 2 below.", {}, "trap: comment N without a cue"},
      {"Your response to comment letter 5 ...", {}, "trap: 'comment letter' is no number"},
      {"Our comments in the letter of March 2 stand.", {}, "trap: no number"},
  };
  for (const PriorRefsRow& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    EXPECT_EQ(PriorRefs(r.input), r.expected);
  }
}

// The letter date a reference names, for the linker to pick that letter.
TEST(SegmentDecisions, PriorRefDates) {
  using D = std::optional<Date>;
  struct Row {
    std::string input;
    std::vector<PriorRef> expected;
    const char* why;
  };
  const Row rows[] = {
      {"Refer to comment 3 of our letter dated May 22, 2024.",
       {{3, Date::ParseLong("May 22, 2024")}},
       "comment N of our letter dated D"},
      {"We note your response to prior comment 4 in our letter dated June 1, 2020 and reissue it.",
       {{4, Date::ParseLong("June 1, 2020")}},
       "prior comment N in our letter dated D"},
      {"See prior comments 2 and 4 of the staff's letter of March 3, 2019.",
       {{2, Date::ParseLong("March 3, 2019")}, {4, Date::ParseLong("March 3, 2019")}},
       "a date applies to every number of the list"},
      {"We note your response to prior comment 3. Your Form 10-K filed May 1, 2020 ...",
       {{3, D()}},
       "trap: a later sentence's filing date is no letter date"},
      {"See prior comment 1. Refer also to comment 1 of our letter dated May 2, 2021.",
       {{1, Date::ParseLong("May 2, 2021")}},
       "a number mentioned twice takes the date one mention names"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(std::string(r.why) + ": " + r.input);
    EXPECT_EQ(FindPriorRefs(r.input), r.expected);
  }
}

// --- LooksLikeStaffLetter / ClassifyLetter -------------------------------------------------

std::vector<Block> Blocks(const std::vector<std::string>& texts) {
  std::vector<Block> out;
  for (const std::string& t : texts) out.push_back(Para(t));
  return out;
}

// A paragraph of n bytes that says nothing the cues look for.
std::string Filler(size_t n) {
  std::string s;
  while (s.size() < n) s += "The segment reported higher sales in the period. ";
  return s;
}

struct StaffLetterRow {
  std::vector<std::string> blocks;
  bool expected;
  const char* why;
};

TEST(SegmentDecisions, LooksLikeStaffLetter) {
  const StaffLetterRow rows[] = {
      {{"Division of Corporation Finance",
        "Dear Mr. Smith:", "We have reviewed your filing and have the following comments."},
       true,
       "division + we have reviewed"},
      {{"Mail Stop 4561", "July 3, 2007", "Dear Mr. Smith:"}, true, "a mail stop alone"},
      {{"Office of Trade & Services", "We have completed our review of your filing."},
       true,
       "office + completed our review"},
      {{"Dear Mr. Smith:", "Please tell us how you considered the guidance.", "Sincerely,",
        "/s/ Jane Doe", "Division of Corporation Finance"},
       true,
       "signed by the Division"},
      {{"Division of Corporation Finance", "Securities and Exchange Commission",
        "Dear Ms. Doe:", "In response to the Staff's comments, we have reviewed the filing.",
        "Sincerely,", "John Smith, Chief Financial Officer"},
       false,
       "trap: a company response addressed to the Division that says we have reviewed"},
      {{"Division of Corporation Finance",
        "Dear Ms. Doe:", "On behalf of the Company, we submit the following."},
       false,
       "company voice"},
      {{"Office of Manufacturing", "Dear Mr. Smith:", "Thank you for your letter."},
       false,
       "an office alone is not enough"},
      {{"July 9, 2008", "Mr. H. Christopher Owings", "Division of Corporation Finance",
        "Securities and Exchange Commission", "Mail Stop 3561", "Washington, D.C. 20549",
        "Dear Mr. Owings:", "We are in receipt of your letter dated June 26, 2008."},
       false,
       "a letter addressed to the Commission below its date is the company's, Mail Stop or not"},
      {{"June 28, 2016", "Mail Stop 4720", "John C. Gerspach", "Citigroup Inc.",
        "Re: Citigroup Inc.",
        "Dear Mr. Gerspach:", "We have reviewed your filing and have the following comments.",
        "1. We acknowledge your revised disclosures in response to comment 1 of our letter."},
       true,
       "a staff letter's Mail Stop below the date; the staff speak of responses to comments too"},
      {{"SECURITIES AND EXCHANGE COMMISSION", "Dear Mr. Lindqvist:", "Offer to Purchase",
        "1. Please revise the offer to state the expiration time.",
        "We remind you that the bidders are responsible for the accuracy and adequacy of their "
        "disclosures, notwithstanding any review by the staff.",
        "Sincerely,", "/s/ Perry Hindin", "Special Counsel"},
       true,
       "the Office of Mergers and Acquisitions reminds the filing persons"},
      {{"SECURITIES AND EXCHANGE COMMISSION", "Dear Mr. Lindqvist:", "Offer to Purchase",
        "1. Please revise the offer to state the expiration time.", "Sincerely,",
        "/s/ Perry Hindin", "Special Counsel", "Office of Mergers and Acquisitions"},
       true,
       "the Office of Mergers and Acquisitions signs"},
  };
  for (const StaffLetterRow& r : rows) {
    SCOPED_TRACE(r.why);
    EXPECT_EQ(LooksLikeStaffLetter(Blocks(r.blocks)), r.expected);
  }
}

struct KindRow {
  std::vector<std::string> blocks;
  bool staff;
  size_t items;
  LetterKind expected;
  const char* why;
};

std::string KindName(LetterKind k) { return LetterKindName(k); }

TEST(SegmentDecisions, ClassifyLetter) {
  const std::string head = "Re: Acme Inc. Form 10-K for the Fiscal Year Ended December 31, 2022";
  const KindRow rows[] = {
      // Staff letters.
      {{head, "Dear Mr. Smith:", "We have reviewed your filing and have the following comments.",
        "1. Please tell us how you considered ASC 606.", "2. Please revise your MD&A."},
       true,
       2,
       LetterKind::kCommentLetter,
       "staff letter with numbered comments"},
      {{head, "Dear Mr. Smith:",
        "We have completed our review of your filing. We remind you that the company and its "
        "management are responsible for the accuracy of their disclosures."},
       true,
       0,
       LetterKind::kClosing,
       "we have completed our review"},
      {{head, "Dear Mr. Smith:",
        "We have reviewed your registration statement and have the following comments.",
        "1. " + Filler(1600), "2. Please file the exhibit.", "3. Please revise.",
        "We will consider a written request for acceleration of the effective date. Please "
        "allow adequate time after we have completed our review of any amendment."},
       true,
       3,
       LetterKind::kCommentLetter,
       "trap: 'completed our review' in the closing boilerplate, after the opening"},
      {{head, "Dear Mr. Smith:",
        "This is to advise you that we have not reviewed and will not review your registration "
        "statement."},
       true,
       0,
       LetterKind::kNoReview,
       "will not review"},
      {{head, "Dear Mr. Smith:",
        "Please tell us how you determined that the Company is not an investment company.",
        "You may contact Jane Doe at (202) 551-3456 with any questions."},
       true,
       0,
       LetterKind::kCommentLetter,
       "one unnumbered comment that asks, without 'we have reviewed'"},
      {{"Re: Acme Inc. Form 10-K Exhibits 10.1 and 10.2", "Dear Mr. Smith:",
        "We have concluded our assessment of your redacted exhibits. We did not identify any "
        "issues."},
       true,
       0,
       LetterKind::kClosing,
       "redacted-exhibit assessment concluded"},
      {{"Re: Acme Inc. Form 10-K Exhibits 10.1 and 10.2", "Dear Mr. Smith:",
        "We are assessing your redacted exhibits. We will notify you in writing that we have "
        "concluded our assessment.",
        "Please contact the staff member listed below with any questions."},
       true,
       0,
       LetterKind::kCommentLetter,
       "trap: 'that we have concluded' is a promise, and the letter asks for contact"},
      {{head, "Dear Mr. Smith:", "This letter confirms receipt of your filing fee."},
       true,
       0,
       LetterKind::kOther,
       "staff letter that neither comments nor closes"},
      // Company letters.
      {{head, "Dear Ms. Doe:",
        "Set forth below are the responses of Acme Inc. to the comments of the Staff in its "
        "letter dated January 5, 2023.",
        "1. Please tell us how you considered ASC 606.", "Response: We considered it."},
       false,
       1,
       LetterKind::kResponse,
       "numbered response"},
      {{"Re: Acme Inc. Registration Statement on Form S-1 (File No. 333-123456)", "Dear Ms. Doe:",
        "Pursuant to Rule 461 under the Securities Act, the Registrant hereby requests that the "
        "effective date of the Registration Statement be accelerated to 4:00 p.m. on May 5, "
        "2023."},
       false,
       0,
       LetterKind::kAccelerationRequest,
       "Rule 461 acceleration request"},
      {{"Re: Acme Trust Registration Statement on Form S-3", "Dear Ms. Doe:",
        "The Registrants hereby request acceleration of the effective date of the Registration "
        "Statement pursuant to Rule 461.",
        "1. The Registrants have not entered into any underwriting agreement.",
        "2. The Registrants are aware of their obligations under the Securities Act."},
       false,
       2,
       LetterKind::kAccelerationRequest,
       "trap: numbered representations that answer no comment"},
      {{"Re: Acme Trust Registration Statement on Form S-3", "Dear Ms. Doe:",
        "Pursuant to Rule 461, the Registrants request that the Registration Statement be "
        "declared effective at 4:00 p.m. on June 1, 2023.",
        "1. The Registrants acknowledge that Staff comments do not foreclose Commission action.",
        "2. The Registrants have not entered into any agreement."},
       false,
       2,
       LetterKind::kAccelerationRequest,
       "trap: numbered representations mentioning comments, acceleration in the opening"},
      {{head, "Dear Ms. Doe:",
        "The Company is finalizing its response to the Staff's comment letter dated February 10, "
        "2023 and will submit it by March 10, 2023."},
       false,
       0,
       LetterKind::kExtensionRequest,
       "extension request without 'extension'"},
      {{head, "Dear Ms. Doe:",
        "This letter confirms the call in which the Staff agreed the Company will respond no "
        "later than May 2, 2023."},
       false,
       0,
       LetterKind::kExtensionRequest,
       "a call that agreed a later date"},
      {{head,
        "Dear Ms. Doe:", "We are requesting that our response date be moved to March 29, 2023."},
       false,
       0,
       LetterKind::kExtensionRequest,
       "asks that the response date be moved, without 'extension'"},
      {{head, "Dear Ms. Doe:",
        "We respectfully request an extension of time to respond to the Staff's comment letter "
        "until April 14, 2023."},
       false,
       0,
       LetterKind::kExtensionRequest,
       "plain extension request"},
      {{head, "Dear Ms. Doe:",
        "This responds to your letter of September 2, 2022 regarding the Company's definitive "
        "proxy statement. The Company confirms that it will enhance its future proxy "
        "disclosures as requested."},
       false,
       0,
       LetterKind::kResponse,
       "narrative response with an undertaking"},
      {{head, "Dear Ms. Doe:",
        "In response to the Staff's comment, the Company will revise its disclosure in the Form "
        "10-K it expects to file on or before March 1, 2024.",
        Filler(2600)},
       false,
       0,
       LetterKind::kResponse,
       "trap: a long narrative response that names a date for a later filing"},
      {{"Re: Acme Inc. Registration Statement on Form S-1", "Dear Ms. Doe:",
        "Enclosed for filing on behalf of Acme Inc. is Amendment No. 1 to the Registration "
        "Statement on Form S-1, marked to show changes."},
       false,
       0,
       LetterKind::kOther,
       "cover letter for a filing"},
  };
  for (const KindRow& r : rows) {
    SCOPED_TRACE(r.why);
    EXPECT_EQ(KindName(ClassifyLetter(Blocks(r.blocks), r.staff, r.items)), KindName(r.expected));
  }
}

// --- ReadLetterHead -----------------------------------------------------------------------

// A reference as one line: "10-K period=2006-12-31 filed=2007-02-23 files=001-09924".
std::string RefLine(const Reference& r) {
  std::string s = r.form;
  if (r.period) s += " period=" + r.period->ToIso();
  if (r.filed) s += " filed=" + r.filed->ToIso();
  s += " files=";
  for (size_t i = 0; i < r.file_numbers.size(); ++i) s += (i ? "," : "") + r.file_numbers[i];
  return s;
}

struct HeadRow {
  std::vector<std::string> blocks;
  bool staff;
  std::string date;  // ISO, "" for none
  std::string company;
  std::string addressee;
  std::vector<std::string> references;  // RefLine of each
  size_t body_start;
  const char* why;
};

TEST(SegmentDecisions, ReadLetterHead) {
  const HeadRow rows[] = {
      {{"Mail Stop 4561", "July 3, 2007", "John Smith", "Chief Financial Officer", "Acme Inc.",
        "Re: Acme Inc.", "Form 10-K for Fiscal Year Ended December 31, 2006",
        "Filed February 23, 2007", "File No. 001-09924",
        "Dear Mr. Smith:", "We have reviewed your filing."},
       true,
       "2007-07-03",
       "Acme Inc.",
       "John Smith",
       {"10-K period=2006-12-31 filed=2007-02-23 files=001-09924"},
       10,
       "staff letter: mail stop, date, address block, Re: block"},
      {{"January 5, 2020", "Division of Corporation Finance", "Securities and Exchange Commission",
        "100 F Street, N.E.", "Washington, D.C. 20549",
        "Re: Marsh & McLennan Companies, Inc. (\u201cMMC\u201d)",
        "Form 10-K for the Fiscal Year Ended December 31, 2019", "Filed February 20, 2020",
        "File No. 001-05998", "Dear Ms. Doe:", "We respond to the Staff's comments."},
       false,
       "2020-01-05",
       "Marsh & McLennan Companies, Inc.",
       "Division of Corporation Finance",
       {"10-K period=2019-12-31 filed=2020-02-20 files=001-05998"},
       10,
       "company letter: defined term after the name dropped, addressed to the Division"},
      {{"February 28, 2022", "VIA EDGAR", "Securities and Exchange Commission",
        "Re:", "Regarding Weyerhaeuser Company",
        "Form 10-K for the Fiscal Year Ended December 31, 2021 Filed February 18, 2022",
        "File No. 1-4825", "Ladies and Gentlemen:"},
       false,
       "2022-02-28",
       "Weyerhaeuser Company",
       "Securities and Exchange Commission",
       {"10-K period=2021-12-31 filed=2022-02-18 files=1-4825"},
       8,
       "company letter: bare Re: and the company on a Regarding line"},
      {{"June 5, 2009", "Mr. John Doe", "Citigroup Inc.", "Re: Citigroup Inc. (CIK No. 0000831001)",
        "Form 10-K for the Fiscal Year Ended December 31, 2008", "Filed February 27, 2009",
        "Form 10-Q for the Quarterly Period Ended March 31, 2009", "Filed May 11, 2009",
        "File No. 001-09924", "Dear Mr. Doe:"},
       true,
       "2009-06-05",
       "Citigroup Inc.",
       "Mr. John Doe",
       {"10-K period=2008-12-31 filed=2009-02-27 files=001-09924",
        "10-Q period=2009-03-31 filed=2009-05-11 files=001-09924"},
       10,
       "staff letter: CIK note dropped, two forms, the file number for both"},
      {{"June 5,", "2009", "Mr. John Doe", "Re: Acme Inc.", "Dear Mr. Doe:"},
       true,
       "2009-06-05",
       "Acme Inc.",
       "Mr. John Doe",
       {},
       5,
       "trap: a date split over two lines is the date, not the addressee"},
      {{"UNITED STATES", "SECURITIES AND EXCHANGE COMMISSION", "WASHINGTON, D.C. 20549",
        "DIVISION OF", "CORPORATION FINANCE", "October 3, 2008", "Mr. Robert Halvorsen",
        "Pemberton Industries, Inc.", "RE: PEMBERTON INDUSTRIES, INC.",
        "FORM 10-K FOR THE FISCAL YEAR ENDED DECEMBER 31, 2007", "FILED MARCH 12, 2008",
        "FILE NO. 1-09876", "Dear Mr. Halvorsen:"},
       true,
       "2008-10-03",
       "PEMBERTON INDUSTRIES, INC.",
       "Mr. Robert Halvorsen",
       {"10-K period=2007-12-31 filed=2008-03-12 files=1-09876"},
       13,
       "trap: the staff's letterhead set line by line is no addressee; a Re: block in capitals"},
  };
  for (const HeadRow& r : rows) {
    SCOPED_TRACE(r.why);
    LetterHead head = ReadLetterHead(Blocks(r.blocks), r.staff);
    EXPECT_EQ(head.date ? head.date->ToIso() : "", r.date);
    EXPECT_EQ(head.company, r.company);
    EXPECT_EQ(head.addressee, r.addressee);
    std::vector<std::string> refs;
    for (const Reference& ref : head.references) refs.push_back(RefLine(ref));
    EXPECT_EQ(refs, r.references);
    EXPECT_EQ(head.body_start, r.body_start);
    EXPECT_TRUE(head.has_salutation);
  }
}

// RE2 is linear, so the head reads its lines whole (std::regex recursed per character; a Re:
// line was cut at 200 bytes for it): a 60,000-character word is read like any other text.
TEST(SegmentDecisions, ReadLetterHeadLongWord) {
  std::string word(60000, 'x');
  LetterHead head = ReadLetterHead(
      Blocks({"July 3, 2007", "Re: Acme Inc. Form 10-K " + word + " File No. 001-09924",
              "Dear Mr. Smith:"}),
      true);
  EXPECT_EQ(head.company, "Acme Inc.");
  ASSERT_EQ(head.references.size(), 1u);
  EXPECT_EQ(RefLine(head.references[0]), "10-K files=001-09924");
  EXPECT_TRUE(ParseReferences("Re: " + word + " " + word).empty());
}

}  // namespace
}  // namespace corresp
