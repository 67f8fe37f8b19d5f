// Physical lines (from a PDF page or a plain-text file) and their assembly into Blocks:
// page furniture (running headers "Name / Company / Date / Page N" and the lines that close
// them, page numbers) is dropped by its shape, lines are joined into paragraphs, and a paragraph
// cut by a page break is rejoined.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

struct Line {
  std::string text;  // UTF-8, collapsed
  int page = 1;
  double x0 = 0, x1 = 0;       // left/right edge; for plain text x0 = leading spaces
  double top = 0, bottom = 0;  // PDF points from the page top; for plain text, the line index
  bool bold = false;
  bool italic = false;
  bool underline = false;  // a rule under it (PDF: drawn; plain text: dashes or underscores below)
  bool blank_before = false;  // plain text: an empty line precedes it
  bool geometric = false;     // true when x/y come from a PDF
};

// True for "Page 2", "Page 2 of 3", "- 2 -", "2".
bool IsPageMarker(const std::string& text);
// True for the lines of IsPageMarker that name the page: "Page 2", "Page 2 of 3".
bool IsPageLine(const std::string& text);

// Removes running headers (a "Page N" line or one framing its number, "Name - 2 - Date"; the
// short lines above it; a small-font line right below it), lone page numbers at a page's edge,
// a browser's print header, a law firm's office list (ListsOfficeCities) and the notice of its
// legal form ("... LLP is a limited liability partnership ..."). Each removal of a
// running header is counted in *removed; the running headers' lines (a page line and the
// lines read as its header, the Commission's name and date atop a page) are appended to
// *header_lines when given.
std::vector<Line> DropPageFurniture(std::vector<Line> lines, int* removed,
                                    std::vector<std::string>* header_lines = nullptr);

// A standard filing section caption, alone ("Item 7. Management's Discussion and Analysis of
// Financial Condition and Results of Operations", "Risk Factors", "Controls and Procedures").
bool IsSectionCaption(const std::string& text);

// True when `line`, the line after `before`, would open a heading of its own if the break
// between them was made on purpose: it closes a caption ("Economic Gross Margin, page 53";
// not the end of a company's name, "Energy, Inc., page 11"), `before` is words that can stand
// as a heading (not a label such as "EX-99.2": three letters or more, at most 40% digits) and
// does not run on into it (no hyphen, comma or dangling word such as "of" at its end). The reader
// says whether the break was on purpose (a PDF line with room left, an HTML <br>).
bool StartsCaptionLine(std::string_view before, std::string_view line);

// True when the text stops on a word that joins it to more words ("... Results of", "... by
// the", "..., page"): no heading or paragraph ends there.
bool EndsOnDanglingWord(std::string_view text);

// True when the text stops on a reference whose number is still to come ("... refer to Note",
// "... as described in Item", "... prior comment") or goes on in parentheses ("... required by
// Item 1202(a)"): a number opening the next line is the reference's, no item's.
bool EndsOnReference(std::string_view text);

// Joins lines into paragraph Blocks (see file comment).
std::vector<Block> LinesToBlocks(const std::vector<Line>& lines);

}  // namespace corresp
