// Words -> lines of a PDF page (pdf_lines.h) and furniture found by repetition
// (repeated_lines.h): the decisions, table by table, on word boxes shaped like the corpus's
// (a staff letter's page template drawn over the body, running headers on later pages).
#include "indexer/extract/pdf_lines.h"

#include <gtest/gtest.h>

#include "indexer/extract/repeated_lines.h"

namespace corresp::testing {
namespace {

PdfWord W(std::string text, double x0, double top, double height = 10.8) {
  // Words 6 points wide per character, as a 12-pt font roughly sets them.
  return PdfWord{text, x0, x0 + 6.0 * static_cast<double>(text.size()), top, top + height};
}

std::vector<std::string> Texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) out.push_back(l.text);
  return out;
}

struct CollideCase {
  PdfWord a, b;
  bool collide;
  const char* why;
};

TEST(PdfLinesTest, WordsCollideOnlyWhenDrawnOverEachOther) {
  const CollideCase cases[] = {
      {W("We", 72, 100), W("note", 90, 100), false, "neighbours on a line"},
      {W("We", 72, 100), W("note", 83.7, 100), false, "kerned into each other by 0.3 pt"},
      {W("Comapany", 72, 568.5), W("Please", 105.8, 571.0), true, "template over body, 3 pt off"},
      {W("January", 72, 586.5), W("discussion", 105.8, 585.4), true, "overlap of 3.5 pt"},
      {W("above", 72, 100), W("below", 72, 114.4), false, "consecutive lines"},
      {W("tall", 72, 100), W("sup", 80, 96, 6), false, "a superscript beside, 4 pt"},
  };
  for (const CollideCase& c : cases) EXPECT_EQ(WordsCollide(c.a, c.b), c.collide) << c.why;
}

struct LinesCase {
  std::vector<PdfWord> words;
  std::vector<std::string> lines;
  const char* why;
};

TEST(PdfLinesTest, WordsToLinesKeepsOverlaysApart) {
  const LinesCase cases[] = {
      {{W("note", 120, 100), W("We", 100, 100), W("it.", 150, 100)},
       {"We note it."},
       "one baseline, sorted left to right"},
      {{W("1.", 70.5, 100.7), W("Please", 105.8, 100)},
       {"1. Please"},
       "a number set 0.7 pt lower joins its text"},
      {{W("5.", 70.5, 571.75), W("Please", 105.8, 571.0), W("expand", 144.8, 571.0),
        W("Comapany", 72, 568.5), W("NameAcme", 127, 568.5)},
       {"Comapany NameAcme", "5. Please expand"},
       "a template line drawn over a comment's first line stays whole and apart"},
      {{W("discussion", 105.8, 585.4), W("of", 170, 585.4), W("January", 62, 586.5),
        W("27,", 108.3, 586.5), W("2021", 130.3, 586.5), W("Page", 157.3, 586.5)},
       {"discussion of", "January 27, 2021 Page"},
       "a template word in a gap of the body row does not join it (whole baselines move)"},
      {{W("Bold", 72, 100), W("Bold", 72.4, 100.2)}, {"Bold"}, "fake bold: drawn twice"},
      {{PdfWord{"April", 72, 97.3, 85.8, 96.6}, PdfWord{"29,", 100.3, 115.3, 85.8, 96.6},
        PdfWord{"2019", 118.3, 142.3, 85.8, 96.6}, PdfWord{"Page", 145.3, 168.7, 85.8, 96.6},
        PdfWord{"2", 171.7, 177.7, 85.8, 96.6}, PdfWord{"Page", 72, 95.3, 85.8, 96.6},
        PdfWord{"2", 98.3, 104.3, 85.8, 96.6}},
       {"April 29, 2019 Page 2", "Page 2"},
       "two layers on one baseline: each word follows its own layer at a space's distance"},
  };
  for (const LinesCase& c : cases) EXPECT_EQ(Texts(WordsToLines(c.words, 1)), c.lines) << c.why;
}

