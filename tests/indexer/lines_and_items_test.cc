// Direct table tests of the decisions between words and comments: lines -> blocks
// (LinesToBlocks), page furniture by wording (DropPageFurniture), run-on detection
// (LooksRunOn) and the acceptance of numbered items in sequence (FindItems).
#include <gtest/gtest.h>

#include "indexer/extract/lines.h"
#include "indexer/extract/run_on.h"
#include "indexer/segment/items.h"

namespace corresp::testing {
namespace {

// A PDF line at `top` on `page`, running from x 72 to `right`.
Line PdfLine(std::string text, double top, double right = 540, int page = 1, bool bold = false) {
  Line l;
  l.text = std::move(text);
  l.page = page;
  l.top = top;
  l.bottom = top + 10.8;
  l.x0 = 72;
  l.x1 = right;
  l.bold = bold;
  l.geometric = true;
  return l;
}

std::vector<std::string> BlockTexts(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const Block& b : blocks) out.push_back(b.text);
  return out;
}

struct BlocksCase {
  std::vector<Line> lines;
  std::vector<std::string> blocks;
  const char* why;
};

TEST(LinesToBlocks, ParagraphBreaks) {
  const BlocksCase cases[] = {
      {{PdfLine("We note your disclosure of revenue", 100),
        PdfLine("by segment on page 12.", 114.4, 300)},
       {"We note your disclosure of revenue by segment on page 12."},
       "consecutive lines of one paragraph join"},
      {{PdfLine("Please revise.", 100, 200), PdfLine("Please also tell us more.", 114.4)},
       {"Please revise.", "Please also tell us more."},
       "a short line ends its paragraph"},
      {{PdfLine("Please revise the table", 100), PdfLine("Please tell us", 130)},
       {"Please revise the table", "Please tell us"},
       "a vertical gap of more than 0.75 line height"},
      {{PdfLine("Revenue Recognition, page 52", 100, 540, 1, true),
        PdfLine("We note your policy.", 114.4)},
       {"Revenue Recognition, page 52", "We note your policy."},
       "an emphasis change"},
      {{PdfLine("1. We note the charge", 100), PdfLine("2. Please explain", 114.4)},
       {"1. We note the charge", "2. Please explain"},
       "an item number starts a block"},
      {{PdfLine(
            "The reserve report does not include all of the information required by Item 1202(a)",
            100),
        PdfLine("(8) of Regulation S-K. Please revise.", 114.4, 300)},
       {"The reserve report does not include all of the information required by Item 1202(a) (8) "
        "of Regulation S-K. Please revise."},
       "a reference's number going on in parentheses on the next line starts no item"},
      {{PdfLine("Confidential treatment is requested for the information in the response.", 100,
                538, 1, true),
        PdfLine("Comment 2", 114.4, 150, 1, true),
        PdfLine("We note your variable interest.", 128.8, 300)},
       {"Confidential treatment is requested for the information in the response.", "Comment 2",
        "We note your variable interest."},
       "a comment's label alone on its line after a sentence's end, set alike"},
      {{PdfLine("We note the guidance in Question 104.04 of the Non-GAAP Compliance and Disclosure",
                100, 460),
        PdfLine("Interpretations. In future filings we will identify the measure as non-GAAP and",
                114.4, 538)},
       {"We note the guidance in Question 104.04 of the Non-GAAP Compliance and Disclosure "
        "Interpretations. In future filings we will identify the measure as non-GAAP and"},
       "a short line is a wrap when the next line's first word would not have fit on it"},
      {{PdfLine("Risk Factors", 100, 140), PdfLine("Please revise the risk factor.", 114.4, 538)},
       {"Risk Factors", "Please revise the risk factor."},
       "trap: a short line whose next word would have fit ends its caption"},
      {{PdfLine("a. the amount of loans secured by owner-occupied properties;", 100),
        PdfLine("b. the concentration of the portfolio by state, including Idaho; and", 114.4),
        PdfLine("c. the amount of loans with interest-only payment terms.", 128.8)},
       {"a. the amount of loans secured by owner-occupied properties;",
        "b. the concentration of the portfolio by state, including Idaho; and",
        "c. the amount of loans with interest-only payment terms."},
       "a list's next letter starts a block, also after a part ending on 'and' at the margin"},
      {{PdfLine("Note 7: Unpaid losses and loss expenses", 100, 300),
        PdfLine("c) Loss Development Tables, page F-46", 114.4, 300),
        PdfLine("1. We acknowledge your response to prior comment 4. Please tell us", 128.8)},
       {"Note 7: Unpaid losses and loss expenses", "c) Loss Development Tables, page F-46",
        "1. We acknowledge your response to prior comment 4. Please tell us"},
       "a caption lettered as a sub-section and ending on its page opens a block of its own"},
      {{PdfLine("Note 7: Unpaid losses and loss expenses", 100, 300),
        PdfLine("c) Loss Development Tables", 114.4, 300),
        PdfLine("1. We acknowledge your response to prior comment 4. Please tell us", 128.8)},
       {"Note 7: Unpaid losses and loss expenses c) Loss Development Tables",
        "1. We acknowledge your response to prior comment 4. Please tell us"},
       "trap: without its page a lettered line after a caption that ends no part is the "
       "caption's"},
      {{PdfLine("Please tell us how you define", 100, 400),
        PdfLine("\u201Csame-property\u201D and whether hotels under renovation are excluded.",
                114.4)},
       {"Please tell us how you define \u201Csame-property\u201D and whether hotels under "
        "renovation are excluded."},
       "a ragged line goes on in the next when that opens with a quote, then lower case"},
      {{PdfLine("\u2022 The fee waiver may be reduced.", 100),
        [] {
          Line l = PdfLine("Fees and Expenses, page 14", 114.4, 300);
          l.italic = true;
          return l;
        }()},
       {"\u2022 The fee waiver may be reduced.", "Fees and Expenses, page 14"},
       "an italic line after a plain one starts a block (a caption after a bullet)"},
      {{PdfLine("The company recognizes revenue when control", 700, 540, 1),
        PdfLine("transfers to the customer.", 80, 300, 2)},
       {"The company recognizes revenue when control transfers to the customer."},
       "a paragraph cut by a page break is rejoined"},
      {{PdfLine("The amount was material.", 700, 300, 1), PdfLine("Please revise.", 80, 300, 2)},
       {"The amount was material.", "Please revise."},
       "a page that starts a sentence starts a block"},
      {{PdfLine("non-cash", 100), PdfLine("items were excluded", 114.4, 300)},
       {"non-cash items were excluded"},
       "a line ending in a word's hyphen joins with a space"},
      {{PdfLine("We refer to the discussion of impair-", 100),
        PdfLine("ment charges.", 114.4, 300)},
       {"We refer to the discussion of impair-ment charges."},
       "a hyphen at a line break is kept, no space"},
      {{PdfLine("Management's Discussion and Analysis of Financial Condition and Results of", 100),
        PdfLine("Operations, page 12", 130, 200), PdfLine("Business Review, page 15", 160, 200)},
       {"Management's Discussion and Analysis of Financial Condition and Results of "
        "Operations, page 12",
        "Business Review, page 15"},
       "a heading line ending on 'of' goes on in the next line, across a gap"},
      {{PdfLine("Item 2. Management's Discussion and Analysis of Financial", 100, 380, 1, true),
        PdfLine("Condition and Results of Operations", 114.4, 280, 1, true),
        PdfLine("Asset Quality, page 41", 128.8, 200, 1, true),
        PdfLine("8. We note that nonaccrual loans increased during the quarter, primarily", 143.2),
        PdfLine("due to two office loans. Please disclose the interest income forgone.", 157.6)},
       {"Item 2. Management's Discussion and Analysis of Financial Condition and Results of "
        "Operations",
        "Asset Quality, page 41",
        "8. We note that nonaccrual loans increased during the quarter, primarily due to two "
        "office loans. Please disclose the interest income forgone."},
       "a standard section caption broken over two lines by hand is one heading"},
      {{PdfLine("Please also revise to clarify whether the", 100, 400),
        PdfLine("ParentCo board would consider the waiver.", 130)},
       {"Please also revise to clarify whether the ParentCo board would consider the waiver."},
       "a sentence ending on 'the' before a gap is not a paragraph's end"},
      {{PdfLine("We note the disclosure and", 100, 300), PdfLine("1. Please revise", 114.4)},
       {"We note the disclosure and", "1. Please revise"},
       "an item number still starts a block after a dangling word"},
      {{PdfLine("Risk Factors and", 100, 200, 1, true), PdfLine("We note your policy.", 114.4)},
       {"Risk Factors and", "We note your policy."},
       "an emphasis change still starts a block after a dangling word"},
  };
  for (const BlocksCase& c : cases)
    EXPECT_EQ(BlockTexts(LinesToBlocks(c.lines)), c.blocks) << c.why;
}

// LibreOffice's PDFs draw line boxes as tall as the line pitch, so the gap between two boxes
// hardly shows paragraph spacing: a line set at twice the body's pitch below the one before
// starts a paragraph, here a caption at the margin after a full line ending a sentence.
TEST(LinesToBlocks, ParagraphSpacingByLinePitch) {
  auto tall = [](std::string text, double top, double right = 539) {
    Line l = PdfLine(std::move(text), top, right);
    l.bottom = top + 15.6;  // the pitch is 13.8: boxes overlap
    return l;
  };
  std::vector<Line> lines = {
      tall("2. Please provide a map or maps for each of your material properties showing", 104.8),
      tall("location and access to the property, the boundaries of your concessions, and the",
           118.6),
      tall("principal infrastructure, as required by Instruction 3(b) to paragraph (b) of Guide 7.",
           132.4, 530),
      tall("Item 5. Operating and Financial Review and Prospects", 158.2, 334),
      tall("A. Operating Results, page 71", 172.0, 220)};
  EXPECT_EQ(BlockTexts(LinesToBlocks(lines)),
            (std::vector<std::string>{
                "2. Please provide a map or maps for each of your material properties showing "
                "location and access to the property, the boundaries of your concessions, and the "
                "principal infrastructure, as required by Instruction 3(b) to paragraph (b) of "
                "Guide 7.",
                "Item 5. Operating and Financial Review and Prospects",
                "A. Operating Results, page 71"}));
}

// A caption line that left room for the next line's first word ended on purpose; the column's
// right edge (540) comes from the body lines below the captions.
TEST(LinesToBlocks, CaptionLineEndedWithRoomForTheNextWord) {
  // 82 characters in 408 points: about 5 points a character, 60 points left at the right.
  const BlocksCase cases[] = {
      {{PdfLine("Consolidated Results of Operations for the years ended December 31, 2020 and 2019",
                100, 480),
        PdfLine("Economic Gross Margin, page 53", 114.4, 230)},
       {"Consolidated Results of Operations for the years ended December 31, 2020 and 2019",
        "Economic Gross Margin, page 53"},
       "'Economic' would have fit on the line above: two captions"},
      {{PdfLine("Note 15 - Investments Accounted for by the Equity Method and Variable Interest "
                "Entities",
                100, 505),
        PdfLine("Variable Interest Entities, page 165", 114.4, 250)},
       {"Note 15 - Investments Accounted for by the Equity Method and Variable Interest Entities "
        "Variable Interest Entities, page 165"},
       "'Variable' would not have fit: geometry cannot tell a wrap from two captions"},
      {{PdfLine("Appendix Table A-1: First Quarter 2016 Adjusted EBITDA Reconciliation for NRG",
                100, 478),
        PdfLine("Energy, Inc., page 11", 114.4, 180)},
       {"Appendix Table A-1: First Quarter 2016 Adjusted EBITDA Reconciliation for NRG Energy, "
        "Inc., page 11"},
       "a company's name goes on, whatever room was left"},
      {{PdfLine("Refer to Question 104.04 of the Non-GAAP Compliance", 100, 470),
        PdfLine("& Disclosure Interpretations.", 114.4, 220)},
       {"Refer to Question 104.04 of the Non-GAAP Compliance & Disclosure Interpretations."},
       "a body line's break is a wrap: only a caption's last line is split off"},
      {{PdfLine("Management's Discussion and Analysis of Financial Condition and Results of "
                "Operations, page 12",
                100, 538, 1, true),
        PdfLine("Business Review, page 15", 114.4, 230, 1, true)},
       {"Management's Discussion and Analysis of Financial Condition and Results of Operations, "
        "page 12",
        "Business Review, page 15"},
       "a caption line ending at its page above another set alike: two captions, however far it "
       "ran"},
  };
  for (const BlocksCase& c : cases) {
    // The column's right edge (540) comes from a body paragraph below the captions.
    std::vector<Line> lines = c.lines;
    for (int i = 0; i < 4; ++i)
      lines.push_back(PdfLine("the body of the comment runs to the margin", 160 + 14.4 * i));
    std::vector<std::string> texts = BlockTexts(LinesToBlocks(lines));
    texts.pop_back();  // the body paragraph
    EXPECT_EQ(texts, c.blocks) << c.why;
  }
}

// A plain-text line (no geometry), after a blank line when `blank`.
Line TextLine(std::string text, bool blank = false) {
  Line l;
  l.text = std::move(text);
  l.blank_before = blank;
  return l;
}

// Plain text without blank lines between paragraphs (text letters, pdftotext output): a line is
// short against the letter's full lines (the 90th percentile of their lengths).
TEST(LinesToBlocks, PlainTextHeadingsBetweenParagraphs) {
  const std::string full =  // 87 characters: the letter's full line
      "We have reviewed your filing and have the following comments. In some of our comments,";
  const BlocksCase cases[] = {
      {{TextLine(full), TextLine(full),
        TextLine("we may have additional comments after reviewing "
                 "your response to these comments today."),
        TextLine("General"), TextLine("1. Please revise the table.")},
       {full + " " + full +
            " we may have additional comments after reviewing your response to these comments "
            "today.",
        "General", "1. Please revise the table."},
       "a short line that ends no sentence after one that ends a sentence is a heading"},
      {{TextLine(full),
        TextLine("revise your disclosure accordingly in your next annual report "
                 "on Form 10-K for the year."),
        TextLine("Please also tell us how you considered the guidance in ASC 606 when you "
                 "decided it."),
        TextLine(full)},
       {full +
        " revise your disclosure accordingly in your next annual report on Form 10-K for "
        "the year. Please also tell us how you considered the guidance in ASC 606 when "
        "you decided it. " +
        full},
       "a sentence ending at the end of a full line goes on in the next full line"},
      {{TextLine(full), TextLine("today."),
        TextLine("Notes to Consolidated Financial Statements, Note 2. Significant Accounting "
                 "Policies, page 61"),
        TextLine("Revenue Recognition and Disclosures about Contracts with Customers, page 62"),
        TextLine("1. We note your revenue.")},
       {full + " today.",
        "Notes to Consolidated Financial Statements, Note 2. Significant Accounting Policies, "
        "page 61",
        "Revenue Recognition and Disclosures about Contracts with Customers, page 62",
        "1. We note your revenue."},
       "a caption ends at its page, even a full line's length"},
      {{TextLine(full), TextLine("today."),
        TextLine("Management's Discussion and Analysis of Financial Condition and Results of "
                 "Operations, page"),
        TextLine("95"), TextLine("1. We note your revenue.")},
       {full + " today.",
        "Management's Discussion and Analysis of Financial Condition and Results of Operations, "
        "page 95",
        "1. We note your revenue."},
       "a caption's page number wrapped onto a line of its own stays its page, no page number"},
  };
  for (const BlocksCase& c : cases) {
    std::vector<std::string> got = BlockTexts(LinesToBlocks(DropPageFurniture(c.lines, nullptr)));
    EXPECT_EQ(got, c.blocks) << c.why;
  }
}

struct FurnitureCase {
  std::vector<Line> lines;
  std::vector<std::string> kept;
  const char* why;
};

std::vector<std::string> LineTexts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(l.text);
  return out;
}

