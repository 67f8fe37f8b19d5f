// The marker a browser prints before an item of a list (<ol><li>, <ul><li>), which the HTML
// text lacks: a letter that restates its comments as <ol start="3"><li> items shows "3." on
// screen, and the segmenter reads item numbers from the text.
#pragma once

#include <gumbo.h>

#include <string>

namespace corresp {

// "3. " for the third <li> of an <ol> (after its start attribute, an earlier <li value="N">
// and the list's type: "c. " for type="a", "iii. " for type="i", upper case for "A" and "I");
// "• " for an item of an unordered list (<ul>), as the PDF of the same letter shows it.
// "" for a list whose style hides its markers (list-style-type: none), or a node that is no
// <li> inside an <ol> or a <ul>.
std::string ListMarker(const GumboNode* li);

}  // namespace corresp