Line L(std::string text, int page, double top, double x0 = 72) {
  Line l;
  l.text = std::move(text);
  l.page = page;
  l.top = top;
  l.bottom = top + 10.8;
  l.x0 = x0;
  l.x1 = x0 + 6.0 * static_cast<double>(l.text.size());
  l.geometric = true;
  return l;
}

// A line is underlined when nearly all its characters are (poppler marks the words a drawn
// rule runs under); a rule under one word of a sentence does not make it a caption.
TEST(PdfLinesTest, LineUnderlinedWhenItsWordsAre) {
  auto underlined = [](PdfWord w) {
    w.underline = true;
    return w;
  };
  std::vector<Line> lines =
      WordsToLines({underlined(W("Cost", 72, 100)), underlined(W("of", 102, 100)),
                    underlined(W("Sales,", 118, 100)), underlined(W("page", 158, 100)),
                    underlined(W("84", 188, 100)), W("Please", 72, 130),
                    underlined(W("disclose", 114, 130)), W("your", 166, 130), W("policy", 192, 130),
                    W("for", 230, 130), W("depreciation.", 250, 130)},
                   1);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].underline);
  EXPECT_FALSE(lines[1].underline) << "trap: one underlined word";
}

TEST(RepeatedLinesTest, RepetitionKeyFoldsDigitsAndSpace) {
  EXPECT_EQ(RepetitionKey("June 16, 2017 Page 2"), RepetitionKey("June 16, 2017  Page 3"));
  EXPECT_NE(RepetitionKey("Acme Corporation"), RepetitionKey("Acme Holdings"));
}

struct RepeatCase {
  std::vector<Line> lines;
  std::vector<bool> marked;
  const char* why;
};

