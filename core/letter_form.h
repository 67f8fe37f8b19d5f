// Which EDGAR form types are review correspondence, and whose side of the review each one is.
// The one place that knows that DRSLTR (company letters on draft registration statements,
// since October 2012) and DOSLTR (on draft Regulation A offering statements) are company
// letters like CORRESP, and that "SEC STAFF LETTER" is a staff letter like UPLOAD. The crawler's
// default form list, the submission parser, the segmenter, the thread linker and the catalog's
// counts all ask here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corresp {

enum class LetterSide {
  kNone,     // not a review letter form (10-K, GRAPHIC, ...)
  kStaff,    // written by the SEC staff: UPLOAD, SEC STAFF LETTER
  kCompany,  // written by the company or its counsel: CORRESP, DRSLTR, DOSLTR
};

// The side of a form or document type as EDGAR prints it. Exact and case-sensitive, as in
// EDGAR's indexes and <TYPE> lines: "corresp" or "CORRESP/A" is kNone.
LetterSide SideOfForm(std::string_view form);

// The forms `crawl` and `refresh` collect by default (config crawl.forms): every form with a
// side, staff forms first.
const std::vector<std::string>& ReviewLetterForms();

}  // namespace corresp
