// Crafted letters, one per trap seen in the corpus. Each test names the trap it pins.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "indexer/extract/extract.h"
#include "indexer/extract/lines.h"
#include "indexer/segment/segment.h"

namespace corresp {
namespace {

Letter Html(const std::string& body, const char* form = "CORRESP") {
  std::string html = "<html><body>" + body + "</body></html>";
  return ExtractLetter({html, "letter.htm", std::string(form)});
}

Letter Text(const std::string& text, const char* form = "UPLOAD") {
  return ExtractLetter({text, "letter.txt", std::string(form)});
}

const char* kResponseHead =
    "<p>January 5, 2020</p><p>Division of Corporation Finance</p><p>Re: Acme Inc.</p>"
    "<p>Dear Ms. Smith:</p><p>We respond to the comments of the Staff in its letter dated "
    "December 20, 2019.</p>";

const char* kStaffHead =
    "Mail Stop 4561\n\nJuly 3, 2007\n\nJohn Smith\nChief Financial Officer\nAcme Inc.\n\n"
    "Re: Acme Inc.\nForm 10-K for Fiscal Year Ended December 31, 2006\nFiled February 23, 2007\n"
    "File No. 001-09924\n\nDear Mr. Smith:\n\nWe have reviewed your filing and have the "
    "following comments.\n\n";

TEST(ExtractTraps, NumberWithoutSpace) {  // "1.We note" (CHRW response)
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>General</b></p><p>1.We note your revenue.</p><p>Response:</p>"
                  "<p>We advise the Staff.</p><p>2.Please tell us more.</p>"
                  "<p>Response: Done.</p><p>Sincerely,</p><p>Jane</p>");
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].number, 1);
  EXPECT_EQ(l.responses[0].comment_text, "We note your revenue.");
  EXPECT_EQ(l.responses[0].text, "We advise the Staff.");
  EXPECT_EQ(l.responses[1].text, "Done.");
  EXPECT_EQ(l.responses[1].headings, std::vector<std::string>{"General"});
}

// A reply that restates its comments as items of ordered lists (<ol start="2"><li>): the
// browser prints "1." and "2.", which the HTML text lacks. A lettered list inside an answer
// (type="a") stays inside it; <li value="3"> numbers a list of its own.
TEST(ExtractTraps, OrderedListItemsCarryTheirPrintedNumbers) {
  Letter l =
      Html(std::string(kResponseHead) +
           "<p><u>Liquidity, page 30</u></p><ol><li><b>Please quantify the factors "
           "that caused revenue to increase.</b></li></ol><p>Response: We will "
           "quantify them:</p><ol type=\"a\"><li>volume;</li><li>price.</li></ol>"
           "<p><u>Note 2. Revenue, page 60</u></p><ol start=\"2\"><li><b>Please "
           "disaggregate revenue.</b></li></ol><p>Response: We will disaggregate revenue.</p>"
           "<ol><li value=\"3\"><b>Please tell us about returns.</b></li></ol>"
           "<p>Response: Returns are immaterial.</p>"
           "<ul><li>Bullet without a number.</li></ul><ul style=\"list-style: none\"><li>"
           "Hidden marker.</li></ul><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 3u);
  EXPECT_EQ(l.responses[0].number, 1);
  EXPECT_EQ(l.responses[0].comment_text,
            "Please quantify the factors that caused revenue to increase.");
  EXPECT_NE(l.responses[0].text.find("a. volume;"), std::string::npos);
  EXPECT_NE(l.responses[0].text.find("b. price."), std::string::npos);
  EXPECT_EQ(l.responses[1].number, 2);
  EXPECT_EQ(l.responses[1].headings, std::vector<std::string>{"Note 2. Revenue, page 60"});
  EXPECT_EQ(l.responses[2].number, 3);
  EXPECT_EQ(l.responses[2].comment_text, "Please tell us about returns.");
  EXPECT_EQ(l.responses[2].text.find("1."), std::string::npos);
  // An unordered list's items carry the bullet a browser prints, unless its style hides it.
  EXPECT_NE(l.responses[2].text.find("\u2022 Bullet without a number."), std::string::npos);
  EXPECT_NE(l.responses[2].text.find("\n\nHidden marker."), std::string::npos);
}

// LEN response: one unnumbered comment, "Response", then an answer holding a numbered list.
// The list is part of the answer, not six restated comments.
TEST(ExtractTraps, NumberedListInsideTheAnswerToAnUnnumberedComment) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>Investments, page 58</b></p><p>Please tell us why the awards are "
                  "equity.</p><p><b>Response</b></p><p>The awards meet none of these "
                  "conditions:</p><p>1. An award indexed to another factor.</p>"
                  "<p>2. An award within ASC 480.</p><p>3. A share award with a put.</p>"
                  "<p>We will expand our disclosure.</p><p>Sincerely,</p><p>Jane</p>");
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_FALSE(l.responses[0].number);
  EXPECT_EQ(l.responses[0].comment_text, "Please tell us why the awards are equity.");
  EXPECT_EQ(l.responses[0].headings, std::vector<std::string>{"Investments, page 58"});
  EXPECT_NE(l.responses[0].text.find("2. An award within ASC 480."), std::string::npos);
  EXPECT_NE(l.responses[0].text.find("We will expand our disclosure."), std::string::npos);
}

// Unnumbered comments, each under its heading and answered after a "Response:" label: one
// response per label, the comment between its headings and the label.
TEST(ExtractTraps, UnnumberedCommentsWithLabelledAnswers) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>Liquidity, page 40</b></p><p>Please explain the change in cash.</p>"
                  "<p>Response: Cash fell with working capital.</p><p>We will say so.</p>"
                  "<p><b>Note 2. Revenue</b></p><p>Please describe the credits.</p>"
                  "<p>Response: They are sold to refiners.</p><p>Very truly yours,</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].comment_text, "Please explain the change in cash.");
  EXPECT_EQ(l.responses[0].text, "Cash fell with working capital.\n\nWe will say so.");
  EXPECT_EQ(l.responses[1].headings, std::vector<std::string>{"Note 2. Revenue"});
  EXPECT_EQ(l.responses[1].comment_text, "Please describe the credits.");
  EXPECT_EQ(l.responses[1].text, "They are sold to refiners.");
}

// LEN response: a one-paragraph answer ending inside a closing quote (... income.”) is a
// sentence, not a heading above the next comment; the answer stays with its comment.
TEST(ExtractTraps, AnswerEndingInAQuoteIsNotAHeading) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><u>General</u></p><p>1. <i>You caption the total as other comprehensive "
                  "income. Please revise.</i></p><p>RESPONSE:</p><p>In future filings, we will "
                  "caption the line item \u201ctotal comprehensive income.\u201d</p>"
                  "<p><u>Summary</u></p><p>2. <i>We note your response.</i></p><p>RESPONSE:</p>"
                  "<p>Revised.</p><p>Sincerely,</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_NE(l.responses[0].text.find("In future filings"), std::string::npos);
  EXPECT_EQ(l.responses[1].headings, std::vector<std::string>{"Summary"});
}

// MMC / WY / LEN responses: the company on the line after a bare "Re:", after a "Comment
// Letter Dated" line as "Regarding X", or followed by a defined term or a CIK note.
TEST(ExtractTraps, CompanyNamedOnLaterReLines) {
  auto company = [](const std::string& re_block) {
    return Html("<p>January 5, 2020</p><p>Division of Corporation Finance</p>" + re_block +
                "<p>Dear Ms. Smith:</p><p>1. Please revise.</p><p>Response: Done.</p>"
                "<p>Sincerely,</p>")
        .company;
  };
  EXPECT_EQ(company("<p>Re:</p><p>Marsh &amp; McLennan Companies, Inc. (\u201cMMC\u201d)</p>"
                    "<p>Form 10-K for the Fiscal Year Ended December 31, 2015</p>"),
            "Marsh & McLennan Companies, Inc.");
  EXPECT_EQ(company("<p>Re:</p><p>Comment Letter Dated March 16, 2016</p><p>Regarding "
                    "Weyerhaeuser Company</p><p>Form 10-K for the fiscal year ended</p>"),
            "Weyerhaeuser Company");
  EXPECT_EQ(company("<p>Re: Lennar Corporation (CIK No. 0000920760) (the \u201cRegistrant\u201d)"
                    "</p>"),
            "Lennar Corporation");
  EXPECT_EQ(company("<p>Re: Response to the letter to Harris Corporation on December 14, 2018 "
                    "(the \u201cLetter\u201d</p>"),
            "")
      << "a sentence about a letter names no company";
}

// Staff PDFs: the MD&A caption runs to the right margin, so its next line (the sub-heading)
// was joined to it into one heading. A standard section caption is a heading of its own.
TEST(ExtractTraps, SectionCaptionIsItsOwnHeading) {
  Letter l = Text(std::string(kStaffHead) +
                  "Management's Discussion and Analysis of Financial Condition and Results of "
                  "Operations\nConsolidated Results - Full Year Ended December 31, 2023, page "
                  "29\n\n1. Please quantify the factors you cite.\n\nYou may contact me.\n");
  ASSERT_EQ(l.comments.size(), 1u);
  EXPECT_EQ(l.comments[0].headings,
            (std::vector<std::string>{
                "Management's Discussion and Analysis of Financial Condition and Results of "
                "Operations",
                "Consolidated Results - Full Year Ended December 31, 2023, page 29"}));
  EXPECT_TRUE(
      IsSectionCaption("Item 7. Management\u2019s Discussion and Analysis of Financial "
                       "Condition and Results of Operations"));
  EXPECT_TRUE(IsSectionCaption("RISK FACTORS"));
  EXPECT_FALSE(
      IsSectionCaption("Management's Discussion and Analysis of Financial Condition and "
                       "Results of Operations (\u201cMD&A\u201d)"));
  EXPECT_FALSE(IsSectionCaption("Risk Factors, page 12"));
}

// A later comment under a new section of the same filing keeps the filing's heading on top
// of its path ("Form 10-K ... > Notes to Financial Statements > Note 19 ...").
TEST(ExtractTraps, FilingHeadingStaysAboveNewSections) {
  Letter l = Text(std::string(kStaffHead) +
                  "Form 10-K for the Fiscal Year Ended December 31, 2006\n\nRisk Factors, page "
                  "12\n\n1. Please expand this risk factor.\n\nNotes to Financial "
                  "Statements\nNote 19. Income Taxes, page 98\n\n2. Please explain the rate."
                  "\n\nYou may contact me.\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[1].headings,
            (std::vector<std::string>{"Form 10-K for the Fiscal Year Ended December 31, 2006",
                                      "Notes to Financial Statements",
                                      "Note 19. Income Taxes, page 98"}));
}

