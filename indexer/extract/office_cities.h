// A law firm's list of its offices ("AUSTIN BEIJING BOSTON BRUSSELS HONG KONG LONDON ...",
// "Beijing Boston Brussels Century City Chicago Dubai ... Washington, D.C."), printed in the
// letterhead or at the foot of a letter's first page: page furniture, never a caption of the
// letter. Told by the cities it names, whatever its case or separators.
#pragma once

#include <string_view>

namespace corresp {

// A line names an office list when at least this many distinct cities of kOfficeCities...
inline constexpr int kMinListedCities = 3;
// ... make up at least this share of its words ("Offices in:" or a firm's name may stand
// beside them; "We have offices in New York, London and Hong Kong." is a sentence: half its
// words are cities).
inline constexpr double kMinCityWordShare = 0.75;

// True when `line` is a list of office cities (see above). Cities are matched by their words
// in ASCII upper case with punctuation dropped ("Washington, D.C." = WASHINGTON DC); a line
// longer than a few hundred bytes is a paragraph, never such a list.
bool ListsOfficeCities(std::string_view line);

}  // namespace corresp
