// Page furniture found by repetition rather than by wording: a running header, footer or
// page template is the same short text on several pages, either at the same place or as a
// group of lines laid out the same way (a template that drifted down the page).
#pragma once

#include <string>
#include <vector>

#include "indexer/extract/lines.h"

namespace corresp {

// The text a line is compared by: digits folded to '#' ("June 16, 2017 Page 2" and
// "June 16, 2017 Page 3" are the same line), spaces removed, lower case.
std::string RepetitionKey(const std::string& text);

// Marks the PDF lines (Line::geometric) of a document of two or more pages that are furniture
// by repetition: a short line at the same place on three pages or more (a running footer; not
// in page 1's top margin, whose letterhead later pages' headers copy), or
// a block of three or more short lines of a later page that another later page repeats with
// the same layout, one of the two copies starting in the top margin (a running header, or a
// page template drawn over the body). Body-length lines and plain-text lines are never marked.
// Returns one flag per line.
std::vector<bool> RepeatedLines(const std::vector<Line>& lines);

// Removes the lines RepeatedLines marks, counting them in *removed (may be null) and appending
// their texts to *header_lines when given (a running header's lines, BlockDocument).
std::vector<Line> DropRepeatedLines(std::vector<Line> lines, int* removed,
                                    std::vector<std::string>* header_lines = nullptr);

}  // namespace corresp