// A two-column table of comments and answers ("Staff Comment" | "Company Response"): each row
// is the numbered restated comment and its answer; a table of contents' row is not.
TEST(ExtractTraps, CommentAndAnswerInTwoColumns) {
  auto row = [](const std::string& left, const std::string& right) {
    return "<tr><td><p>" + left + "</p></td><td><p>" + right + "</p></td></tr>";
  };
  Letter l =
      Html(std::string(kResponseHead) + "<table>" + row("Staff Comment", "Company Response") +
           row("1. Please discuss the expected impact of the expansion on liquidity.",
               "We expect remaining capital expenditures of about $18.5 million.") +
           row("2. Please tell us why your LIFO reserve decreased during the quarter.",
               "Our interim LIFO provision is based on estimated year-end levels.") +
           "</table><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].number, 1);
  EXPECT_EQ(l.responses[0].comment_text,
            "Please discuss the expected impact of the expansion on liquidity.");
  EXPECT_EQ(l.responses[0].text,
            "We expect remaining capital expenditures of about $18.5 million.");
  EXPECT_EQ(l.responses[1].text,
            "Our interim LIFO provision is based on estimated year-end levels.");
}

TEST(ExtractTraps, NumberInItsOwnTableCell) {  // MU response: "1." | "<b>comment</b>"
  Letter l = Html(std::string(kResponseHead) +
                  "<table><tr><td>1.</td><td><b>We note your revenue.</b></td></tr></table>"
                  "<p>Response: We agree.</p>"
                  "<table><tr><td>2.</td><td><b>Please expand.</b></td></tr></table>"
                  "<p>Response: We will.</p><p>Very truly yours,</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].comment_text, "We note your revenue.");
  EXPECT_EQ(l.responses[1].number, 2);
  EXPECT_EQ(l.responses[1].text, "We will.");
}

// The same with the comment in italics over two paragraphs and no response label (eBay,
// Ciena): the row is as italic as most of its text, so both paragraphs are the restated
// comment and the plain paragraph after them is the answer.
TEST(ExtractTraps, ItalicCommentBesideAPlainNumberCell) {
  Letter l = Html(std::string(kResponseHead) +
                  "<table><tr><td>1.</td><td><i>We note your letter about sanctions and the "
                  "countries named in it.</i></td></tr></table>"
                  "<p><i>Please describe your contacts with those countries.</i></p>"
                  "<p>We have no contacts with them.</p><p>Very truly yours,</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].comment_text,
            "We note your letter about sanctions and the countries named in it.\n\n"
            "Please describe your contacts with those countries.");
  EXPECT_EQ(l.responses[0].text, "We have no contacts with them.");
}

TEST(ExtractTraps, FootnoteMarkersAreNotItems) {  // Citi response: "Sudan1" / "1 While this"
  Letter l = Html(std::string(kResponseHead) +
                  "<p>1. Please describe your contacts with Sudan.</p>"
                  "<p>Citi has no contacts with Sudan<sup>1</sup>.</p>"
                  "<p>1 While this response covers 2019, it also covers 2018.</p>"
                  "<p>2. Please discuss materiality.</p><p>The contacts are not material.</p>"
                  "<p>If you have any questions, please call.</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_NE(l.responses[0].text.find("While this response"), std::string::npos);
  EXPECT_EQ(l.responses[1].comment_text, "Please discuss materiality.");
}

TEST(ExtractTraps, NumberedHeadingInProposedDisclosure) {  // "2. SEGMENT AND RELATED ..."
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>1. Please revise your segment note.</b></p>"
                  "<p>Response: We propose the following disclosure:</p>"
                  "<p>2. SEGMENT AND RELATED INFORMATION</p><p>The Company has two segments.</p>"
                  "<p><b>2. Please tell us about goodwill.</b></p><p>Response: No impairment.</p>"
                  "<p>Sincerely,</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_NE(l.responses[0].text.find("SEGMENT AND RELATED"), std::string::npos);
  EXPECT_EQ(l.responses[1].comment_text, "Please tell us about goodwill.");
}

TEST(ExtractTraps, LetteredItemsQuotedFromAscAreNotComments) {  // CIEN response: "a)" "b)"
  Letter l = Html(std::string(kResponseHead) +
                  "<p>1. Tell us how you applied ASC 470-50.</p>"
                  "<p>ASC 470-50-40-10 states that a modification is substantial if:</p>"
                  "<p>a) the present value differs by 10 percent;</p>"
                  "<p>b) the embedded conversion option changed.</p>"
                  "<p>Ciena advises the Staff that neither applies.</p><p>Sincerely,</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_NE(l.responses[0].text.find("b) the embedded"), std::string::npos);
}

TEST(ExtractTraps, InnerNumberedListIsNotTheNextComment) {  // STE response 3's own list
  Letter l = Html(std::string(kResponseHead) +
                  "<p>1. Please explain your revenue.</p><p>Response: Revenue comes from:</p>"
                  "<p>1. Product sales;</p><p>2. Services;</p><p>3. Licences.</p>"
                  "<p>2. Please explain your costs.</p><p>Response: Costs are fixed.</p>"
                  "<p>Sincerely,</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[1].comment_text, "Please explain your costs.");
}

TEST(ExtractTraps, PageHeaderInsideCommentText) {  // staff PDFs: "Name / Company / Date / Page 2"
  Letter l = Text(std::string(kStaffHead) +
                  "Revenue Recognition, page 52\n\n1. We note that you recognize revenue when"
                  "\n\nJohn Smith\nAcme Inc.\nJuly 3, 2007\nPage 2\n\n"
                  "goods ship. Please tell us why.\n\n2. Please expand your disclosure.\n\n"
                  "We urge all persons who are responsible for the accuracy of the disclosure.\n\n"
                  "Sincerely,\n\nJane Doe\n");
  EXPECT_EQ(l.kind, LetterKind::kCommentLetter);
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].text,
            "We note that you recognize revenue when goods ship. Please tell us why.");
  EXPECT_EQ(l.comments[0].headings, std::vector<std::string>{"Revenue Recognition, page 52"});
  EXPECT_EQ(l.comments[0].page_ref, "page 52");
  EXPECT_EQ(l.comments[1].text, "Please expand your disclosure.");  // closing not appended
}

TEST(ExtractTraps, ClosingLetterHasNoComments) {
  Letter l = Text(std::string(kStaffHead).substr(0, std::string(kStaffHead).find("We have")) +
                  "We have completed our review of your filing. We remind you that the company "
                  "and its management are responsible for the accuracy of their disclosures.\n\n"
                  "1. This numbered line is not a comment.\n\nSincerely,\n");
  EXPECT_EQ(l.kind, LetterKind::kClosing);
  EXPECT_TRUE(l.comments.empty());
}

TEST(ExtractTraps, NoReviewLetterHasNoComments) {
  Letter l = Text(
      "October 8, 2020\n\nRe: Acme Inc.\nRegistration Statement on Form S-4\n\n"
      "Dear Mr. Smith:\n\nThis is to advise you that we have not reviewed and will "
      "not review your registration statement.\n\nPlease refer to Rules 460 and 461.\n");
  EXPECT_EQ(l.kind, LetterKind::kNoReview);
  EXPECT_TRUE(l.comments.empty());
}

TEST(ExtractTraps, ExtensionRequestHasNoComments) {
  Letter l = Html(
      "<p>January 9, 2024</p><p>Re: Acme Inc. Form 10-K</p><p>Dear Mr. Smith:</p>"
      "<p>We request an extension of the ten business day deadline to respond to the "
      "Staff's comment letter dated December 27, 2023.</p>"
      "<p>1. We expect to respond by January 26, 2024.</p><p>Sincerely,</p>");
  EXPECT_EQ(l.kind, LetterKind::kExtensionRequest);
  EXPECT_TRUE(l.comments.empty());
  EXPECT_TRUE(l.responses.empty());
}

TEST(ExtractTraps, AccelerationRequestHasNoComments) {
  Letter l = Html(
      "<p>October 14, 2020</p><p>Re: Acme Inc. Registration Statement on Form S-4"
      "</p><p>Ladies and Gentlemen:</p><p>Pursuant to Rule 461 under the Securities "
      "Act, the Company requests acceleration of the effective date to 4:00 p.m.</p>"
      "<p>In connection with this request, the Company acknowledges that:</p>"
      "<p>1. should the Commission declare the filing effective, it does not "
      "foreclose action;</p><p>2. the Company may not assert this.</p>"
      "<p>Very truly yours,</p>");
  EXPECT_EQ(l.kind, LetterKind::kAccelerationRequest);
  EXPECT_TRUE(l.responses.empty());
}

TEST(ExtractTraps, ResponseLabelVariants) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p>1. Staff's comment: Please revise the table.</p><p>Company Response:</p>"
                  "<p>We revised it.</p>"
                  "<p>2. Please explain the charge.</p><h3>Response</h3><p>It was one-off.</p>"
                  "<p><i>3. Please confirm the date.</i></p><p>We confirm the date.</p>"
                  "<p>Comment No. 4</p><p>Please file the exhibit.</p>"
                  "<p>Response to Comment No. 4</p><p>We filed it.</p><p>Sincerely,</p>");
  ASSERT_EQ(l.responses.size(), 4u);
  EXPECT_EQ(l.responses[0].comment_text, "Please revise the table.");
  EXPECT_EQ(l.responses[0].text, "We revised it.");
  EXPECT_EQ(l.responses[1].text, "It was one-off.");
  EXPECT_EQ(l.responses[2].comment_text, "Please confirm the date.");  // unlabelled, italic
  EXPECT_EQ(l.responses[2].text, "We confirm the date.");
  EXPECT_EQ(l.responses[3].comment_text, "Please file the exhibit.");
  EXPECT_EQ(l.responses[3].text, "We filed it.");
}

