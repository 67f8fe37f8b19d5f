#include "tools/eval-extract/reviewed_eval.h"

#include <xapian.h>

#include <algorithm>

#include "core/index_schema.h"
#include "core/letter_form.h"

namespace corresp {

namespace {

void Count(ReviewedShare& share, const LetterRecord& r, bool resolved) {
  ++share.letters;
  if (!r.reviewed.empty()) ++share.with_re;
  if (resolved) ++share.resolved;
}

}  // namespace

std::string UnresolvedCategory(const std::string& basis) {
  if (basis == "no form named") return "no form named (file number only)";
  if (basis == "no submissions JSON") return "no submissions JSON";
  if (basis.starts_with("no DRS"))
    return "draft registration statement not in the company's JSON (filed under a new CIK)";
  if (basis.ends_with("filed before the letter")) return "form not among the company's filings";
  if (basis.find("filed within") != std::string::npos) return "no filing on the date named";
  if (basis.find("for the period") != std::string::npos) return "no report for the period named";
  if (basis.ends_with("filings match")) return "ambiguous (several filings match)";
  return basis;
}

ReviewedMeasure MeasureReviewed(const std::vector<LetterRecord>& records) {
  ReviewedMeasure m;
  for (const LetterRecord& r : records) {
    bool resolved = std::any_of(r.reviewed.begin(), r.reviewed.end(),
                                [](const ReviewedFiling& f) { return f.accession.has_value(); });
    for (const ReviewedFiling& f : r.reviewed) {
      ++m.references;
      if (f.accession) {
        ++m.references_resolved;
        ++m.resolved_by[f.basis];
      }
    }
    Count(m.all_letters, r, resolved);
    bool staff = SideOfForm(r.form) == LetterSide::kStaff;
    if (staff) ++m.offices[r.letter.office.value_or("(none)")];
    if (!staff || r.letter.kind != LetterKind::kCommentLetter) continue;
    Count(m.comment_letters, r, resolved);
    if (!r.letter.staff_contacts.empty()) ++m.comment_letters_with_contacts;
    if (resolved) continue;
    std::string reason = r.reviewed.empty() ? "no Re: reference parsed"
                                            : UnresolvedCategory(r.reviewed.front().basis);
    ++m.unresolved_reasons[reason];
    m.unresolved_examples.push_back(r.accession.text + "  " +
                                    (r.reviewed.empty() ? reason : r.reviewed.front().basis) +
                                    "  | " + (r.reviewed.empty() ? "" : r.reviewed.front().text));
  }
  return m;
}

Result<std::vector<LetterRecord>> ReadIndexedLetters(const std::filesystem::path& data_dir) {
  std::filesystem::path path = data_dir / "index";
  if (!std::filesystem::exists(path)) return NotFound(path.string() + ": no index");
  std::vector<LetterRecord> out;
  try {
    Xapian::Database db(path.string());
    std::string prefix(schema::kMetaLetterPrefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      nlohmann::json j = nlohmann::json::parse(db.get_metadata(*it), nullptr, false);
      Result<LetterRecord> r = LetterRecordFromJson(j);
      if (!r.ok()) return Corruption(path.string() + ": " + *it + ": " + r.status().ToString());
      out.push_back(std::move(r).value());
    }
  } catch (const Xapian::Error& e) {
    return IoError(path.string() + ": " + e.get_description());
  }
  return out;
}

}  // namespace corresp
