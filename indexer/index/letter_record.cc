#include "indexer/index/letter_record.h"

#include <set>

#include "core/index_schema.h"
#include "indexer/extract/extract.h"
#include "indexer/index/reviewed.h"

namespace corresp {

using nlohmann::json;

namespace {

json OptDate(const std::optional<corresp::Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }

std::optional<corresp::Date> ReadDate(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return corresp::Date::Parse(j[key].get<std::string>());
}

std::optional<int> ReadInt(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number_integer()) return std::nullopt;
  return j[key].get<int>();
}

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::vector<std::string> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const auto& s : j[key])
      if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

}  // namespace

json LetterToFullJson(const Letter& letter) {
  json out = LetterToJson(letter);
  out["body"] = letter.body;
  if (letter.unreadable) out["unreadable"] = *letter.unreadable;
  return out;
}

Letter LetterFromFullJson(const json& j) {
  Letter l;
  l.file = Str(j, "file");
  if (j.contains("form") && j["form"].is_string()) l.form = j["form"].get<std::string>();
  l.kind = ParseLetterKind(Str(j, "kind")).value_or(LetterKind::kOther);
  l.letter_date = ReadDate(j, "letter_date");
  l.company = Str(j, "company");
  l.addressee = Str(j, "addressee");
  for (const json& r : j.value("references", json::array())) {
    Reference ref{Str(r, "form"), ReadDate(r, "period"), ReadDate(r, "filed"),
                  Strings(r, "file_numbers")};
    ref.amendment = ReadInt(r, "amendment");
    ref.draft = r.contains("draft") && r["draft"].is_boolean() && r["draft"].get<bool>();
    ref.text = Str(r, "text");
    l.references.push_back(std::move(ref));
  }
  if (j.contains("office") && j["office"].is_string()) l.office = j["office"].get<std::string>();
  l.staff_contacts = Strings(j, "staff_contacts");
  for (const json& c : j.value("comments", json::array())) {
    Comment comment{ReadInt(c, "number"), Strings(c, "headings"), std::nullopt, Str(c, "text"), {}};
    if (c.contains("page_ref") && c["page_ref"].is_string())
      comment.page_ref = c["page_ref"].get<std::string>();
    for (const json& p : c.value("prior_refs", json::array()))
      if (p.is_number_integer()) comment.prior_refs.push_back(p.get<int>());
    l.comments.push_back(std::move(comment));
  }
  for (const json& r : j.value("responses", json::array()))
    l.responses.push_back(Response{ReadInt(r, "number"), Strings(r, "headings"),
                                   Str(r, "comment_text"), Str(r, "text")});
  for (const std::string& d : Strings(j, "named_dates"))
    if (auto date = Date::Parse(d)) l.named_dates.push_back(*date);
  l.issues = Strings(j, "issues");
  l.body = Str(j, "body");
  if (j.contains("unreadable") && j["unreadable"].is_string())
    l.unreadable = j["unreadable"].get<std::string>();
  return l;
}

Date LetterRecord::SortDate() const {
  if (date_filed) return *date_filed;
  if (letter.letter_date) return *letter.letter_date;
  return corresp::Date{};
}

corresp::Date LetterRecord::LetterDate() const {
  return letter.letter_date ? *letter.letter_date : SortDate();
}

std::string LetterRecord::Url() const {
  return accession.IsOutsideEdgar() ? "" : SecFilingUrl(cik, accession, document);
}

std::string_view LetterRecord::Source() const {
  return accession.IsOutsideEdgar() ? schema::kSourceOutsideEdgar : schema::kSourceEdgar;
}

LetterRecord MakeLetterRecord(const Filing& filing, const std::string& document, Letter letter) {
  LetterRecord r;
  r.accession = filing.accession;
  r.cik = filing.cik;
  r.company = filing.company.empty() ? letter.company : filing.company;
  r.form = !filing.form.empty() ? filing.form : letter.form.value_or("");
  r.date_filed = filing.date_filed;
  r.released = filing.index_day;
  if (r.released && *r.released == r.released->QuarterStart()) r.released.reset();
  r.sic = filing.sic;
  r.state = filing.state;
  r.file_number = filing.file_number;
  r.document = document;
  r.letter = std::move(letter);
  return r;
}

json LetterRecordToJson(const LetterRecord& r) {
  json reviewed = json::array();
  for (const ReviewedFiling& f : r.reviewed) reviewed.push_back(ReviewedToJson(f, r.cik));
  return {{"accession", r.accession.text},
          {"cik", r.cik.ToString()},
          {"company", r.company},
          {"form", r.form},
          {"date_filed", OptDate(r.date_filed)},
          {"released", OptDate(r.released)},
          {"sic", r.sic},
          {"state", r.state},
          {"file_number", r.file_number},
          {"document", r.document},
          {"source", r.Source()},
          {"letter", LetterToFullJson(r.letter)},
          {"reviewed", PrimaryReviewedJson(r)},
          {"reviewed_all", reviewed},
          {"office", r.letter.office ? json(*r.letter.office) : json(nullptr)},
          {"staff_contacts", r.letter.staff_contacts}};
}

Result<LetterRecord> LetterRecordFromJson(const json& j) {
  if (!j.is_object()) return ParseError("letter record: not an object");
  auto accession = Accession::Parse(Str(j, "accession"));
  auto cik = Cik::Parse(Str(j, "cik"));
  if (!accession || !cik) return ParseError("letter record: bad accession or cik");
  LetterRecord r;
  r.accession = *accession;
  r.cik = *cik;
  r.company = Str(j, "company");
  r.form = Str(j, "form");
  r.date_filed = ReadDate(j, "date_filed");
  r.released = ReadDate(j, "released");
  r.sic = Str(j, "sic");
  r.state = Str(j, "state");
  r.file_number = Str(j, "file_number");
  r.document = Str(j, "document");
  if (j.contains("letter") && j["letter"].is_object()) r.letter = LetterFromFullJson(j["letter"]);
  if (j.contains("reviewed_all") && j["reviewed_all"].is_array())
    for (const json& f : j["reviewed_all"]) r.reviewed.push_back(ReviewedFromJson(f));
  return r;
}

ItemIds MakeItemIds(const LetterRecord& record) {
  ItemIds ids;
  std::set<std::string> used;
  int unnumbered = 0;
  auto assign = [&](const std::optional<int>& number) {
    if (number) {
      std::string id = record.accession.text + "#" + std::to_string(*number);
      if (used.insert(id).second) return id;
    }
    std::string id = record.accession.text + "#u" + std::to_string(++unnumbered);
    used.insert(id);
    return id;
  };
  for (const Comment& c : record.letter.comments) ids.comments.push_back(assign(c.number));
  for (const Response& r : record.letter.responses) ids.responses.push_back(assign(r.number));
  return ids;
}

}  // namespace corresp