TEST(ExtractTraps, UnnumberedCommentLabels) {  // "Comment: ... Response:" without numbers
  Letter l = Html(std::string(kResponseHead) +
                  "<p>Comment: Please revise the table.</p><p>Response: We revised it.</p>"
                  "<p>Comment: Please explain the charge.</p><p>Response: It was one-off.</p>"
                  "<p>Sincerely,</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_FALSE(l.responses[0].number);
  EXPECT_EQ(l.responses[1].comment_text, "Please explain the charge.");
  EXPECT_EQ(l.responses[1].text, "It was one-off.");
}

TEST(ExtractTraps, NarrativeResponseIsOneUnnumberedResponse) {  // ADM response
  Letter l = Html(std::string(kResponseHead) +
                  "<p>Our subsidiaries sell grain to private parties in Sudan.</p>"
                  "<p>These sales are not material.</p><p>Sincerely,</p>");
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_FALSE(l.responses[0].number);
  EXPECT_EQ(l.responses[0].comment_text, "");
  EXPECT_NE(l.responses[0].text.find("not material"), std::string::npos);
  bool noted = false;
  for (const auto& i : l.issues) noted = noted || i.find("narrative") != std::string::npos;
  EXPECT_TRUE(noted);
}

// The reply's own introduction is not the restated comment of its first "Response:" label: a
// supplemental reply that restates nothing is narrative (TAP 0001104659-16-118362), and a
// comment restated right after the introduction starts after it.
TEST(ExtractTraps, IntroductionAboveFirstResponseLabelIsNoComment) {
  Letter supplemental = Html(
      std::string(kResponseHead) +
      "<p>The Company respectfully submits this supplemental response to the comment letter of "
      "the Staff dated March 28, 2016.</p><p>Supplemental Response:</p>"
      "<p>We will remove the measure from our filings.</p><p>Sincerely,</p>");
  ASSERT_EQ(supplemental.responses.size(), 1u);
  EXPECT_EQ(supplemental.responses[0].comment_text, "");
  EXPECT_EQ(supplemental.responses[0].text, "We will remove the measure from our filings.");

  Letter restated = Html(std::string(kResponseHead) +
                         "<p>We respond below to the Staff's comment letter dated May 1.</p>"
                         "<p>Please revise the table to show each segment.</p>"
                         "<p>Response: We revised it.</p><p>Sincerely,</p>");
  ASSERT_EQ(restated.responses.size(), 1u);
  EXPECT_EQ(restated.responses[0].comment_text, "Please revise the table to show each segment.");
}
// A reply answering comments 1, 2 and 4 only, with no "Response:" labels: the restated
// comments are set in italics and each is answered in the company's voice (N12 of round 15).
TEST(ExtractTraps, PartialReplyAnsweredInTheCompanysVoice) {
  const std::string comments =
      "<p><i>1. Please disclose how you define total payment volume.</i></p>"
      "<p>The Company defines it as the value of payments processed.</p>"
      "<p><i>2. Please explain the increase in transaction losses.</i></p>"
      "<p>The increase came from two merchants. The Company will say so in future filings.</p>"
      "<p><b>Form 8-K Furnished February 24, 2021</b></p>";
  Letter partial = Html(std::string(kResponseHead) + comments +
                        "<p><i>4. Please present the comparable GAAP measures first.</i></p>"
                        "<p>The Company will present them first.</p><p>Sincerely,</p>");
  ASSERT_EQ(partial.responses.size(), 3u);
  EXPECT_EQ(partial.responses[2].number, 4);
  EXPECT_EQ(partial.responses[2].text, "The Company will present them first.");

  // Trap: an italic "4." right below comment 2, before any answer, is no restated comment.
  Letter unanswered =
      Html(std::string(kResponseHead) + comments.substr(0, comments.find("<p>The increase")) +
           "<p><i>4. Please present the comparable GAAP measures first.</i></p>"
           "<p>The Company will present them first.</p><p>Sincerely,</p>");
  ASSERT_EQ(unanswered.responses.size(), 2u);
}

// A numbered list inside an item (quoted disclosure, or the list of an answer) that reaches
// n-1 leaves the next item its number: quoted lines "1." to "3." in comment 1 (g06 of round
// 16), and an answer's "1." to "3." before a reply's bold restated comment 4 (g16).
TEST(ExtractTraps, QuotedListLeavesTheNextCommentItsNumber) {
  Letter quoted = Text(std::string(kStaffHead) +
                       "1. We note the following disclosure regarding your strategy:\n\n"
                       "\u201cOur strategy is to:\n\n1. acquire hotels in the top markets;\n\n"
                       "2. reposition underperforming assets; and\n\n"
                       "3. recycle capital from mature assets.\u201d\n\n"
                       "Please discuss your progress toward each element.\n\n"
                       "2. Please disclose the remaining terms of your ground leases.\n\n"
                       "3. Please tell us how you allocated the purchase price.\n\nSincerely,\n");
  ASSERT_EQ(quoted.comments.size(), 3u);
  EXPECT_EQ(quoted.comments[2].number, 3);
}

TEST(ExtractTraps, AnswersListLeavesTheNextRestatedCommentItsNumber) {
  Letter reply = Html(std::string(kResponseHead) +
                      "<p><b>3. Please tell us when you will recognize the milestone.</b></p>"
                      "<p>Response: The Company will recognize it upon the earliest of:</p>"
                      "<p>1. the announcement of approval;</p><p>2. the closing of the sale;"
                      "</p><p>3. the Company's decision to proceed.</p>"
                      "<p><b>4. Please file the license agreement as an exhibit.</b></p>"
                      "<p>Response: The Company will file it.</p><p>Sincerely,</p>");
  ASSERT_EQ(reply.responses.size(), 2u);
  EXPECT_EQ(reply.responses[1].number, 4);
}

// An unnumbered paragraph under "General" before comment 1 does not hide the captions above
// it (j05 of round 17; a real 2016 staff letter's "Note 2." above a paragraph of its own).
TEST(ExtractTraps, ParagraphBeforeTheFirstCommentKeepsItsCaptions) {
  Letter l = Text(std::string(kStaffHead) +
                  "Draft Registration Statement on Form S-1\n\nGeneral\n\n"
                  "We note that your draft registration statement omits the price range. Where "
                  "a comment below asks for information that depends on it, please provide it.\n\n"
                  "1. Please provide us with copies of all written communications.\n\n"
                  "Risk Factors, page 12\n\n2. Please add a risk factor.\n\nSincerely,\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].headings,
            (std::vector<std::string>{"Draft Registration Statement on Form S-1", "General"}));
  EXPECT_EQ(l.comments[1].headings,
            (std::vector<std::string>{"Draft Registration Statement on Form S-1",
                                      "Risk Factors, page 12"}));
}

TEST(ExtractTraps, PriorCommentReferences) {
  Letter l = Text(std::string(kStaffHead) +
                  "General\n\n1. We note your response to prior comment 3 and our comment 1. "
                  "Please revise.\n\nSincerely,\n");
  ASSERT_EQ(l.comments.size(), 1u);
  EXPECT_EQ(l.comments[0].prior_refs, (std::vector<int>{3, 1}));
}

TEST(ExtractTraps, ReBlockReferences) {
  Letter l = Text(std::string(kStaffHead) + "General\n\n1. Please revise.\n\nSincerely,\n");
  ASSERT_EQ(l.references.size(), 1u);
  EXPECT_EQ(l.references[0].form, "10-K");
  EXPECT_EQ(l.references[0].period->ToIso(), "2006-12-31");
  EXPECT_EQ(l.references[0].filed->ToIso(), "2007-02-23");
  EXPECT_EQ(l.references[0].file_numbers, std::vector<std::string>{"001-09924"});
  EXPECT_EQ(l.letter_date->ToIso(), "2007-07-03");
  EXPECT_EQ(l.addressee, "John Smith");
  EXPECT_EQ(l.company, "Acme Inc.");
}

// The letterhead's lines are nobody's name, however the Division and the ZIP code are printed
// ("WASHINGTON, D.C. 20549-7010", "DIVISION OF" / "INVESTMENT MANAGEMENT").
TEST(ExtractTraps, LetterheadLinesAreNoAddressee) {
  for (const char* division : {"CORPORATION FINANCE", "INVESTMENT MANAGEMENT"}) {
    Letter l = Text(std::string("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n"
                                "WASHINGTON, D.C. 20549-7010\n\nDIVISION OF\n") +
                    division +
                    "\n\nJuly 3, 2007\n\nJohn Smith\nChief Financial Officer\nAcme Inc.\n\n"
                    "Re: Acme Inc.\nForm 10-K for Fiscal Year Ended December 31, 2006\n\n"
                    "Dear Mr. Smith:\n\n1. Please revise.\n\nSincerely,\n");
    EXPECT_EQ(l.addressee, "John Smith") << division;
  }
}

TEST(ExtractTraps, Windows1252AndEntitiesDecoded) {
  std::string html =
      "<html><body><p>January 5, 2020</p><p>Dear Sir:</p><p>In response to "
      "the Staff\x92s comment letter:</p><p>1. Please define \x93"
      "EBITDA\x94.</p>"
      "<p>Response:&nbsp;We&#160;will &amp; do.</p><p>Sincerely,</p></body></html>";
  Letter l = ExtractLetter({html, "x.htm", std::string("CORRESP")});
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].comment_text, "Please define \u201cEBITDA\u201d.");
  EXPECT_EQ(l.responses[0].text, "We will & do.");
}

TEST(ExtractTraps, SgmlWrapperGivesForm) {
  std::string doc =
      "<DOCUMENT>\n<TYPE>CORRESP\n<SEQUENCE>1\n<FILENAME>filename1.htm\n<TEXT>\n"
      "<html><body><p>Dear Sir:</p><p>In response to the Staff's comments:</p>"
      "<p>1. Please revise.</p><p>Response: Done.</p></body></html>\n</TEXT>\n"
      "</DOCUMENT>\n";
  Letter l = ExtractLetter({doc, "filename1.htm", std::nullopt});
  EXPECT_EQ(l.form, "CORRESP");
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(l.responses.size(), 1u);
}

TEST(ExtractTraps, JsonHasExactlyTheDocumentedFields) {
  Letter l = Text(std::string(kStaffHead) + "General\n\n1. Please revise.\n\nSincerely,\n");
  nlohmann::json j = LetterToJson(l);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"addressee", "comments", "company", "file", "form", "issues",
                                      "kind", "letter_date", "named_dates", "office", "references",
                                      "responses", "staff_contacts"}));
  EXPECT_EQ(j["comments"][0]["number"], 1);
  EXPECT_EQ(j["comments"][0]["headings"][0], "General");
  EXPECT_TRUE(j["comments"][0]["page_ref"].is_null());
  EXPECT_EQ(j["references"][0]["file_numbers"][0], "001-09924");
  std::vector<std::string> ref_keys;
  for (auto it = j["references"][0].begin(); it != j["references"][0].end(); ++it)
    ref_keys.push_back(it.key());
  EXPECT_EQ(ref_keys, (std::vector<std::string>{"amendment", "draft", "file_numbers", "filed",
                                                "form", "period", "text"}));
  EXPECT_EQ(j["kind"], "comment_letter");
}

// Responses carry the headings the company letter prints above them (issue: responses carry
// headings too), beside number, restated comment and answer.
TEST(ExtractTraps, JsonResponsesCarryHeadings) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>Revenue Recognition, page 52</b></p><p>1. Please explain.</p>"
                  "<p>Response: We explain.</p><p>Sincerely,</p><p>Jane</p>");
  nlohmann::json r = LetterToJson(l)["responses"][0];
  std::vector<std::string> keys;
  for (auto it = r.begin(); it != r.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"comment_text", "headings", "number", "text"}));
  EXPECT_EQ(r["headings"][0], "Revenue Recognition, page 52");
  EXPECT_EQ(r["comment_text"], "Please explain.");
  EXPECT_EQ(r["text"], "We explain.");
}

TEST(ExtractTraps, GarbageNeverThrows) {
  for (std::string bytes :
       {std::string(), std::string("\0\0\xff\xfe", 4), std::string("%PDF-1.4 junk"),
        std::string("<DOCUMENT><TEXT><PDF>\nbegin 644 x\nM!!!\n"),
        std::string(100000, '<') + std::string(100000, '>')}) {
    Letter l = ExtractLetter({bytes, "junk.pdf", std::nullopt});
    EXPECT_EQ(l.file, "junk.pdf");
  }
}

TEST(ExtractTraps, ExtremeNestingIsReadAsTextAndReported) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Dear Sir:</p><p>In response to the Staff's comments:</p><p>1. Please revise.</p>";
  Letter l = ExtractLetter({html, "deep.htm", std::string("CORRESP")});
  bool noted = false;
  for (const auto& i : l.issues) noted = noted || i.find("read as text") != std::string::npos;
  EXPECT_TRUE(noted);
  ASSERT_EQ(l.responses.size(), 1u);
}

