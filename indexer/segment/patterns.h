// The textual cues the segmenter keys on: item numbers, response labels, headings, the
// letter's closing boilerplate. Each is a small predicate over one Block's text so that it
// can be tested alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

// "1. We note", "1.We note", "2) Please", "Comment No. 1", "Comment 1:", "1. Staff's comment:
// ..." -> number and the text after the number and label (possibly empty).
struct ItemStart {
  std::optional<int> number;  // nullopt for an unnumbered "Comment:" label
  std::string rest;
  bool labelled = false;  // "Comment No. 3": a comment by its label, never an entry of a list
  char marker = 0;        // '.' for "1.", ')' for "1)"; 0 for a labelled item
};
std::optional<ItemStart> ParseItemStart(const std::string& text);

// Restated text without a leading "Staff's comment:" / "Comment:" / "Comment No.:" label.
std::string StripCommentLabel(const std::string& text);

// "Response:", "Company Response:", "Management's Response:", "Response to Comment 1:",
// "Response of the Company:", "Reply:", "Answer:", "Response" alone, "RESPONSE:" -> the text
// after the label (possibly empty).
std::optional<std::string> ParseResponseLabel(const std::string& text);
// The comment's number a response label carries ("Response to Comment 3:", "Response No. 2"),
// nullopt when it carries none or is no label.
std::optional<int> ResponseLabelNumber(const std::string& text);
// Every comment number a response label names, in order ("Response to Comments 2 and 3:" ->
// {2, 3}); empty when it names none or is no label.
std::vector<int> ResponseLabelNumbers(const std::string& text);

// The staff letter's closing ("We remind you", "You may contact", "Sincerely", ...).
bool IsStaffClosing(const std::string& text);
// A company letter's closing ("If you have any questions", "Sincerely", ...).
bool IsCompanyClosing(const std::string& text);

// Whether a paragraph of a reply restating a comment without emphasis or label reads as the
// staff's: it asks the company ("Please ...", "Tell us ...", "Revise ...", "your") and says
// nothing only the company says ("the Company", "the Staff", "we respectfully", "we will",
// "Please see ..."). The paragraphs after a restated comment's first go with it while they do.
bool SpeaksAsStaff(const std::string& text);
// Whether a paragraph says what only the company says (the second half of SpeaksAsStaff).
bool SpeaksAsCompany(const std::string& text);

// Looks like a section heading on its own (short, no sentence end, or emphasized).
bool IsHeadingLike(const Block& block);

// The filing a letter's comments are about, the top of their heading paths: "Form 10-K for
// the Fiscal Year Ended ...", "NRG Energy, Inc. Form 10-K ...", "Amendment No. 2 to
// Registration Statement ...", "Draft Registration Statement on Form S-1 ...", an "Offer to
// Purchase", a fund's "Prospectus", "Statement of Additional Information" and "Part C"; not
// a form the filing contains ("Form of Proxy Card").
bool IsDocumentHeading(const std::string& heading);

// "page 148" / "pages 12-13" / "page F-97" from a heading, normalised to lower case "page".
std::optional<std::string> PageRef(const std::string& heading);

}  // namespace corresp