TEST(RepeatedLinesTest, MarksFurnitureByRepetitionOnly) {
  const RepeatCase cases[] = {
      {{L("Mr. John Smith", 2, 50), L("Acme Corporation", 2, 68), L("June 16, 2017 Page 2", 2, 86),
        L("1. Please revise the table on page 4 to show the effect of the change.", 2, 120),
        L("Mr. John Smith", 3, 50), L("Acme Corporation", 3, 68), L("June 16, 2017 Page 3", 3, 86),
        L("Please tell us how you considered ASC 606.", 3, 120)},
       {true, true, true, false, true, true, true, false},
       "a running header on pages 2 and 3; the body stays"},
      {{L("Body text of page two.", 2, 50), L("Mr. John Smith", 2, 550),
        L("Acme Corporation", 2, 568), L("June 16, 2017 Page 2", 2, 586),
        L("Mr. John Smith", 3, 50), L("Acme Corporation", 3, 68), L("June 16, 2017 Page 3", 3, 86)},
       {false, true, true, true, true, true, true},
       "a template that drifted down page 2 repeats the header opening page 3"},
      {{L("Item 8. Financial Statements", 3, 300), L("Note 2. Summary of Policies", 3, 318),
        L("Item 1. Financial Statements", 4, 120), L("Note 2. Summary of Policies", 4, 138)},
       {false, false, false, false},
       "two stacked headings repeated for the 10-K and the 10-Q are no header block"},
      {{L("Mr. John Smith", 1, 150), L("Acme Corporation", 1, 168), L("Main Street", 1, 186),
        L("Mr. John Smith", 2, 150), L("Acme Corporation", 2, 168), L("Main Street", 2, 186)},
       {false, false, false, false, false, false},
       "page 1's address block is never furniture, even where page 2 repeats it"},
      {{L("CONFIDENTIAL TREATMENT REQUESTED BY ACME", 1, 750),
        L("CONFIDENTIAL TREATMENT REQUESTED BY ACME", 2, 750),
        L("CONFIDENTIAL TREATMENT REQUESTED BY ACME", 3, 750)},
       {true, true, true},
       "a footer at the same place on three pages"},
      {{L("Body text of page two, which runs on to the right margin of the page as body text "
          "does.",
          2, 80),
        L("Revenue Recognition", 2, 100), L("Body text below the heading.", 2, 120),
        L("Body text below the heading.", 2, 140), L("Body text below the heading.", 2, 160),
        L("Body text below the heading.", 2, 180), L("Revenue Recognition", 3, 100),
        L("Body text below the heading.", 3, 120), L("Body text below the heading.", 3, 140),
        L("Body text below the heading.", 3, 160), L("Body text below the heading.", 3, 180)},
       {false, false, false, false, false, false, false, false, false, false, false},
       "one heading at the same place on two pages, inside their text, may be chance"},
      {{L("1. Please revise the table on page 4 to show the effect of the change in the "
          "estimate.",
          1, 700),
        L("CONFIDENTIAL TREATMENT REQUESTED BY ACME CORP.", 1, 740), L("ACME-CT-0001", 1, 752),
        L("2. Please tell us how you considered ASC 606 in accounting for these contracts "
          "with customers.",
          2, 400),
        L("Sincerely,", 2, 430), L("CONFIDENTIAL TREATMENT REQUESTED BY ACME CORP.", 2, 740),
        L("ACME-CT-0002", 2, 752)},
       {false, true, true, false, false, true, true},
       "a footer at the foot of both pages of a two-page letter, its number changing"},
      {{L("Revenue Recognition", 1, 400),
        L("1. Please revise the table on page 4 to show the effect of the change in the "
          "estimate.",
          1, 420),
        L("Revenue Recognition", 2, 400),
        L("2. Please tell us how you considered ASC 606 in accounting for these contracts "
          "with customers.",
          2, 420)},
       {false, false, false, false},
       "trap: a line at the same place on two pages with body text below it on both is no "
       "footer"},
      {{L("Template Name Jane Doe", 2, 49.8), L("Acme Corporation", 2, 67.8),
        L("June 16, 2017 Page 2", 2, 85.8), L("Jane Doe", 2, 100.5), L("Body text.", 2, 130),
        L("Acme Corporation", 3, 567.8), L("June 16, 2017 Page 3", 3, 585.8),
        L("Jane Doe", 3, 600.5)},
       {true, true, true, true, false, true, true, true},
       "a header block in the top margin takes the short line right above it, which its copy "
       "lacks"},
  };
  for (const RepeatCase& c : cases) EXPECT_EQ(RepeatedLines(c.lines), c.marked) << c.why;
}

// The repeated lines dropped are handed over as the running headers' lines (a letter whose head
// prints no date prints it there).
TEST(RepeatedLinesTest, DroppedLinesAreHandedOver) {
  std::vector<Line> lines = {
      L("Mr. John Smith", 2, 50),
      L("Acme Corporation", 2, 68),
      L("August 25, 2017 Page 2", 2, 86),
      L("1. Please revise the table on page 4 to show the effect of the change.", 2, 120),
      L("Mr. John Smith", 3, 50),
      L("Acme Corporation", 3, 68),
      L("August 25, 2017 Page 3", 3, 86),
      L("Please tell us how you considered ASC 606.", 3, 120)};
  std::vector<std::string> header_lines;
  int removed = 0;
  std::vector<Line> kept = DropRepeatedLines(lines, &removed, &header_lines);
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_EQ(removed, 6);
  EXPECT_EQ(header_lines, (std::vector<std::string>{"Mr. John Smith", "Acme Corporation",
                                                    "August 25, 2017 Page 2", "Mr. John Smith",
                                                    "Acme Corporation", "August 25, 2017 Page 3"}));
}

TEST(RepeatedLinesTest, PlainTextAndSinglePagesAreLeftAlone) {
  std::vector<Line> lines = {L("Header", 1, 10), L("Header", 1, 10)};
  EXPECT_EQ(RepeatedLines(lines), std::vector<bool>(2, false));
  for (Line& l : lines) l.geometric = false;
  lines[1].page = 2;
  EXPECT_EQ(RepeatedLines(lines), std::vector<bool>(2, false));
}

}  // namespace
}  // namespace corresp::testing