TEST(ExtractTraps, DeepNestingIsFlattenedAndReported) {
  std::string html = "<html><body>";
  for (int i = 0; i < 2000; ++i) html += "<div>";
  html += "<p>Dear Sir:</p><p>text</p>";
  Letter l = ExtractLetter({html, "deep.htm", std::string("CORRESP")});
  bool noted = false;
  for (const auto& i : l.issues) noted = noted || i.find("nesting") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(ExtractTraps, ItemCapIsReported) {
  std::vector<Block> blocks(1, Block{});
  blocks[0].text = "Dear Sir:";
  for (int i = 1; i <= 20; ++i) {
    Block b;
    b.text = std::to_string(i) + ". Please revise item " + std::to_string(i) + ".";
    blocks.push_back(b);
  }
  SegmentOptions options;
  options.max_items = 5;
  Letter l = SegmentLetter(blocks, std::string("UPLOAD"), options);
  EXPECT_EQ(l.comments.size(), 5u);
  bool noted = false;
  for (const auto& i : l.issues) noted = noted || i.find("more than 5") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(ExtractTraps, HeadingBelowABareCommentLabel) {  // "Comment #1:" / "General" / text
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b><i>Comment #1:</i></b></p><p><u>General</u></p>"
                  "<p>We are aware of a news report about Syria.</p>"
                  "<p><b><i>Response to Comment #1:</i></b></p><p>We have no contacts.</p>"
                  "<p>Sincerely,</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings, std::vector<std::string>{"General"});
  EXPECT_EQ(l.responses[0].comment_text, "We are aware of a news report about Syria.");
  EXPECT_EQ(l.responses[0].text, "We have no contacts.");
}

TEST(ExtractTraps, TitleCaseNumberedSubheadingsAreNotComments) {  // Ford narrative reply
  Letter l = Html(std::string(kResponseHead) +
                  "<p>1. Monthly Sales Reporting Primarily Reflects Sales By Our Dealers</p>"
                  "<p>Monthly sales reporting is comprised of dealer sales.</p>"
                  "<p>2. We Highlight Trends During Our Earnings Calls</p>"
                  "<p>References to trends are made on calls.</p><p>Sincerely,</p>");
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_FALSE(l.responses[0].number);
}

// A staff letter whose comment 3 lost its number (page furniture drawn over it, a bad text
// layer): the sequence goes on at 4 because 5 follows, and the letter says what is missing.
TEST(ExtractTraps, SequenceSurvivesOneLostNumber) {
  Letter l = Text(std::string(kStaffHead) +
                  "1. Please revise the revenue note.\n\n2. Please tell us about the loans.\n\n"
                  "3 Please explain the hedge.\n\n4. Please disclose the segment measure.\n\n"
                  "5. Please quantify the charge.\n\nSincerely,\n\nDivision of Corporation "
                  "Finance\n");
  ASSERT_EQ(l.comments.size(), 4u);
  EXPECT_EQ(l.comments[2].number, 4);
  EXPECT_EQ(l.comments[3].number, 5);
  EXPECT_NE(l.comments[1].text.find("Please explain the hedge."), std::string::npos);
  bool noted = false;
  for (const std::string& issue : l.issues)
    noted = noted || issue.find("number 3") != std::string::npos;
  EXPECT_TRUE(noted);
}

// The same gap without a number after it is a list, or the end: no jump.
TEST(ExtractTraps, SequenceDoesNotJumpWithoutConfirmation) {
  Letter l = Text(std::string(kStaffHead) +
                  "1. Please revise the revenue note.\n\n2. Please tell us about the loans.\n\n"
                  "4. Please disclose the segment measure.\n\nSincerely,\n\nDivision of "
                  "Corporation Finance\n");
  ASSERT_EQ(l.comments.size(), 2u);
}

// Headings whose words carry abbreviation dots ("Amendment No. 1", "U.S. Federal") are
// headings, and the filing heading stays on top of later sections.
TEST(ExtractTraps, AbbreviationsInsideHeadings) {
  Letter l = Text(std::string(kStaffHead) +
                  "Amendment No. 1 to Draft Registration Statement on Form 10-12B\n\n"
                  "Summary, page 1\n\n1. Please define the term clean energy.\n\n"
                  "Certain U.S. Federal Income Tax Considerations, page 69\n\n"
                  "2. Please revise the tax opinion.\n\nSincerely,\n\nDivision of "
                  "Corporation Finance\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(
      l.comments[0].headings,
      (std::vector<std::string>{"Amendment No. 1 to Draft Registration Statement on Form 10-12B",
                                "Summary, page 1"}));
  EXPECT_EQ(l.comments[1].headings.back(),
            "Certain U.S. Federal Income Tax Considerations, page 69");
}

// A narrative reply restates nothing; the headings it prints above its answer stay with it.
TEST(ExtractTraps, NarrativeResponseKeepsItsHeadings) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>Form 10-K for the Year Ended December 31, 2019</b></p>"
                  "<p><b>Non-GAAP Financial Measures, page 48</b></p>"
                  "<p>The Company confirms that in future filings it will revise the title of "
                  "the measure.</p><p>Sincerely,</p><p>Jane</p>");
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings,
            (std::vector<std::string>{"Form 10-K for the Year Ended December 31, 2019",
                                      "Non-GAAP Financial Measures, page 48"}));
  EXPECT_EQ(l.responses[0].text.find("Non-GAAP"), std::string::npos);
}

// An HTML letter's printed page ends inside a restated comment: the letterhead's footer sits
// between the two halves of the sentence. Whatever the footer says, it is no part of the
// comment (Molson Coors: company name, address, trademark notice).
TEST(ExtractTraps, HtmlFooterInsideAnInterruptedSentence) {
  std::string long_start(250, 'x');
  Letter l = Html(std::string(kResponseHead) + "<p>1. You discuss the measure " + long_start +
                  " and the restrictions apply absent an ability to settle in</p>"
                  "<p><b>Acme Brewing Company</b></p><p>1801 Main Street, Denver, Colorado</p>"
                  "<p><i>ACME is a registered trademark.</i></p>"
                  "<br clear=\"all\" style=\"page-break-before:always;\">"
                  "<p>another manner. Please revise.</p><p><b>Response:</b></p>"
                  "<p>We will revise.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].comment_text.find("Acme Brewing"), std::string::npos);
  EXPECT_EQ(l.responses[0].comment_text.find("trademark"), std::string::npos);
  EXPECT_NE(l.responses[0].comment_text.find("settle in another manner."), std::string::npos);
  EXPECT_EQ(l.responses[0].text, "We will revise.");
}

// The same with the running header at the head of the next page, after the break (ONEOK:
// addressee and date above the rest of the sentence): the header goes, the sentence is whole.
TEST(ExtractTraps, HtmlRunningHeaderAfterThePageBreakInsideASentence) {
  std::string long_start(250, 'x');
  Letter l = Html(std::string(kResponseHead) + "<p>1. Please discuss your liquidity.</p>" +
                  "<p>Response:</p><p>Our sources changed " + long_start +
                  " and we now rely primarily on</p>"
                  "<br clear=\"all\" style=\"page-break-before:always;\">"
                  "<p>Ms. Jennifer Thompson</p><p>June 14, 2017</p>"
                  "<p>operating cash flows and commercial paper.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].text.find("Thompson"), std::string::npos) << l.responses[0].text;
  EXPECT_NE(l.responses[0].text.find("rely primarily on operating cash flows"), std::string::npos)
      << l.responses[0].text;
}

// The last comment introduces a table ("... in the following format:") whose short rows look
// like headings (Vertex staff letter): no comment follows to own them, so they stay its text.
TEST(ExtractTraps, TableRowsClosingTheLastComment) {
  Letter l = Text(std::string(kStaffHead) +
                  "1. Please explain the charge.\n\n"
                  "2. Please provide your calculation of goodwill in the following format:\n\n"
                  "Fair value of consideration transferred\n\n"
                  "Equals: Goodwill recognized at the acquisition date\n\n"
                  "You may contact Jane Doe at (202) 551-0000 with any questions.\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_NE(l.comments[1].text.find("Equals: Goodwill recognized at the acquisition date"),
            std::string::npos)
      << l.comments[1].text;
}

// An unlabelled restated comment goes on in lower case after a page break: the second half is
// the comment's too, and the answer starts after it (Vertex).
TEST(ExtractTraps, UnlabelledRestatedCommentGoesOnInLowerCase) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>Comment 1</b></p><p>We note your analysis. Include in your response "
                  "a</p><p>description of the activities not covered by the license.</p>"
                  "<p>The activities are described below.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].comment_text,
            "We note your analysis. Include in your response a description of the activities "
            "not covered by the license.");
  EXPECT_EQ(l.responses[0].text, "The activities are described below.");
}

// A restated comment in plain type and several paragraphs, no label (a text letter, or HTML
// without emphasis): its paragraphs go on while they speak as the staff; the answer starts
// with the company's voice.
TEST(ExtractTraps, PlainRestatedCommentOfSeveralParagraphs) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p>1. In a letter to the staff dated May 14, 2015, you discussed your "
                  "subsidiary's settlement.</p>"
                  "<p>Please describe to us the nature and extent of any contacts with those "
                  "countries.</p>"
                  "<p>&#8226;</p><p>Tell us the dollar amounts of revenues.</p>"
                  "<p>The Company respectfully advises the Staff that it has no such contacts.</p>"
                  "<p>Revenue from those countries was nil.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_NE(l.responses[0].comment_text.find("Tell us the dollar amounts"), std::string::npos)
      << l.responses[0].comment_text;
  EXPECT_EQ(l.responses[0].text.rfind("The Company respectfully advises", 0), 0u)
      << l.responses[0].text;
}

// The list a plain restated comment introduces ("... the following disclosures:") is the
// comment's even where its items ask nothing in words (Huntington, text letters); the answer
// starts with the company's voice.
TEST(ExtractTraps, ListIntroducedByAPlainRestatedComment) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p>1. To the extent that reporting units are at risk, explain how you "
                  "considered providing the following disclosures:</p>"
                  "<p>The percentage by which fair value exceeded carrying value;</p>"
                  "<p>The amount of goodwill allocated to the reporting unit.</p>"
                  "<p>We respectfully acknowledge the Staff's comment.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_NE(l.responses[0].comment_text.find("The amount of goodwill allocated"), std::string::npos)
      << l.responses[0].comment_text;
  EXPECT_EQ(l.responses[0].text, "We respectfully acknowledge the Staff's comment.");
}

// The number alone in its paragraph, then "Comment: We note ..." (a text letter; in HTML the
// two sit in one table row): the label is no part of the restated comment.
TEST(ExtractTraps, CommentLabelAfterALoneNumber) {
  Letter l = Text(std::string(kStaffHead) +
                  "1.\n\nComment: We note your asset impairments.\n\n"
                  "2.\n\nComment: Please disclose the carrying "
                  "values.\n\nSincerely,\n\nJane Doe\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].text, "We note your asset impairments.");
  EXPECT_EQ(l.comments[1].text, "Please disclose the carrying values.");
  Letter r = Html(std::string(kResponseHead) +
                  "<p>1.</p><p>Comment: We note your asset impairments.</p>"
                  "<p>Response: The Company notes the charges.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(r.responses.size(), 1u);
  EXPECT_EQ(r.responses[0].comment_text, "We note your asset impairments.");
}

// "Response 1", "Response No. 2:": labels with the comment's number (Vertex, Aon).
TEST(ExtractTraps, ResponseLabelsWithTheCommentsNumber) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>Comment 1</b></p><p>Please describe the activities.</p>"
                  "<p>They are listed in the agreement.</p>"
                  "<p><b>Response 1</b></p><p>The activities are described below.</p>"
                  "<p><b>Comment 2</b></p><p>Please tell us more.</p>"
                  "<p><b>Response No. 2:</b> We will.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].comment_text,
            "Please describe the activities.\n\nThey are listed in the agreement.");
  EXPECT_EQ(l.responses[0].text, "The activities are described below.");
  EXPECT_EQ(l.responses[1].text, "We will.");
}