// A line of an HTML letter (an element), on the printed page its page breaks give.
// A PDF line in a 7-point font (the body's is 10.8 points high).
Line SmallLine(std::string text, double top, int page) {
  Line l = PdfLine(std::move(text), top, 400, page);
  l.bottom = top + 7.2;
  return l;
}

Line TextLine(std::string text, int page) {
  static double top = 0;
  Line l;
  l.text = std::move(text);
  l.page = page;
  l.top = ++top;
  l.bottom = l.top + 1;
  return l;
}

TEST(DropPageFurniture, RunningHeadersAndPageNumbers) {
  const FurnitureCase cases[] = {
      {{PdfLine("Mr. John Smith", 50, 150, 2), PdfLine("Acme Corporation", 64, 160, 2),
        PdfLine("June 16, 2017", 78, 140, 2), PdfLine("Page 2", 92, 110, 2),
        PdfLine("Please revise.", 130, 200, 2)},
       {"Please revise."},
       "name / company / date above 'Page 2' at the top of a page"},
      {{PdfLine("Dana Whitfield", 36, 150, 3),
        PdfLine("Brightwater Therapeutics, Inc.", 63, 200, 3),
        PdfLine("March 14, 2021", 90, 140, 3), PdfLine("Page 2", 117, 110, 3),
        PdfLine("Please revise.", 150, 200, 3)},
       {"Please revise."},
       "a header's lines set apart as paragraphs: each is near the next, all far from the page "
       "line"},
      {{PdfLine("Acme Corporation", 50, 160, 2), PdfLine("June 16, 2017 Page 2", 64, 200, 2),
        PdfLine("Please revise.", 100, 200, 2)},
       {"Please revise."},
       "a date line ending in the page number"},
      {{PdfLine("We note your response to comment 3.", 300, 400, 2),
        PdfLine("Page 2", 330, 110, 2)},
       {"We note your response to comment 3."},
       "a sentence above a page line is no header line"},
      {{PdfLine("Please revise.", 700, 200, 1), PdfLine("3", 760, 80, 1)},
       {"Please revise."},
       "a lone page number at the foot of a page"},
      {{PdfLine("We acknowledge the comment.", 700, 300, 1),
        PdfLine("Sablecreek Midstream Partners, L.P. | Page 1", 760, 300, 1)},
       {"We acknowledge the comment."},
       "a filing agent's footer: the company's name, a bar and the page"},
      {{PdfLine("Page 6 <May 9, 2017>", 50, 200, 6),
        PdfLine("We acknowledge the comment.", 80, 300, 6)},
       {"We acknowledge the comment."},
       "a page line with the letter's date"},
      {{PdfLine("Form 10-K for the Fiscal Year Ended December 31, 2017", 50, 400, 1),
        PdfLine("Item 7A - Qualitative and Quantitative Disclosures about Market Risk,", 64, 500,
                1),
        PdfLine("page 43", 78, 120, 1)},
       {"Form 10-K for the Fiscal Year Ended December 31, 2017",
        "Item 7A - Qualitative and Quantitative Disclosures about Market Risk,", "page 43"},
       "trap: a caption's page wrapped after its comma is no running header"},
      {{PdfLine("Page 6 of the filing describes the plan.", 50, 300, 6)},
       {"Page 6 of the filing describes the plan."},
       "trap: a sentence opening with a page"},
      {{PdfLine("Acme Corporation", 50, 160, 2), PdfLine("June 16, 2017 Page 2", 64, 200, 2),
        [] {
          Line small = PdfLine("Jane Doe", 79, 120, 2);
          small.bottom = small.top + 7.2;
          return small;
        }(),
        PdfLine("Please revise the table.", 100, 540, 2),
        PdfLine("Please also tell us.", 114.4, 540, 2)},
       {"Please revise the table.", "Please also tell us."},
       "a small-font line right below the page line closes the header"},
      {{PdfLine("Prairie Crest Bancorp, Inc. June 6, 2024 — Page 2", 50, 300, 2),
        PdfLine("Jane Roe — Quillfeather Software, Inc. November 5, 2020, Page 2", 64, 400, 2),
        PdfLine("We acknowledge the comment.", 100, 300, 2)},
       {"We acknowledge the comment."},
       "a running header typed on one line: the page after a dash, or after a date's comma"},
      {{PdfLine("Risk Factors, Page 13", 50, 200, 2),
        PdfLine("Fiscal 2020 compared to 2019, Page 40", 64, 300, 2)},
       {"Risk Factors, Page 13", "Fiscal 2020 compared to 2019, Page 40"},
       "trap: a caption's page after its comma, capitalised, is no running header"},
      {{PdfLine("12/3/26, 3:42 PM Marrowind - Form 10 Response Letter dated July 19, 2024", 20, 500,
                2),
        PdfLine("We acknowledge the comment.", 100, 300, 2)},
       {"We acknowledge the comment."},
       "the date, time and page title a web browser prints at the top of each page"},
      {{PdfLine("The Company will expand the estimate.", 700, 400, 1),
        PdfLine("Securities and Exchange Commission", 50, 300, 2),
        PdfLine("September 13, 2024", 64, 200, 2),
        PdfLine("• the estimated percentage of completion.", 100, 300, 2)},
       {"The Company will expand the estimate.", "• the estimated percentage of completion."},
       "a running header without a page line atop a later page: the Commission and the date"},
      {{PdfLine("The Company will expand the estimate.", 700, 400, 1),
        PdfLine("Securities and Exchange Commission", 50, 300, 2),
        PdfLine("Division of Corporation Finance", 64, 300, 2)},
       {"The Company will expand the estimate.", "Securities and Exchange Commission",
        "Division of Corporation Finance"},
       "trap: the Commission's name atop a page without the date is an address"},
      {{PdfLine("Securities and Exchange Commission - 2 - September 26, 2022", 50, 400, 2),
        PdfLine("We acknowledge the comment.", 80, 300, 2)},
       {"We acknowledge the comment."},
       "a header framing its page number between hyphens"},
      {{PdfLine("Revenue", 50, 120, 2), PdfLine("Gain from sale of business — 2 —", 64, 300, 2),
        PdfLine("Restructuring - 2 - 3", 78, 300, 2)},
       {"Revenue", "Gain from sale of business — 2 —", "Restructuring - 2 - 3"},
       "trap: table rows with nil dashes or figures are no framed page line"},
      {{PdfLine("Priya Ramaswamy, Ph.D.", 50, 160, 2),
        PdfLine("Kestrel Biosciences, Inc.", 64, 200, 2),
        PdfLine("June 17, 2016 Page 2", 78, 200, 2), PdfLine("We remind you.", 110, 200, 2)},
       {"We remind you."},
       "'Ph.D.' ends a name, not a sentence"},
      {{PdfLine("Anne Chwat, Esq.", 50, 160, 2), PdfLine("June 5, 2020 Page 2", 64, 200, 2),
        PdfLine("We remind you.", 100, 200, 2)},
       {"We remind you."},
       "'Esq.' ends a name, not a sentence"},
      {{PdfLine("The Page 2 figures are stale.", 300, 400, 2)},
       {"The Page 2 figures are stale."},
       "'Page 2' inside a sentence"},
      {{TextLine("5. Please explain.", 1), TextLine("Management's Discussion and Analysis of", 1),
        TextLine("Operations", 1), TextLine("Acme Corporation", 2), TextLine("Page 2", 2),
        TextLine("6. Please revise.", 2)},
       {"5. Please explain.", "Management's Discussion and Analysis of", "Operations",
        "6. Please revise."},
       "trap: the header of an HTML page takes no caption from the foot of the page before"},
      {{TextLine("5. Please explain.", 1),
        TextLine("10 Hudson Yards New York, NY 10001 Telephone 212 946-8400", 1),
        TextLine("Acme Corporation", 2), TextLine("Page 2", 2), TextLine("6. Please revise.", 2)},
       {"5. Please explain.", "6. Please revise."},
       "... but a footer with contact details right above the header goes with it"},
      {{TextLine("5. Please explain.", 1), TextLine("Use of Proceeds, page 68", 1),
        TextLine("Acme Corporation", 1), TextLine("Page 2", 1), TextLine("6. Please revise.", 1)},
       {"5. Please explain.", "Use of Proceeds, page 68", "6. Please revise."},
       "trap: with no page break known, a caption with its page is no header line"},
      {{PdfLine("We note your statement that the candidate has not been", 680, 540, 1),
        PdfLine("We also note the trial.", 694, 540, 1), PdfLine("Please revise.", 708, 540, 1),
        SmallLine("Ashford Kimball LLP is a limited liability partnership.", 740, 1),
        SmallLine("US-DOCS\\143552871.3", 752, 1),
        PdfLine("compared head-to-head with other therapies.", 72, 540, 2)},
       {"We note your statement that the candidate has not been", "We also note the trial.",
        "Please revise.", "compared head-to-head with other therapies."},
       "a law firm's footer in a small font below a gap at a page's foot"},
      {{PdfLine("We note the amendment.", 680, 540, 1), PdfLine("Please revise.", 694, 540, 1),
        PdfLine("Please also tell us.", 708, 540, 1),
        SmallLine("1 See Release No. 33-10890.", 740, 1)},
       {"We note the amendment.", "Please revise.", "Please also tell us.",
        "1 See Release No. 33-10890."},
       "trap: a footnote at a page's foot is the letter's"},
      {{PdfLine("We note the amendment.", 680, 540, 1), PdfLine("Please revise.", 694, 540, 1),
        PdfLine("Please also tell us.", 708, 540, 1), SmallLine("Source: the filing.", 720, 1)},
       {"We note the amendment.", "Please revise.", "Please also tell us.", "Source: the filing."},
       "trap: small print right under the text, without a gap, is the letter's"},
      {{PdfLine("Please disclose the expected effect and, if the effect on the financial", 680),
        PdfLine("statements is known, please also disclose such", 694),
        PdfLine("Ms. Shannon Sobotka", 730, 160),
        PdfLine("Securities and Exchange Commission", 744, 250),
        PdfLine("April 10, 2017", 758, 140),
        PdfLine("amounts. Please refer to SAB Topic 11.M.", 72, 400, 2)},
       {"Please disclose the expected effect and, if the effect on the financial",
        "statements is known, please also disclose such",
        "amounts. Please refer to SAB Topic 11.M."},
       "short lines set apart at the foot of a page whose sentence goes on after the break"},
      {{PdfLine("a. Discuss your plans to refinance the facility and any known trends or", 680),
        PdfLine("uncertainties that could affect your ability to do so; and", 694, 400),
        PdfLine("b. disclose whether any lender has waived a covenant.", 72, 400, 2)},
       {"a. Discuss your plans to refinance the facility and any known trends or",
        "uncertainties that could affect your ability to do so; and",
        "b. disclose whether any lender has waived a covenant."},
       "trap: a list's last line on a page is no footer of the next part's sentence"},
      {{PdfLine("We will revise the disclosure in future filings.", 700, 400),
        [] {
          Line footer = PdfLine("Qingshan Smart Logistics Group Limited", 740, 400, 1);
          footer.x0 = 212;
          return footer;
        }(),
        [] {
          Line number = PdfLine("1", 752, 309, 1);
          number.x0 = 303;
          return number;
        }(),
        PdfLine("Risk Factors", 72, 150, 2)},
       {"We will revise the disclosure in future filings.", "Risk Factors"},
       "a footer's line centred right above the page number at the foot"},
      {{PdfLine("We will revise the disclosure in future filings.", 700, 540),
        [] {
          Line footer = PdfLine("Pinecrest Medical Devices, Inc.", 740, 380, 1);
          footer.x0 = 232;
          return footer;
        }(),
        PdfLine("2", 752, 78, 1), PdfLine("Risk Factors", 72, 150, 2)},
       {"We will revise the disclosure in future filings.", "Risk Factors"},
       "... or centred on the page, the number set at the left"},
  };
  for (const FurnitureCase& c : cases)
    EXPECT_EQ(LineTexts(DropPageFurniture(c.lines, nullptr)), c.kept) << c.why;
}

