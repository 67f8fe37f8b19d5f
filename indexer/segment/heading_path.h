// The heading path of a letter's items: the filing's caption, the part of the filing, its
// sections and sub-captions, outermost first, moved along by the run of captions the letter
// prints above each next item.
#pragma once

#include <string>
#include <vector>

namespace corresp {

// Updates the running heading path of a letter with the run of headings found right above its
// next item (outermost first): a run of two or more restates the path (keeping the filing's
// heading, the exhibit holding the document reviewed and the part of the filing its first
// caption is a section of on top; in MD&A, whose sections are the company's own, also a run
// whose first caption names no place of its own: no part, filing, exhibit or numbered
// section); one heading replaces its sibling (a part of the filing such as "Risk Factors" after
// "Management's Discussion and Analysis" and all below it, "Note 23." after "Note 4.", a
// caption with a page after another, any caption after "General"), goes back right under the
// part it is a standard section of ("Liquidity and Capital Resources" in MD&A), under the
// financial statements when it is a schedule or their supplementary information, or nests
// under a caption without a page.
void UpdateHeadingPath(std::vector<std::string>& path, const std::vector<std::string>& stack);

// A part of the filing a caption names, as the filing's own table of contents lists it
// ("Risk Factors", "Use of Proceeds, page 68", "Compensation Discussion and Analysis").
bool IsFilingPart(const std::string& heading);

}  // namespace corresp