// A running header repeating the letter's head at the top of a later page, between two whole
// paragraphs (ONEOK, Solventum: the addressee and the date; Aon: "File No. ..."): it goes, while
// a heading that opens the page ("General", a "Form 10-K ..." reference) stays.
TEST(ExtractTraps, LetterheadLinesRepeatedAtThePageTop) {
  const std::string brk = "<br clear=\"all\" style=\"page-break-before:always;\">";
  Letter l = Html(
      "<p>February 16, 2016</p><p>Ms. Jennifer Thompson</p>"
      "<p>Division of Corporation Finance</p><p>Re: Acme Inc.</p>"
      "<p>Form 10-K for the Fiscal Year Ended December 31, 2015</p>"
      "<p>Dear Ms. Thompson:</p><p>We respond to the comments of the Staff.</p>"
      "<p>1. Please explain the costs.</p><p>Response: The costs are fuel.</p>" +
      brk +
      "<p>Ms. Jennifer Thompson</p><p>February 16, 2016</p>"
      "<p>They include transport.</p>" +
      brk +
      "<p>Ms. Jennifer Thompson</p>"
      "<p>Form 10-K for the Fiscal Year Ended December 31, 2015</p>"
      "<p>2. Please explain the revenue.</p><p>Response: It is sales.</p>"
      "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].text, "The costs are fuel.\n\nThey include transport.");
  EXPECT_EQ(l.responses[1].headings,
            std::vector<std::string>{"Form 10-K for the Fiscal Year Ended December 31, 2015"});
}

// A label that repeats the number of the comment right below it ("Comment No. 1" above
// "1.Please expand ...", Boston Properties) is neither a heading of that comment nor the
// text of the answer above it.
TEST(ExtractTraps, CommentLabelAboveItsNumberedComment) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><u>Definitive Proxy Statement on Schedule 14A</u></p><p><u>General</u></p>"
                  "<p><b>Comment No. 1</b></p><p><i>1.Please expand your discussion.</i></p>"
                  "<p><u>Response to Comment No. 1</u></p><p>We will expand it.</p>"
                  "<p><b>Comment No. 2</b></p><p><i>2.Please describe the role.</i></p>"
                  "<p><u>Response to Comment No. 2</u></p><p>We will describe it.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  const std::vector<std::string> headings = {"Definitive Proxy Statement on Schedule 14A",
                                             "General"};
  EXPECT_EQ(l.responses[0].headings, headings);
  EXPECT_EQ(l.responses[1].headings, headings);
  EXPECT_EQ(l.responses[0].text, "We will expand it.");
  EXPECT_EQ(l.responses[1].comment_text, "Please describe the role.");
}

// A bare "Comment" label above each restated numbered comment (Aon): neither the end of the
// previous answer nor a heading.
TEST(ExtractTraps, BareCommentLabelAboveEachNumberedComment) {
  Letter l = Html(std::string(kResponseHead) + "<p><u>General</u></p>" +
                  "<p><b>Comment</b></p><p><i>1. Please describe your contacts.</i></p>"
                  "<p>We have none.</p><p><b>Comment</b></p>"
                  "<p><i>2. Please discuss their materiality.</i></p><p>They are immaterial.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].text, "We have none.");
  EXPECT_EQ(l.responses[0].headings, std::vector<std::string>{"General"});
  EXPECT_EQ(l.responses[1].comment_text, "Please discuss their materiality.");
}

// A confidential-treatment legend (Rule 83) printed at the top of each page, in one line or
// wrapped onto a "BY ..." line, is neither a heading nor part of a comment or an answer.
TEST(ExtractTraps, ConfidentialTreatmentLegendOnEachPage) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>CONFIDENTIAL TREATMENT REQUESTED</b></p>"
                  "<p><b>BY ACME INC.: ACME-001</b></p><p><u>Revenue, page 53</u></p>"
                  "<p>1. Please quantify the revenue.</p><p>Response:</p><p>Revenue was "
                  "large and</p><p>Confidential Treatment Requested by Acme Inc. pursuant to "
                  "Rule 83, Request #2</p><p>grew.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings, std::vector<std::string>{"Revenue, page 53"});
  EXPECT_EQ(l.responses[0].text.find("Confidential"), std::string::npos);
  EXPECT_NE(l.responses[0].text.find("grew."), std::string::npos);
}

// An unlabelled answer opening with its own caption right after the emphasized restated
// comment (Electronic Arts): the caption belongs to the answer, the comment ends on its
// sentence.
TEST(ExtractTraps, CaptionOpeningAnUnlabelledAnswer) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b><i>1. Please quantify the revenue from extra content.</i></b></p>"
                  "<p><i><u>Revenue Attributable to Extra Content</u></i></p>"
                  "<p>Extra content revenue was $2,309 million.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].comment_text, "Please quantify the revenue from extra content.");
  EXPECT_EQ(l.responses[0].text.rfind("Revenue Attributable to Extra Content", 0), 0u);
}

// A list item in bold, opening with a bullet glyph in its own run, inside a restated comment
// (HTML without <li>, ServiceNow): an item of the list, never the heading of the next comment.
TEST(ExtractTraps, BoldBulletLinesAreNotHeadings) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><u>General</u></p><p><b>1. Please describe whether the director may:</b></p>"
                  "<p>&#8226;<b>represent the board; or</b></p>"
                  "<p>&#8226;<b>provide input on the board's agenda; and</b></p>"
                  "<p><b>2. Please expand upon risk oversight.</b></p>"
                  "<p>Response: We will enhance the disclosure.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[1].headings, std::vector<std::string>{"General"});
  const Response& first = l.responses[0];
  EXPECT_NE((first.comment_text + first.text).find("input on the board's agenda; and"),
            std::string::npos);
}

// Capital One response: "<u>Notes to Consolidated Financial Statements<br>Note 3 - Loans, page
// 93</u>": a <br> is a break made on purpose, and the line closing a caption is a heading of its
// own; a label ("EX-99.2") or a line running on ("... Analysis of") stays with its caption.
TEST(ExtractTraps, CaptionLinesBetweenLineBreaks) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><u>Notes to Consolidated Financial Statements<br>Note 3 - Loans, page "
                  "93</u></p><p><i>1. Please tell us about the loans.</i></p>"
                  "<p>Response: We will revise.</p>"
                  "<p><u>EX-99.2<br>Reconciliation of Non-GAAP Measures, page 22</u></p>"
                  "<p><i>2. Please reconcile the measure.</i></p><p>Response: We will.</p>"
                  "<p><u>Management's Discussion and Analysis of<br>Financial Condition, page "
                  "5</u></p><p><i>3. Please discuss liquidity.</i></p><p>Response: Done.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 3u);
  EXPECT_EQ(l.responses[0].headings,
            (std::vector<std::string>{"Notes to Consolidated Financial Statements",
                                      "Note 3 - Loans, page 93"}));
  EXPECT_EQ(l.responses[1].headings.back(), "EX-99.2 Reconciliation of Non-GAAP Measures, page 22");
  EXPECT_EQ(l.responses[2].headings.back(),
            "Management's Discussion and Analysis of Financial Condition, page 5");
}

// EA response: its address at the foot of every page. A short block repeated at the foot (or
// the top) of several pages goes; a sub-heading of the answer that opens one page and closes
// another stays, and so does the letterhead's date at the first page's top.
TEST(ExtractTraps, FooterRepeatedAtThePageFoot) {
  const std::string brk = "<hr style=\"page-break-after:always\">";
  const std::string foot = "<p>209 Redwood Shores Parkway, Redwood City, CA 94065 www.acme.com</p>";
  Letter l = Html(
      "<p>August 30, 2019</p><p>Division of Corporation Finance</p><p>Re: Acme Inc.</p>"
      "<p>Dear Ms. Thompson:</p><p>We respond to the comments of the Staff.</p>"
      "<p><i>1. Please explain the costs.</i></p><p>We advise the Staff that the costs are "
      "fuel.</p><p><i>Water Infrastructure</i></p>" +
      foot + brk + "<p>August 30, 2019</p><p>The segment's costs rose.</p>" + foot + brk +
      "<p><i>Water Infrastructure</i></p><p>The segment's revenue rose.</p>"
      "<p><i>2. Please explain the revenue.</i></p><p>We advise the Staff that it is sales.</p>" +
      foot + brk + "<p>Sincerely,</p><p>Jane</p>");
  EXPECT_EQ(l.letter_date, Date::Parse("2019-08-30"));
  ASSERT_EQ(l.responses.size(), 2u);
  for (const Response& r : l.responses)
    EXPECT_EQ(r.text.find("Redwood"), std::string::npos) << r.text;
  EXPECT_NE(l.responses[0].text.find("Water Infrastructure\n\nThe segment's costs rose."),
            std::string::npos)
      << l.responses[0].text;
}

// EDGAR text documents of 2001-2010 open and divide their pages with "<PAGE>" lines: the letter
// is text (not HTML, though "<P" starts it), the mark is a page break, and the running header
// after it goes as on any page.
TEST(ExtractTraps, TextLetterWithPageMarks) {
  Letter l =
      Text("<PAGE>\n\n" + std::string(kStaffHead) +
           "Results of Operations, page 22\n\n1. Please discuss the decrease in gross\nmargin.\n\n"
           "<PAGE>\nMr. John Smith\nAcme Inc.\nJuly 3, 2007\nPage 2\n\n"
           "Note 3 - Revenue Recognition, page 45\n\n2. Please tell us how you apply SAB 104.\n\n"
           "Sincerely,\n\nJane Doe\n");
  EXPECT_EQ(l.kind, LetterKind::kCommentLetter);
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].text, "Please discuss the decrease in gross margin.");
  EXPECT_EQ(l.comments[1].headings.back(), "Note 3 - Revenue Recognition, page 45");
  EXPECT_EQ(l.comments[1].text, "Please tell us how you apply SAB 104.");
}

// Older HTML filings wrap a whole text letter in one <pre>: its lines and blank lines are the
// letter's layout, read as a text letter, not one run of words.
TEST(ExtractTraps, LetterInsideOnePreElement) {
  Letter l = Html("<pre>\n" + std::string(kStaffHead) +
                      "Results of Operations, page 22\n\n1. Please discuss the decrease in gross\n"
                      "margin.\n\nNote 3 - Revenue Recognition, page 45\n\n2. Please tell us how "
                      "you apply\nSAB 104.\n\nSincerely,\n\nJane Doe\n</pre>",
                  "UPLOAD");
  EXPECT_EQ(l.kind, LetterKind::kCommentLetter);
  EXPECT_EQ(l.letter_date, Date::Parse("2007-07-03"));
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].headings.back(), "Results of Operations, page 22");
  EXPECT_EQ(l.comments[0].text, "Please discuss the decrease in gross margin.");
  EXPECT_EQ(l.comments[1].headings.back(), "Note 3 - Revenue Recognition, page 45");
}

