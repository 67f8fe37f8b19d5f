#include "core/letter_form.h"

namespace corresp {

namespace {

struct FormSide {
  const char* form;
  LetterSide side;
};

// EDGAR's review-correspondence form types. DRSLTR and DOSLTR are filed by the company in the
// reviews of confidential drafts (DRS, DOS) and released with the staff letters like CORRESP.
constexpr FormSide kReviewForms[] = {
    {"UPLOAD", LetterSide::kStaff},    {"SEC STAFF LETTER", LetterSide::kStaff},
    {"CORRESP", LetterSide::kCompany}, {"DRSLTR", LetterSide::kCompany},
    {"DOSLTR", LetterSide::kCompany},
};

}  // namespace

LetterSide SideOfForm(std::string_view form) {
  for (const FormSide& f : kReviewForms)
    if (form == f.form) return f.side;
  return LetterSide::kNone;
}

const std::vector<std::string>& ReviewLetterForms() {
  static const std::vector<std::string> forms = [] {
    std::vector<std::string> out;
    for (const FormSide& f : kReviewForms) out.emplace_back(f.form);
    return out;
  }();
  return forms;
}

}  // namespace corresp
