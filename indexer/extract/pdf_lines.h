// Words with boxes (from a PDF page) into physical lines, so that text drawn over other text
// never shares a line with it. Staff-letter PDFs lay a page template ("FirstName LastName",
// a company line, "Month D, YYYY Page N") over the body now and then; grouping words by
// height alone interleaves the two word by word ("10. We note" / "FirstName your references").
// No poppler here: pdf_reader.cc turns poppler's words into PdfWords.
#pragma once

#include <string>
#include <vector>

#include "indexer/extract/lines.h"

namespace corresp {

struct PdfWord {
  std::string text;            // UTF-8, collapsed, non-empty
  double x0 = 0, x1 = 0;       // left/right edge, points
  double top = 0, bottom = 0;  // points from the page top
  bool bold = false;
  bool italic = false;
  bool underline = false;  // a drawn rule runs under it
};

// True when two words occupy the same place on the page: their boxes overlap vertically by
// more than a third of the lower one's height and horizontally by more than a point.
// Neighbouring words on a line (even kerned into each other) do not.
bool WordsCollide(const PdfWord& a, const PdfWord& b);

// True when b is the same word drawn again a fraction of a point away (fake bold).
bool IsOverstrike(const PdfWord& a, const PdfWord& b);

// Groups the words of one page into lines, each sorted left to right, lines ordered top to
// bottom. Words set on one baseline (same top and bottom) form a row; a row joins the nearest
// line whose vertical centre is within 0.45 of its height unless one of its words collides
// with a word of that line, and otherwise starts a line of its own: an overlay and the body
// it covers come out as separate lines, each whole. Overstruck words are dropped. A line is
// bold/italic/underlined when >= 90% of its characters are. Never fails.
std::vector<Line> WordsToLines(std::vector<PdfWord> words, int page_no);

}  // namespace corresp