// Typewritten text letters underline their captions with a rule of dashes or underscores: the
// rule marks the line above as a heading of its own and is no text.
TEST(ExtractTraps, TextCaptionsUnderlinedByRules) {
  Letter l = Text(std::string(kStaffHead) +
                  "Liquidity and Capital Resources, page 28\n"
                  "----------------------------------------\n\n"
                  "1. Please disclose the reasons for the increase in days\nsales outstanding.\n\n"
                  "Financial Statements\n____________________\n\n"
                  "Note 1 - Summary of Significant Accounting Policies\n"
                  "===================================================\n"
                  "2. Please tell us when you recognize revenue.\n\n"
                  "-----\n\nSincerely,\n\nJane Doe\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].headings.back(), "Liquidity and Capital Resources, page 28");
  EXPECT_EQ(l.comments[0].text,
            "Please disclose the reasons for the increase in days sales outstanding.");
  EXPECT_EQ(l.comments[1].headings,
            (std::vector<std::string>{"Financial Statements",
                                      "Note 1 - Summary of Significant Accounting Policies"}));
  EXPECT_EQ(l.comments[1].text, "Please tell us when you recognize revenue.");
}

// A letter dated with an ordinal ("May 3rd, 2006") or day first ("3 May 2006").
TEST(ExtractTraps, LetterDatesWithOrdinalsOrTheDayFirst) {
  for (const char* date : {"May 3rd, 2006", "3 May 2006"}) {
    Letter l =
        Text(std::string(date) +
                 "\n\nSecurities and Exchange Commission\n\nRe: Acme Inc.\n\nDear Sir:\n\nWe "
                 "respond to your letter dated April 19, 2006.\n\n1. Please explain the "
                 "costs.\n\nResponse: They are fuel.\n\nSincerely,\n\nJane\n",
             "CORRESP");
    EXPECT_EQ(l.letter_date, Date::Parse("2006-05-03")) << date;
  }
}

// Older company letters: each comment restated unnumbered in bold (short requests too), then
// "Response to Comment N:", which carries the comment's number; the heading path runs on from
// one answer to the next as in numbered letters.
TEST(ExtractTraps, NumberedResponseLabelsAfterUnnumberedComments) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b><u>Form 10-K for the Fiscal Year Ended December 31, 2005</u></b></p>"
                  "<p><b>Please expand your disclosure of gross margin.</b></p>"
                  "<p><u>Response to Comment 1</u>:</p><p>The decrease came from steel costs.</p>"
                  "<p><b><i>Item 7. Management's Discussion and Analysis, page 28</i></b></p>"
                  "<p><b>Please disclose backlog at each balance sheet date.</b></p>"
                  "<p><u>Response to Comment 2</u>:</p><p>We will disclose backlog.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].number, 1);
  EXPECT_EQ(l.responses[0].comment_text, "Please expand your disclosure of gross margin.");
  EXPECT_EQ(l.responses[1].number, 2);
  EXPECT_EQ(l.responses[1].comment_text, "Please disclose backlog at each balance sheet date.");
  EXPECT_EQ(l.responses[1].headings,
            (std::vector<std::string>{"Form 10-K for the Fiscal Year Ended December 31, 2005",
                                      "Item 7. Management's Discussion and Analysis, page 28"}));
}

// A reply that asks for more time on one comment but restates and answers the others under
// "Response:" labels is a response, not an extension request.
TEST(ExtractTraps, ResponseThatAlsoAsksForTimeOnOneComment) {
  Letter l = Text(
      "March 1, 2010\n\nSecurities and Exchange Commission\n\nRe: Acme Inc.\n\nDear Sir:\n\n"
      "We respond to the comments of the Staff in your letter dated February 15, 2010. We "
      "respectfully request an extension of time until April 30, 2010 to respond to comment "
      "2.\n\n1. Please quantify the price increases.\n\nRESPONSE:\n\nPrices added $7.9 "
      "million.\n\n2. Please tell us about the impairment test.\n\nRESPONSE:\n\nWe will respond "
      "by April 30, 2010.\n\nSincerely,\n\nJane\n",
      "CORRESP");
  EXPECT_EQ(l.kind, LetterKind::kResponse);
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].text, "Prices added $7.9 million.");
}

// EDGAR text documents mark tables up in SGML (<TABLE>, <CAPTION>, <S> <C>): the tags are no
// text and no heading of the next comment.
TEST(ExtractTraps, TextTableTagsAreNoHeadings) {
  Letter l = Text(
      "March 1, 2006\n\nSecurities and Exchange Commission\n\nRe: Acme Inc.\n\nDear Sir:\n\n"
      "We respond to the comments of the Staff in your letter dated February 15, 2006.\n\n"
      "1. Please disclose your contractual obligations.\n\nResponse:\n\nWe will add this "
      "table:\n\n<TABLE>\n<CAPTION>\n                    Total     2006\n<S>                 <C>   "
      "    "
      "<C>\nLong-term debt      $120.0    $10.0\n</TABLE>\n\nRevenue Recognition, page F-8\n\n"
      "2. Please tell us when you recognize revenue.\n\nResponse:\n\nAt delivery.\n\n"
      "Sincerely,\n\nJane\n",
      "CORRESP");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].text.find('<'), std::string::npos) << l.responses[0].text;
  EXPECT_NE(l.responses[0].text.find("Long-term debt $120.0 $10.0"), std::string::npos);
  EXPECT_EQ(l.responses[1].headings, std::vector<std::string>{"Revenue Recognition, page F-8"});
}

// A running header set as one HTML paragraph of <br>-separated lines goes like one of separate
// lines.
TEST(ExtractTraps, HtmlRunningHeaderOfLineBreaks) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><u>Notes to Financial Statements</u></p><p><u>Note 4. Goodwill, page "
                  "F-14</u></p><p><i>1. Please explain the test.</i></p><p>Response: We did.</p>"
                  "<hr style=\"page-break-after:always\"><p>Ms. Tia Jenkins<br>Securities and "
                  "Exchange Commission<br>April 18, 2011<br>Page 3</p>"
                  "<p><i>2. Please explain the charge.</i></p><p>Response: It was small.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[1].headings, l.responses[0].headings);
  EXPECT_EQ(l.responses[0].text, "We did.");
}

// "General" heads comments on the filing as a whole: the caption after it is its sibling.
TEST(ExtractTraps, CaptionsAfterGeneralAreItsSiblings) {
  Letter l = Text(std::string(kStaffHead) +
                  "General\n\n1. Please update your financial statements.\n\n"
                  "Risk Factors, page 12\n\n2. Please revise the first risk factor.\n\n"
                  "Sincerely,\n\nJane Doe\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].headings, std::vector<std::string>{"General"});
  EXPECT_EQ(l.comments[1].headings, std::vector<std::string>{"Risk Factors, page 12"});
}

// A hard-wrapped text line that opens with a reference's number ("... refer to Note" /
// "14. Please ...") goes on in the comment; it is no comment 14.
TEST(ExtractTraps, WrappedReferenceNumberIsNoItem) {
  Letter l = Text(std::string(kStaffHead) +
                  "1. We note your warranty reserve. Also, refer to Note\n"
                  "     14. Please explain the change in the reserve.\n\n"
                  "Results of Operations, page 31\n\n2. Please quantify each factor.\n\n"
                  "Sincerely,\n\nJane Doe\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].text,
            "We note your warranty reserve. Also, refer to Note 14. Please explain the change "
            "in the reserve.");
  EXPECT_EQ(l.comments[1].headings, std::vector<std::string>{"Results of Operations, page 31"});
}

// Older closings say only that the staff has no further comments.
TEST(ExtractTraps, NoFurtherCommentsIsAClosing) {
  Letter l = Text(std::string(kStaffHead).substr(0, std::string(kStaffHead).find("We have")) +
                  "We have reviewed your response letter dated December 15, 2006 and have no "
                  "further comments at this time.\n\nSincerely,\n\nJane Doe\n");
  EXPECT_EQ(l.kind, LetterKind::kClosing);
}

// An extension request may list the comments it will answer later; "requires additional time"
// asks for time as "requests an extension" does.
TEST(ExtractTraps, ExtensionRequestListingTheCommentsItWillAnswer) {
  Letter l = Text(
      "August 7, 2012\n\nSecurities and Exchange Commission\n\nRe: Acme Inc.\n\nDear Sir:\n\n"
      "The Company has received your comment letter dated July 24, 2012 and requires additional "
      "time to respond to the following comments:\n\n1. Comment 2, which requests a revised "
      "goodwill analysis;\n\n2. Comment 4, which requests segment data.\n\nThe Company "
      "intends to submit its response on or before August 21, 2012.\n\nSincerely,\n\nJane\n",
      "CORRESP");
  EXPECT_EQ(l.kind, LetterKind::kExtensionRequest);
}

// HTML converted from print: a sentence broken over two elements goes on in the next one when
// the first stops on a word no paragraph ends on or the second goes on in lower case.
TEST(ExtractTraps, HtmlSentenceBrokenOverElements) {
  Letter l = Html(std::string(kResponseHead) +
                  "<div>For your convenience, each comment is restated in italics, followed by the"
                  "</div><div>Company's response.</div>"
                  "<div><i>1. We note that you present average revenue per user. Please tell us"
                  "</i></div><div><i>how you calculate it.</i></div>"
                  "<div>Response: We divide revenue by the average number of users.</div>"
                  "<div><i>2. Please disclose churn.</i></div><div>Response: We will.</div>"
                  "<div>Sincerely,</div><div>Jane</div>");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].number, 1);
  EXPECT_EQ(l.responses[0].comment_text,
            "We note that you present average revenue per user. Please tell us how you "
            "calculate it.");
}

// "Response to Comments 2 and 3:" answers both restated comments; "Response to Comment 1(a):"
// is a label like "Response to Comment 1:".
TEST(ExtractTraps, OneAnswerToTwoComments) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>1. Please tell us (a) how you recognize revenue and (b) when.</b></p>"
                  "<p>Response to Comment 1(a): At shipment.</p><p><b>2. Please disclose "
                  "backlog.</b></p><p><b>3. Please disclose churn.</b></p><p>Response to "
                  "Comments 2 and 3: We will disclose both.</p><p><b>4. Please quantify "
                  "returns.</b></p><p>Response 4: Returns are immaterial.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 4u);
  EXPECT_EQ(l.responses[0].text, "At shipment.");
  EXPECT_EQ(l.responses[1].comment_text, "Please disclose backlog.");
  EXPECT_EQ(l.responses[1].text, "We will disclose both.");
  EXPECT_EQ(l.responses[2].text, "We will disclose both.");
  EXPECT_EQ(l.responses[3].text, "Returns are immaterial.");
}

