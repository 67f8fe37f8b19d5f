// LetterToJson: the `corresp extract --json` shape (declared in extract.h).
#include <nlohmann/json.hpp>

#include "indexer/extract/extract.h"

namespace corresp {
namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json DateOrNull(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToIso()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json LetterToJson(const Letter& letter) {
  nlohmann::json refs = nlohmann::json::array();
  for (const Reference& r : letter.references)
    refs.push_back({{"form", r.form},
                    {"period", DateOrNull(r.period)},
                    {"filed", DateOrNull(r.filed)},
                    {"file_numbers", r.file_numbers},
                    {"amendment", OrNull(r.amendment)},
                    {"draft", r.draft},
                    {"text", r.text}});
  nlohmann::json comments = nlohmann::json::array();
  for (const Comment& c : letter.comments)
    comments.push_back({{"number", OrNull(c.number)},
                        {"headings", c.headings},
                        {"page_ref", OrNull(c.page_ref)},
                        {"text", c.text},
                        {"prior_refs", c.prior_refs}});
  nlohmann::json responses = nlohmann::json::array();
  for (const Response& r : letter.responses)
    responses.push_back({{"number", OrNull(r.number)},
                         {"headings", r.headings},
                         {"comment_text", r.comment_text},
                         {"text", r.text}});
  nlohmann::json out = nlohmann::json::object();
  out["file"] = letter.file;
  out["form"] = OrNull(letter.form);
  out["kind"] = LetterKindName(letter.kind);
  out["letter_date"] = DateOrNull(letter.letter_date);
  out["company"] = letter.company;
  out["addressee"] = letter.addressee;
  out["references"] = refs;
  out["office"] = OrNull(letter.office);
  out["staff_contacts"] = letter.staff_contacts;
  out["comments"] = comments;
  out["responses"] = responses;
  nlohmann::json named = nlohmann::json::array();
  for (const Date& d : letter.named_dates) named.push_back(d.ToIso());
  out["named_dates"] = named;
  out["issues"] = letter.issues;
  return out;
}

}  // namespace corresp
