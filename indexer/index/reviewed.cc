#include "indexer/index/reviewed.h"

#include <algorithm>
#include <map>
#include <set>

namespace corresp {

using nlohmann::json;

namespace {

json DateJson(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }

std::optional<Date> DateOf(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? Date::Parse(j[key].get<std::string>())
                                               : std::nullopt;
}

std::string StrOf(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

std::vector<ReviewedFiling> ResolveLetterReviewed(const Letter& letter,
                                                  const std::vector<CompanyFiling>* filings) {
  std::vector<ReviewedFiling> out;
  for (const Reference& ref : letter.references)
    out.push_back(filings ? ResolveReviewed(ref, *filings, letter.letter_date)
                          : Unresolved(ref, "no submissions JSON"));
  return out;
}

std::string FilingIndexPageUrl(Cik cik, const Accession& accession) {
  return "https://www.sec.gov/Archives/edgar/data/" + cik.ToString() + "/" + accession.NoDashes() +
         "/" + accession.text + "-index.htm";
}

json ReviewedToJson(const ReviewedFiling& r, Cik cik) {
  return {{"form", r.form},
          {"period", DateJson(r.period)},
          {"filed", DateJson(r.filed)},
          {"file_number", r.file_number},
          {"amendment", r.amendment ? json(*r.amendment) : json(nullptr)},
          {"accession", r.accession ? json(r.accession->text) : json(nullptr)},
          {"text", r.text},
          {"basis", r.basis},
          {"url", r.accession ? json(FilingIndexPageUrl(cik, *r.accession)) : json(nullptr)}};
}

ReviewedFiling ReviewedFromJson(const json& j) {
  ReviewedFiling r;
  if (!j.is_object()) return r;
  r.form = StrOf(j, "form");
  r.period = DateOf(j, "period");
  r.filed = DateOf(j, "filed");
  r.file_number = StrOf(j, "file_number");
  if (j.contains("amendment") && j["amendment"].is_number_integer())
    r.amendment = j["amendment"].get<int>();
  r.accession = Accession::Parse(StrOf(j, "accession"));
  r.text = StrOf(j, "text");
  r.basis = StrOf(j, "basis");
  return r;
}

json PrimaryReviewedJson(const LetterRecord& record) {
  const std::vector<ReviewedFiling>& all = record.reviewed;
  if (all.empty()) return nullptr;
  auto resolved = std::find_if(all.begin(), all.end(),
                               [](const ReviewedFiling& r) { return r.accession.has_value(); });
  return ReviewedToJson(resolved != all.end() ? *resolved : all.front(), record.cik);
}

std::vector<ReviewedFiling> ThreadReviewed(const ReviewThread& thread,
                                           const std::vector<LetterRecord>& records) {
  std::map<std::string, const LetterRecord*> by_accession;
  for (const LetterRecord& r : records) by_accession[r.accession.text] = &r;
  std::vector<ReviewedFiling> resolved, unresolved;
  std::set<std::string> seen;
  for (const ThreadLetter& l : thread.letters) {
    auto it = by_accession.find(l.accession.text);
    if (it == by_accession.end()) continue;
    for (const ReviewedFiling& r : it->second->reviewed) {
      std::string key = r.accession ? "A" + r.accession->text : "T" + r.form + "|" + r.text;
      if (!seen.insert(key).second) continue;
      (r.accession ? resolved : unresolved).push_back(r);
    }
  }
  resolved.insert(resolved.end(), unresolved.begin(), unresolved.end());
  return resolved;
}

}  // namespace corresp