// Emphasis set through a style sheet's classes (LibreOffice's and some agents' HTML): restated
// comments in a class declared bold are told from the answers as <b> ones are, also across
// the comments a partial reply skips.
TEST(ExtractTraps, BoldDeclaredByStyleSheetClasses) {
  Letter l = Html(
      "<html><head><style>.P1 { margin:0 } .T4 { font-weight:bold; }</style></head><body>"
      "<p class=\"P1\">March 4, 2024</p><p class=\"P1\">Securities and Exchange Commission</p>"
      "<p class=\"P1\">Re: Acme Corp. Registration Statement on Form S-4</p>"
      "<p class=\"P1\">Ladies and Gentlemen:</p><p class=\"P1\">This letter responds to "
      "comments 1, 2 and 6 of the Staff's letter dated February 20, 2024.</p>"
      "<p><span class=\"T4\">1. Please quantify the sponsor's interests.</span></p>"
      "<p class=\"P1\">Response: The Company has revised page 12.</p>"
      "<p><span class=\"T4\">2. Please add a risk factor on dilution.</span></p>"
      "<p class=\"P1\">Response: The Company has added the risk factor.</p>"
      "<p class=\"P1\">The Company notes the following about the trust account.</p>"
      "<p><span class=\"T4\">6. Please explain adjustment (E).</span></p>"
      "<p class=\"P1\">Response: Adjustment (E) reflects the redemptions.</p>"
      "<p class=\"P1\">Sincerely,</p><p class=\"P1\">Jane Doe</p></body></html>",
      "CORRESP");
  ASSERT_EQ(l.responses.size(), 3u);
  EXPECT_EQ(l.responses[2].number, 6);
  EXPECT_EQ(l.responses[2].comment_text, "Please explain adjustment (E).");
}

// A comma typed after a space ("December 31 , 2022", a real staff letter's filing caption) is
// punctuation: the caption ends on a year, not on a run of figures like a table row.
TEST(ExtractTraps, CaptionWithACommaAfterASpace) {
  Letter l = Text(
      "April 4, 2023\n\nJane Roe\nAcme Inc.\n\nRe: Acme Inc.\n    Form 10-K for the Fiscal "
      "Year Ended December 31, 2022\n\nDear Ms. Roe:\n\nWe have reviewed your filing and have "
      "the following comments.\n\nForm 10-K For the fiscal year ended December 31 , 2022\n\n"
      "Notes to Consolidated Financial Statements\n\n(16) Income Taxes, page 72\n\n1. Please "
      "explain the valuation allowance.\n\nSincerely,\n\nDivision of Corporation Finance\n",
      "UPLOAD");
  ASSERT_EQ(l.comments.size(), 1u);
  EXPECT_EQ(l.comments[0].headings,
            (std::vector<std::string>{"Form 10-K For the fiscal year ended December 31 , 2022",
                                      "Notes to Consolidated Financial Statements",
                                      "(16) Income Taxes, page 72"}));
}

// Restated comments in bold italics under captions in bold italics and underlined: a numbered
// caption ("1. Organization and Summary of Significant Accounting Policies", a note's title) is
// set apart by its underline and is no restated comment (Monster Beverage's 2018 reply).
TEST(ExtractTraps, UnderlinedNumberedCaptionAmongBoldItalicComments) {
  Letter l = Html(
      std::string(kResponseHead) +
          "<p><b><i><u>Results of Operations, page 44</u></i></b></p><p><b><i>1. We note the "
          "segment contribution margin. Please tell us why.</i></b></p><p>Response:</p><p>They are "
          "the same.</p><p><b><i><u>Notes to Consolidated Financial Statements</u></i></b></p>"
          "<p><b><i><u>1. Organization and Summary of Significant Accounting "
          "Policies</u></i></b></p>"
          "<p><b><i><u>Cost of Sales, page 84</u></i></b></p><p><b><i>2. Please disclose whether "
          "you "
          "allocate payroll costs to cost of sales.</i></b></p><p>Response:</p><p>The Company will "
          "disclose it.</p><p>Sincerely,</p><p>Jane</p>",
      "CORRESP");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[1].number, 2);
  EXPECT_EQ(
      l.responses[1].headings,
      (std::vector<std::string>{"Notes to Consolidated Financial Statements",
                                "1. Organization and Summary of Significant Accounting Policies",
                                "Cost of Sales, page 84"}));
}

// A caption lettered as a sub-section ("c) Loss Development Tables, page F-46", underlined) is
// a heading, though it opens in lower case (Chubb's 2017 reply had no headings at all).
TEST(ExtractTraps, CaptionLetteredAsASubSection) {
  Letter l = Html(std::string(kResponseHead) +
                      "<p><b><u>Notes to Consolidated Financial Statements</u></b></p>"
                      "<p><b><u>Note 7: Unpaid losses and loss expenses</u></b></p>"
                      "<p><b><u>c) Loss Development Tables, page F-46</u></b></p>"
                      "<p><b>1. Please tell us the causes of the favorable development.</b></p>"
                      "<p>The causes are described below.</p><p>Sincerely,</p><p>Jane</p>",
                  "CORRESP");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings,
            (std::vector<std::string>{"Notes to Consolidated Financial Statements",
                                      "Note 7: Unpaid losses and loss expenses",
                                      "c) Loss Development Tables, page F-46"}));
}

// A reply to comments given by telephone labels them "SEC Oral Comment #1:": a comment label
// with its number, no heading (Zimmer Biomet's 2018 reply).
TEST(ExtractTraps, OralCommentLabels) {
  Letter l = Html(std::string(kResponseHead) +
                      "<p><b>SEC Oral Comment #1:</b></p><p><b>Please explain the integration "
                      "costs.</b></p><p>Response: They are described below.</p>"
                      "<p><b>SEC Oral Comment #2:</b></p><p><b>Please explain the litigation "
                      "accrual.</b></p><p>Response: It is described below.</p>"
                      "<p>Sincerely,</p><p>Jane</p>",
                  "CORRESP");
  ASSERT_EQ(l.responses.size(), 2u);
  EXPECT_EQ(l.responses[0].number, 1);
  EXPECT_EQ(l.responses[1].number, 2);
  EXPECT_TRUE(l.responses[1].headings.empty());
}

// Restated comments printed one after another with one answer below the last that speaks of
// "comments": the answer is all of theirs. An answer to one comment keeps to its comment.
TEST(ExtractTraps, OneAnswerBelowSeveralRestatedComments) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b><i>1. Please explain why your leadership structure is appropriate."
                  "</i></b></p><p><b><i>2. Please expand upon the role of your lead director."
                  "</i></b></p><p><b><i>3. Please expand upon your risk oversight.</i></b></p>"
                  "<p>The Company acknowledges the Staff's comments and will enhance its "
                  "disclosures in future proxy filings.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 3u);
  for (const Response& r : l.responses)
    EXPECT_EQ(r.text,
              "The Company acknowledges the Staff's comments and will enhance its disclosures in "
              "future proxy filings.");

  Letter one = Html(std::string(kResponseHead) +
                    "<p><b>1. Please disclose backlog.</b></p><p><b>2. Please disclose "
                    "churn.</b></p><p>Response: Churn was 2% in 2023, as the Staff's comment "
                    "asks.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(one.responses.size(), 2u);
  EXPECT_EQ(one.responses[0].text, "");
  EXPECT_EQ(one.responses[1].text, "Churn was 2% in 2023, as the Staff's comment asks.");
}

// A text letter's typed bullets ("*  the timing ...") and a list's lettered parts start blocks
// of their own, also after a part ending on "; and".
TEST(ExtractTraps, TypedBulletsAndLetteredPartsAfterAnd) {
  Letter l = Text(std::string(kStaffHead) +
                  "1.  Please tell us the following:\n\n    *  the amount of revenue;\n    *  the "
                  "timing of recognition; and\n    *  your policy on returns.\n\n2.  Please "
                  "quantify (a) volume and (b) price.\n\n3.  Please disclose:\n\n    a. the "
                  "amount; and\n\n    b. the rate.\n\n* * *\n\nSincerely,\n\nJane Doe\n");
  ASSERT_EQ(l.comments.size(), 3u);
  EXPECT_EQ(l.comments[0].text,
            "Please tell us the following:\n\n* the amount of revenue;\n\n* the timing of "
            "recognition; and\n\n* your policy on returns.");
  EXPECT_EQ(l.comments[1].text, "Please quantify (a) volume and (b) price.");
  EXPECT_EQ(l.comments[2].text, "Please disclose:\n\na. the amount; and\n\nb. the rate.");
}

// A word hyphenated at a printed line's end stays whole when the lines are joined again, in
// HTML with an element or a <br> per line as in PDF ("non-" / "accrual" is "non-accrual").
TEST(ExtractTraps, HyphenAtALineEndKeepsTheWordWhole) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><b>1. Please tell us how you classify non-</b></p><p><b>accrual loans."
                  "</b></p><p>Response: We classify post-<br>charge-off recoveries as "
                  "income.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].comment_text, "Please tell us how you classify non-accrual loans.");
  EXPECT_EQ(l.responses[0].text, "We classify post-charge-off recoveries as income.");
}

// HTML converted from print sets a wrapped caption's lines in elements of their own: an
// emphasized line stopping on a word no caption ends on goes on in the next one set alike.
TEST(ExtractTraps, HtmlCaptionWrappedOverElements) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><u>Management's Discussion and Analysis of Financial Condition and "
                  "Results of</u></p><p><u>Operations</u></p><p><u>Critical Accounting "
                  "Estimates, page 79</u></p><p><b>1. Please expand your discussion.</b></p>"
                  "<p>Response: We will.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings,
            (std::vector<std::string>{"Management's Discussion and Analysis of Financial "
                                      "Condition and Results of Operations",
                                      "Critical Accounting Estimates, page 79"}));
}

