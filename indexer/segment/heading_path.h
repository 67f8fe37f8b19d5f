// The heading path of a letter's items: the filing's caption, the part of the filing, its
// sections and sub-captions, outermost first, moved along by the run of captions the letter
// prints above each next item.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace corresp {

// Updates the running heading path of a letter with the run of headings found right above its
// next item (outermost first).
// A run of two or more restates the path, keeping on top: the filing's heading (also when the
// run restates captions of the path), the exhibit holding the document reviewed (also as the
// outermost caption), the part of the filing its first caption is a section of (in MD&A, whose
// sections are the company's own, any caption that names no place of its own: no part,
// filing, exhibit or numbered section; the notes and supplementary information under the
// financial statements' own caption), and the places above the numbered section its first
// caption is a sibling of ("Part I" above "Item 3." for a run opening with "Item 5.").
// One heading replaces its sibling (a part of the filing such as "Risk Factors" after
// "Management's Discussion and Analysis" and all below it, "Note 23." after "Note 4.", "Item
// 15." after "Item 5." and its "Item 5.B", "K." after "C.", "(15)" after "(8)", a note or a
// financial statement after MD&A's sections, a caption with a page after another, any caption
// after "General"), goes under its item when it is a sub-item ("Item 3.D." under "Item 3."),
// goes back right under the part it is a standard section of ("Liquidity and Capital
// Resources" in MD&A), under the financial statements' own caption when it is their notes, a
// schedule or their supplementary information, nests under a "Discussion and Analysis" part
// printed with its page when its page comes later ("Compensation Discussion and Analysis, page
// 14" / "Benchmarking, page 16"), or nests under a caption without a page.
// A caption repeated with "(continued)" is the caption it continues; alone, it leaves the path.
// Where its words place one heading nowhere else, its style does, when `styles` knows it: set
// unlike the innermost caption of the path and like one further up (not a filing's or
// document's heading), it replaces that one ("Summary of Terms" / "Transaction Parties, page
// 5" in italics / "Asset Representations Reviewer, page 62" in bold like the summary's
// caption: a sibling of the summary, not a section of it).
struct CaptionStyle {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool operator==(const CaptionStyle&) const = default;
};
// The style each caption of a letter was printed in, by its text.
using CaptionStyles = std::map<std::string, CaptionStyle>;
void UpdateHeadingPath(std::vector<std::string>& path, const std::vector<std::string>& stack,
                       const CaptionStyles* styles = nullptr);

// A part of the filing a caption names, as the filing's own table of contents lists it
// ("Risk Factors", "Use of Proceeds, page 68", "Compensation Discussion and Analysis", a
// Form 1-A's "Compensation of Directors and Executive Officers").
bool IsFilingPart(const std::string& heading);

}  // namespace corresp
