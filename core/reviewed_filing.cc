#include "core/reviewed_filing.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace corresp {
namespace {

using Candidates = std::vector<const CompanyFiling*>;

long DaysApart(const Date& a, const Date& b) {
  return std::labs(a.DaysSinceEpoch() - b.DaysSinceEpoch());
}

// The candidates whose `date_of` is nearest `target`, within `slack` days; empty when none is.
template <typename DateOf>
Candidates Nearest(const Candidates& in, const Date& target, long slack, DateOf date_of) {
  long best = std::numeric_limits<long>::max();
  for (const CompanyFiling* f : in)
    if (std::optional<Date> d = date_of(*f)) best = std::min(best, DaysApart(*d, target));
  Candidates out;
  if (best > slack) return out;
  for (const CompanyFiling* f : in)
    if (std::optional<Date> d = date_of(*f); d && DaysApart(*d, target) == best) out.push_back(f);
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "+") + p;
  return out;
}

size_t Preference(const std::vector<std::string>& forms, const std::string& form) {
  return static_cast<size_t>(std::find(forms.begin(), forms.end(), form) - forms.begin());
}

}  // namespace

std::vector<std::string> EdgarFormsFor(const std::string& named, bool amended, bool draft) {
  std::string form = Upper(named);
  if (form.ends_with("/A")) {
    form.resize(form.size() - 2);
    amended = true;
  }
  if (draft) return {amended ? "DRS/A" : "DRS"};
  // EDGAR writes "PRE 14A" and "DEF 14A" with a space, the other proxy types without.
  if (form.size() == 8 && form[4] == ' ' && !form.starts_with("PRE ") && !form.starts_with("DEF "))
    form.erase(4, 1);
  if (form == "14A" || form == "DEF 14A" || form == "DEF14A" || form == "PRE 14A" ||
      form == "PRE14A") {
    if (amended) return {"PRER14A", "DEFR14A", "DEFA14A"};
    if (form.starts_with("DEF")) return {"DEF 14A", "DEFM14A"};
    if (form.starts_with("PRE")) return {"PRE 14A", "PREM14A"};
    return {"PRE 14A", "PREM14A", "DEF 14A", "DEFM14A", "PRER14A",
            "DEFR14A", "DEFA14A", "PREC14A", "DEFC14A", "DFAN14A"};
  }
  if (form == "14C")
    return amended ? std::vector<std::string>{"PRER14C", "DEFR14C"}
                   : std::vector<std::string>{"PRE 14C", "PREM14C", "DEF 14C", "DEFM14C"};
  std::string edgar = form;
  if (form.starts_with("TO-") || form.starts_with("13D") || form.starts_with("13G"))
    edgar = "SC " + form;
  if (form == "13E-3") edgar = "SC 13E3";
  return {amended ? edgar + "/A" : edgar};
}

ReviewedFiling Unresolved(const Reference& ref, std::string why) {
  ReviewedFiling out;
  out.form = ref.form;
  out.period = ref.period;
  out.filed = ref.filed;
  out.file_number = ref.file_numbers.empty() ? "" : ref.file_numbers.front();
  out.amendment = ref.amendment;
  out.text = ref.text;
  out.basis = std::move(why);
  return out;
}

ReviewedFiling ResolveReviewed(const Reference& ref, const std::vector<CompanyFiling>& filings,
                               std::optional<Date> letter_date) {
  if (ref.form.empty()) return Unresolved(ref, "no form named");
  bool amended = ref.amendment.has_value() || Upper(ref.form).ends_with("/A");
  std::vector<std::string> forms = EdgarFormsFor(ref.form, amended, ref.draft);
  Candidates cands;
  for (const CompanyFiling& f : filings)
    if (Preference(forms, f.form) < forms.size() &&
        (!letter_date || !f.filed || *f.filed <= *letter_date))
      cands.push_back(&f);
  if (cands.empty()) return Unresolved(ref, "no " + forms.front() + " filed before the letter");
  Candidates numbered;
  for (const CompanyFiling* f : cands)
    if (std::find(ref.file_numbers.begin(), ref.file_numbers.end(), f->file_number) !=
        ref.file_numbers.end())
      numbered.push_back(f);
  std::vector<std::string> used;
  if (!numbered.empty() && numbered.size() < cands.size()) {
    cands = numbered;
    used.push_back("file_number");
  }
  bool by_filed = false;
  if (ref.filed) {
    Candidates near = Nearest(cands, *ref.filed, kFiledDateSlackDays,
                              [](const CompanyFiling& f) { return f.filed; });
    if (!near.empty()) {
      cands = near;
      by_filed = true;
      used.push_back("filed");
    } else if (!ref.period) {
      return Unresolved(ref, "no " + forms.front() + " filed within " +
                                 std::to_string(kFiledDateSlackDays) + " days of " +
                                 ref.filed->ToIso());
    }
  }
  if (ref.period && (cands.size() > 1 || !by_filed)) {
    Candidates near = Nearest(cands, *ref.period, kPeriodSlackDays,
                              [](const CompanyFiling& f) { return f.report_date; });
    if (!near.empty()) {
      cands = near;
      used.push_back("period");
    } else if (!by_filed) {
      return Unresolved(ref, "no " + forms.front() + " for the period " + ref.period->ToIso());
    }
  }
  if (ref.amendment && !by_filed && cands.size() > 1) {
    std::sort(cands.begin(), cands.end(),
              [](const CompanyFiling* a, const CompanyFiling* b) { return a->filed < b->filed; });
    size_t k = static_cast<size_t>(*ref.amendment);
    if (k >= 1 && k <= cands.size()) {
      cands = {cands[k - 1]};
      used.push_back("amendment");
    }
  }
  if (cands.size() > 1) {
    size_t best = forms.size();
    for (const CompanyFiling* f : cands) best = std::min(best, Preference(forms, f->form));
    Candidates preferred;
    for (const CompanyFiling* f : cands)
      if (Preference(forms, f->form) == best) preferred.push_back(f);
    cands = preferred;
  }
  if (cands.size() != 1) return Unresolved(ref, std::to_string(cands.size()) + " filings match");
  ReviewedFiling out = Unresolved(ref, used.empty() ? "only" : Join(used));
  out.accession = cands.front()->accession;
  return out;
}

}  // namespace corresp