// A law firm prints its offices at the foot of the first page (a real 2021 Wilson Sonsini
// reply): the list of cities before the page break is no caption of the comment after it.
TEST(ExtractTraps, LawFirmOfficeListIsNoCaption) {
  const std::string brk = "<br clear=\"all\" style=\"page-break-before:always;\">";
  Letter l = Html(std::string(kResponseHead) +
                  "<p>We have recited the comments in bold type.</p>"
                  "<p>AUSTIN BEIJING BOSTON BRUSSELS HONG KONG LONDON LOS ANGELES NEW YORK</p>"
                  "<p>SAN DIEGO SAN FRANCISCO SEATTLE WASHINGTON, DC WILMINGTON, DE</p>" +
                  brk +
                  "<p><b><u>General</u></b></p><p><b>1. Please tell us about the acquisition."
                  "</b></p><p>The Company respectfully advises the Staff.</p>"
                  "<p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings, std::vector<std::string>{"General"});
}

// A caption whose defined short name stands alone on the next line, in the same style, is one
// caption (a real Davis Polk reply: "... Results of Operations" / "(“MD&A”)").
TEST(ExtractTraps, ParenthesisAloneEndsTheCaptionAbove) {
  Letter l = Html(std::string(kResponseHead) +
                  "<p><u>Management's Discussion and Analysis of Financial Condition and "
                  "Results of Operations</u></p><p><u>(“MD&amp;A”)</u></p>"
                  "<p><u>Liquidity Risk Profile, page 92</u></p>"
                  "<p><i>1. Please expand your discussion.</i></p>"
                  "<p>Response: We will.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings,
            (std::vector<std::string>{"Management's Discussion and Analysis of Financial "
                                      "Condition and Results of Operations (“MD&A”)",
                                      "Liquidity Risk Profile, page 92"}));
}

// A letter on a trust's several series numbers each series' comments from 1 again; a "1."
// that goes on a sentence of the paragraph above ("... as described in Item" / "1. Business
// ...") restarts nothing.
TEST(ExtractTraps, NumberingRestartsUnderEachSeriesCaption) {
  Letter l = Text(std::string(kStaffHead) +
                  "Alpha Growth Fund\n\n1. Please revise the fee table.\n\n2. Please clarify "
                  "the strategy.\n\n3. Please disclose the risks.\n\nAlpha Income Fund\n\n"
                  "1. Please revise the performance table.\n\n2. Please explain the index."
                  "\n\nYou may contact me.\n");
  ASSERT_EQ(l.comments.size(), 5u);
  EXPECT_EQ(l.comments[3].number, 1);
  EXPECT_EQ(l.comments[3].headings, std::vector<std::string>{"Alpha Income Fund"});
  EXPECT_EQ(l.comments[4].number, 2);
  EXPECT_EQ(l.comments[2].text, "Please disclose the risks.");

  Letter trap = Html(std::string(kResponseHead) +
                     "<p>1. Please revise the fee table.</p><p>Response:</p><p>The Company will "
                     "revise it.</p><p>2. Please clarify the pricing.</p><p>Response:</p><p>The "
                     "Company sells a wide range of products and services to customers, as "
                     "described in Item</p><p>1. Business in our Fiscal 2023 Form 10-K.</p>"
                     "<p>3. Please provide an analysis.</p><p>Response:</p><p>The factors are:"
                     "</p><p>1. price; and</p><p>2. volume.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(trap.responses.size(), 3u);
  EXPECT_EQ(trap.responses[2].number, 3);
}

// A staff letter of unnumbered comments, each under its caption, has one comment per caption;
// a caption introduced by a colon ("... the following disclosure:") is quoted text.
TEST(ExtractTraps, UnnumberedCommentsOnePerCaption) {
  Letter l = Text(std::string(kStaffHead) +
                  "Controls and Procedures, page 34\n\nIt does not appear that management "
                  "assessed its internal control. Please revise.\n\nExhibits 31.1 and 31.2\n\n"
                  "We note that the certifications omit paragraph 4. Please amend.\n\n"
                  "You may contact me.\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[0].headings, std::vector<std::string>{"Controls and Procedures, page 34"});
  EXPECT_EQ(l.comments[1].headings, std::vector<std::string>{"Exhibits 31.1 and 31.2"});
  EXPECT_EQ(l.comments[1].text, "We note that the certifications omit paragraph 4. Please amend.");

  Letter quoted = Text(std::string(kStaffHead) +
                       "Risk Factors, page 12\n\nPlease add a risk factor with the following "
                       "caption:\n\nOur Auditor Is Not Inspected\n\nand explain the risk to "
                       "investors.\n\nYou may contact me.\n");
  ASSERT_EQ(quoted.comments.size(), 1u);
  EXPECT_EQ(quoted.comments[0].headings, std::vector<std::string>{"Risk Factors, page 12"});
}

// The rows of a table of figures at the end of an answer are no captions of the next restated
// comment (a real 2016 reply's reconciliation); a caption set in a table is one.
TEST(ExtractTraps, TableRowsOfFiguresAreNoCaptions) {
  Letter l = Html(std::string(kResponseHead) +
                  "<table><tr><td><b>Note 13 - Income Taxes, page 116</b></td></tr></table>"
                  "<p><i>1. Please reconcile the valuation allowance.</i></p><p>Please see the "
                  "reconciliation below.</p><table><tr><td>Increase in valuation allowance</td>"
                  "<td>20,978</td></tr><tr><td>Other</td><td>288</td></tr><tr><td><b>Expenses"
                  "</b></td><td><b>24,332</b></td></tr><tr><td>License to CRV-118 in Japan</td>"
                  "<td>BESP $[**]</td></tr></table>"
                  "<p><i>2. Please clarify the deductions.</i></p><p>The Company will clarify."
                  "</p><table><tr><td><b>Exhibits 99.1 and 99.2</b></td></tr></table>"
                  "<p><i>3. Please revise the press release.</i></p><p>The Company will revise."
                  "</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 3u);
  const std::vector<std::string> note{"Note 13 - Income Taxes, page 116"};
  EXPECT_EQ(l.responses[0].headings, note);
  EXPECT_EQ(l.responses[1].headings, note);
  EXPECT_EQ(l.responses[2].headings, std::vector<std::string>{"Exhibits 99.1 and 99.2"});
}

// A reply that prints its date alone, right-aligned, under a long Re: block (a real 2022
// extension request): that is its date, not the filing date the Re: block names.
TEST(ExtractTraps, DateAloneBelowALongReBlock) {
  Letter l = Html(
      "<p>Division of Corporation Finance</p><p>Re: Acme Financial Corporation Definitive "
      "Proxy</p><p>Statement on Schedule 14A Filed March 21, 2022</p><p>File No. 001-13300</p>"
      "<p>Attention: Office of Finance</p><p>September 29, 2022</p><p>To Division of "
      "Corporation Finance:</p><p>We received your comment letter dated September 20, 2022 "
      "and will respond by October 14, 2022.</p><p>Sincerely,</p><p>Jane Roe</p>");
  EXPECT_EQ(l.letter_date, Date::Parse("2022-09-29"));
}

// An exhibit's label alone on its line ("EX-99.2") is a caption in the run above a comment,
// though it is mostly digits (a real 2020 staff letter lost its Form 8-K caption at it).
TEST(ExtractTraps, ExhibitLabelAloneIsACaption) {
  Letter l = Text(std::string(kStaffHead) +
                  "Form 10-Q for the Quarterly Period Ended September 30, 2020\n\nNotes to "
                  "Consolidated Financial Statements\n\n1. Please revise the loan table."
                  "\n\nForm 8-K furnished October 22, 2020\nEX-99.2\nReconciliation of "
                  "Non-GAAP Measures, page 22\n\n2. Please revise the reconciliation.\n\n"
                  "You may contact me.\n");
  ASSERT_EQ(l.comments.size(), 2u);
  EXPECT_EQ(l.comments[1].headings,
            (std::vector<std::string>{"Form 8-K furnished October 22, 2020", "EX-99.2",
                                      "Reconciliation of Non-GAAP Measures, page 22"}));
}

// A reply whose head prints no date prints it in its running headers ("Securities and Exchange
// Commission" / "July 14, 2017" / "Page 2", a real 2017 reply): that is its date, not the
// filing date of its Re: block.
TEST(ExtractTraps, DateOnlyInTheRunningHeaders) {
  const std::string brk = "<br clear=\"all\" style=\"page-break-before:always;\">";
  Letter l = Html(
      "<p>Mr. Nicholas Panos</p><p>U.S. Securities and Exchange Commission</p><p>Washington, "
      "D.C. 20549</p><p>Re: Acme Corporation</p><p>Registration Statement on Form S-4</p>"
      "<p>Filed June 30, 2017 File No. 333-219060</p><p>Dear Mr. Panos:</p><p>On behalf of "
      "Acme Corporation, we respond to the comments of the Staff.</p><p><b>1. Please revise "
      "the summary.</b></p><p>The Company has revised the summary.</p>" +
      brk +
      "<p>Securities and Exchange Commission</p><p>July 14, 2017</p><p>Page 2</p>"
      "<p><b>2. Please file the consent.</b></p><p>The Company has filed it.</p>"
      "<p>Sincerely,</p><p>Jane Roe</p>");
  EXPECT_EQ(l.letter_date, Date::Parse("2017-07-14"));
  EXPECT_EQ(l.responses.size(), 2u);
}

// A caption run into the start of a restated comment, underlined unlike the rest (a real
// Citigroup reply: "1." | "<u>Description of Index Warrants, page 49</u>. We note ..."), is the
// comment's caption; an underlined label or word after the number is not.
TEST(ExtractTraps, RunInCaptionAfterTheNumber) {
  Letter l = Html(std::string(kResponseHead) +
                  "<table><tr><td>1.</td><td><b><u>Description of Index Warrants, page 49</u>. "
                  "We note that index warrants may be issued independently of debt securities."
                  "</b></td></tr></table><p>Response: We will revise the disclosure.</p>"
                  "<p>2. <u>Risk Factors, page 5</u>. We note that your base prospectus states "
                  "that an investment is risky.</p><p>Response: Done.</p>"
                  "<p>3. <u>Please</u> revise the cover page to name each class of securities."
                  "</p><p>Response: Revised.</p><p>Sincerely,</p><p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 3u);
  EXPECT_EQ(l.responses[0].headings,
            std::vector<std::string>{"Description of Index Warrants, page 49"});
  EXPECT_EQ(l.responses[0].comment_text,
            "We note that index warrants may be issued independently of debt securities.");
  EXPECT_EQ(l.responses[1].headings, std::vector<std::string>{"Risk Factors, page 5"});
  EXPECT_EQ(l.responses[1].comment_text.substr(0, 7), "We note");
  EXPECT_EQ(l.responses[2].headings, std::vector<std::string>{"Risk Factors, page 5"});
  EXPECT_EQ(l.responses[2].comment_text.substr(0, 13), "Please revise");
}

// A law firm's notice of its legal form at the foot of the first page is no caption.
TEST(ExtractTraps, PartnershipNoticeIsNoCaption) {
  const std::string brk = "<br clear=\"all\" style=\"page-break-before:always;\">";
  Letter l = Html(std::string(kResponseHead) +
                  "<p>We have recited the comments in bold type.</p><table><tr><td>KESSLER ROWE "
                  "&amp; ASHBY LLP IS A LIMITED LIABILITY PARTNERSHIP ORGANIZED IN THE UNITED "
                  "STATES UNDER THE LAWS OF THE STATE OF NEW YORK</td></tr></table>" +
                  brk +
                  "<p><b><u>General</u></b></p><p><b>1. Please tell us about the spin-off.</b>"
                  "</p><p>The Company respectfully advises the Staff.</p><p>Sincerely,</p>"
                  "<p>Jane</p>");
  ASSERT_EQ(l.responses.size(), 1u);
  EXPECT_EQ(l.responses[0].headings, std::vector<std::string>{"General"});
}

// Parts of the filing are siblings: "Risk Factors" after an MD&A caption, or "Notes to
// Consolidated Financial Statements - Note 6. ..." (whose "6." ends no sentence), is not inside
// MD&A.
TEST(ExtractTraps, PartsOfTheFilingAreSiblings) {
  Letter l = Text(std::string(kStaffHead) +
                  "Management's Discussion and Analysis\n\nResults of Operations, page 30\n\n"
                  "1. Please quantify each factor.\n\nRisk Factors, page 12\n\n2. Please revise "
                  "the first risk factor.\n\nNotes to Consolidated Financial Statements - Note 6. "
                  "Fair Value, page F-19\n\n3. Please disclose the inputs.\n\nSincerely,\n\n"
                  "Jane Doe\n");
  ASSERT_EQ(l.comments.size(), 3u);
  EXPECT_EQ(l.comments[1].headings, std::vector<std::string>{"Risk Factors, page 12"});
  EXPECT_EQ(l.comments[2].headings,
            std::vector<std::string>{
                "Notes to Consolidated Financial Statements - Note 6. Fair Value, page F-19"});
}

}  // namespace
}  // namespace corresp