Block Para(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

TEST(LooksRunOn, ShareOfLongBlocksAndBlockCount) {
  std::string page(3000, 'a');
  std::string paragraph(400, 'b');
  struct Case {
    std::vector<Block> blocks;
    bool run_on;
    const char* why;
  } cases[] = {
      {{Para(page), Para(page), Para(paragraph)}, true, "two run-on pages hold most of the text"},
      {{Para(page), Para(paragraph), Para(paragraph), Para(paragraph), Para(paragraph),
        Para(paragraph), Para(paragraph), Para(paragraph), Para(paragraph)},
       false,
       "one long quoted passage among real paragraphs: under 60%"},
      {std::vector<Block>(45, Para(page)), false, "40 blocks or more are real paragraphs"},
      {{}, false, "nothing"},
  };
  for (const Case& c : cases) EXPECT_EQ(LooksRunOn(c.blocks), c.run_on) << c.why;
}

std::string Numbers(const std::vector<ItemSpan>& items) {
  std::string out;
  for (const ItemSpan& it : items)
    out += (out.empty() ? "" : ",") + (it.number ? std::to_string(*it.number) : "-");
  return out;
}

struct ItemsCase {
  std::vector<std::string> blocks;
  bool staff;
  const char* numbers;
  const char* why;
};

TEST(FindItems, SequenceAcceptance) {
  const ItemsCase cases[] = {
      {{"1. Please revise.", "2. Please tell us.", "3. Please explain."},
       true,
       "1,2,3",
       "in sequence"},
      {{"2. Please tell us.", "3. Please explain."},
       true,
       "2,3",
       "a staff letter whose 1 was lost starts at 2 when 3 follows"},
      {{"2. Please tell us."}, true, "", "a staff letter's lone 2 is no sequence"},
      {{"5. We note your response to prior comment 4.", "6. We note your revised disclosure."},
       true,
       "5,6",
       "a staff follow-up may go on numbering from the letter before it"},
      {{"5. We note your response to prior comment 4."}, true, "", "... but a lone 5 is none"},
      {{"4. Please tell us.", "5. Please explain."},
       false,
       "4,5",
       "a reply may answer later comments only"},
      {{"1. Please revise.", "2. Please tell us.", "4. Please disclose.", "5. Please quantify."},
       true,
       "1,2,4,5",
       "one lost number: 4 accepted because 5 follows"},
      {{"1. Please revise.", "2. Please tell us.", "5. Please disclose.", "6. Please quantify."},
       true,
       "1,2",
       "two lost numbers end the sequence"},
      {{"1. Please revise the following:", "1. the first", "2. the second", "2. Please explain."},
       true,
       "1,2",
       "a list restarted inside an item is not the next item"},
      {{"Comment No. 1: Please revise.", "Response: The leaders are:",
        "Functional Leaders 1. Affiliate fees", "2. Advertising revenue",
        "3. Centralized cost functions", "Comment No. 2: Please explain.", "Response: Done."},
       false,
       "1,2",
       "a bare '2.' before a later 'Comment No. 2:' is a list's entry, its '1.' hidden or not"},
      {{"Form 10-K for the Fiscal Year Ended December 31, 2012", "1. Please revise.",
        "2. Please tell us.", "Form 10-Q for the Quarterly Period Ended March 31, 2013",
        "Note 3. Acquisitions, page 9", "1. Please disclose.", "2. Please explain."},
       true,
       "1,2,1,2",
       "a '1.' below a heading naming another filing restarts the sequence"},
      {{"1. Revenue recognition - explains our method 2", "2. Deferred revenue - roll-forward 3",
        "Form 10-K for the Fiscal Year Ended December 31, 2012", "1. Please tell us more.",
        "Response: We will.", "2. Please provide a roll-forward.", "Response: Attached."},
       false,
       "1,2",
       "a numbered summary of the answers (one line each, back to back) is no run of items"},
      {{"1. Please revise.", "Response: Revised.", "2. Please tell us.", "Response: Told.",
        "Form 10-Q for the Quarterly Period Ended March 31, 2013", "1. Please disclose."},
       false,
       "1,2,1",
       "trap: restated comments with answers between them are items, and so are the next "
       "filing's"},
      {{"1. Please revise.", "2. Please tell us.", "Liquidity, page 30", "1. Please disclose."},
       true,
       "1,2",
       "trap: a '1.' below a caption of the same filing does not"},
      {{"1. Please revise.", "1. first", "2. second", "3. third", "Then:", "1. again", "2. more",
        "2. Please explain."},
       false,
       "1,2",
       "a second list inside the same item restarts at 1 too"},
      {{"1. Please revise.", "1. Vehicles with a guaranteed value", "1) a recall", "2) the season",
        "3) a lost title", "2. Vehicles shipped by us", "2. We note your revenue."},
       false,
       "1,2",
       "'1) 2) 3)' is another list than '1. 2.': the answer's '2.' goes on its own list"},
      {{"Comment No. 1: Please revise.", "1. first", "Comment No. 2: Please tell us.", "1. again",
        "Comment No. 3: Please explain."},
       false,
       "1,2,3",
       "a labelled comment is the next item even where a list reached n-1"},
      {{"1. Please revise.", "Sincerely,", "2. Please tell us."},
       true,
       "1,2",
       "a closing does not end the body while the next number still follows"},
      {{"1. Please revise.", "We remind you that the company is responsible.", "3. Contact us."},
       true,
       "1",
       "the closing ends the body when the next number does not follow"},
      {{"1. Loans Held for Sale, page 34", "Comment: Please tell us the fair value.",
        "Response: We used quoted prices.", "2. Allowance for Loan Losses, page 41",
        "Comment: Please disclose the factors.", "Response: We will."},
       false,
       "1,2",
       "a caption numbered as the comment it heads gives its number to the 'Comment:' below"},
      {{"1. Please revise.", "Response: We will.", "6. Impairment, page F-9",
        "Comment: Please explain.", "Response: We will."},
       false,
       "1",
       "trap: a note's number out of sequence ('6.' after 1) gives none"},
      {{"1. Please revise.", "2. Please tell us.", "Note 3. Leases", "5. Leases, page F-20",
        "Comment: Please explain."},
       true,
       "1,2",
       "trap: a numbered caption out of sequence keeps its number"},
      {{"Comment 1: Please revise.", "Response: Revised.", "Comment 2: Please tell us.",
        "Response: Told.", "Comment 5: Please explain.", "Response: Explained.",
        "Comment 4: Please disclose.", "Response: Disclosed."},
       false,
       "1,2,5,4",
       "a reply answering out of order takes a skipped number labelled like the others"},
      {{"1. Please revise.", "Response: We will list them:", "3. the third", "1. the first"},
       false,
       "1",
       "trap: a list inside the answer is no comment answered out of order"},
  };
  for (const ItemsCase& c : cases) {
    std::vector<Block> blocks;
    for (const std::string& t : c.blocks) blocks.push_back(Para(t));
    ItemScanOptions options;
    options.staff = c.staff;
    EXPECT_EQ(Numbers(FindItems(blocks, 0, options, nullptr)), c.numbers) << c.why;
  }
}

// A line of quoted disclosure opening with the next number is the quotation's when the same
// number comes later; without a later one, it is the next item all the same.
TEST(FindItems, QuotedLineOpeningWithTheNextNumber) {
  auto find = [](const std::vector<std::string>& texts) {
    std::vector<Block> blocks;
    for (const std::string& t : texts) blocks.push_back(Para(t));
    return FindItems(blocks, 0, ItemScanOptions{}, nullptr);
  };
  std::vector<ItemSpan> items =
      find({"1. Please revise.", "2. We note you will disclose the following:",
            "\"Our backlog was $45.2 million at December 31, 2009.",
            "3. We expect to fill the backlog within twelve months.\"", "Please confirm this.",
            "3. Please tell us the goodwill of each unit."});
  ASSERT_EQ(Numbers(items), "1,2,3");
  EXPECT_EQ(items[2].start, 5u);
  items = find({"1. Please revise.", "2. We note you will disclose \"backlog\" as follows:",
                "3. Please tell us the goodwill of each unit."});
  ASSERT_EQ(Numbers(items), "1,2,3") << "trap: a quotation closed before the number";
  items = find({"1. Please revise.", "2. We note your \u201Cbacklog", "3. Please tell us more."});
  EXPECT_EQ(Numbers(items), "1,2,3") << "trap: no later 3, so this is comment 3";
}

}  // namespace
}  // namespace corresp::testing
