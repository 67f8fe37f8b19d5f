#include "query/present.h"

#include <fmt/format.h>

#include "query/json_fields.h"
#include "query/snippet.h"

namespace corresp {

using nlohmann::json;

namespace {

std::string Location(const json& d) {
  std::string s;
  if (d.contains("number") && d["number"].is_number_integer()) s += '#';
  s += std::to_string(d["number"].get<int>());
  if (d.contains("headings") && d["headings"].is_array()) {
    for (const json& h : d["headings"]) {
      if (!s.empty()) s += " > ";
      s += h.get<std::string>();
    }
  }
  return s;
}

std::string Indent(const std::string& text, const std::string& pad) {
  std::string out = pad;
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

void PrintItem(std::ostream& out, const json& d, const std::string& pad) {
  out << pad << "[" << d.value("id", "") << "] " << d.value("type", "") << " " << Location(d)
      << "\n";
  out << Indent(d.value("text", ""), pad + "  ") << "\n";
}

json EvidenceJson(const std::vector<TopicEvidence>& evidence) {
  json out = json::array();
  for (const TopicEvidence& e : evidence) out.push_back({{"slug", e.slug}, {"cues", e.cues}});
  return out;
}

json Paired(const std::optional<PairedItem>& p) {
  return p ? json{{"id", p->id}, {"snippet", p->snippet}} : json(nullptr);
}

}  // namespace

json SearchResponseToJson(const SearchResponse& r) {
  json hits = json::array();
  for (const SearchHit& h : r.hits) {
    hits.push_back({{"id", h.id},
                    {"type", h.type},
                    {"accession", h.accession},
                    {"form", h.form},
                    {"kind", h.kind},
                    {"cik", h.cik},
                    {"company", h.company},
                    {"date", h.date},
                    {"letter_date", h.letter_date},
                    {"number", h.number ? json(*h.number) : json(nullptr)},
                    {"headings", h.headings},
                    {"snippet", h.snippet},
                    {"url", h.url},
                    {"thread", h.thread},
                    {"topics", h.topics},
                    {"topics_evidence", EvidenceJson(h.topics_evidence)},
                    {"standards", h.standards},
                    {"response", Paired(h.response)},
                    {"comment", Paired(h.comment)},
                    {"score", h.score}});
  }
  json facets = json::object();
  for (const auto& [name, counts] : r.facets) facets[name] = counts;
  return {{"query", r.query},
          {"corrected", r.corrected.empty() ? json(nullptr) : json(r.corrected)},
          {"total", r.total},
          {"offset", r.offset},
          {"hits", hits},
          {"facets", facets},
          {"partial", r.partial},
          {"facets_exact", r.facets_exact}};
}

void PrintSearchText(std::ostream& out, const SearchResponse& r, bool bold) {
  auto plain = [bold](const std::string& snippet) {
    return PlainSnippet(snippet, bold ? "\x1b[1m" : "", bold ? "\x1b[0m" : "");
  };
  if (!r.corrected.empty()) out << "Did you mean: " << r.corrected << "\n";
  out << fmt::format("{}{} match{} for {}\n\n", r.partial || !r.facets_exact ? "about " : "",
                     r.total, r.total == 1 ? "" : "es", r.query);
  int rank = r.offset;
  for (const SearchHit& h : r.hits) {
    std::string where = h.number ? "comment " + std::to_string(*h.number) : h.type;
    if (h.type == "response" && h.number) where = "response " + std::to_string(*h.number);
    std::string headings;
    for (const std::string& x : h.headings) headings += (headings.empty() ? "" : " > ") + x;
    out << fmt::format("{}. {} | {} | {} | {}{}\n", ++rank, h.company, h.date, h.form, where,
                       headings.empty() ? "" : " | " + headings);
    out << Indent(plain(h.snippet), "   ") << "\n";
    out << "   " << h.url << "   thread " << h.thread << "   id " << h.id << "\n";
    if (h.response) out << "   Response: " << plain(h.response->snippet) << "\n";
    if (h.comment) out << "   Answers comment: " << plain(h.comment->snippet) << "\n";
    out << "\n";
  }
  if (!r.facets.empty() && !r.facets_exact)
    out << "Facet counts are estimated from a sample of the matches (~).\n";
  for (const auto& [name, counts] : r.facets) {
    out << name << ":";
    for (const auto& [value, n] : counts)
      out << fmt::format("  {} ({}{})", value, r.facets_exact ? "" : "~", n);
    out << "\n";
  }
}

namespace {

// "Reviewed: 10-K period 2016-12-31 filed 2017-02-23 -> ACCESSION URL" per filing, then the
// office and contacts when known.
void PrintReviewed(std::ostream& out, const json& reviewed, const json& office,
                   const json& contacts) {
  for (const json& r : reviewed) {
    if (!r.is_object()) continue;
    std::string line = "Reviewed: " + ReviewedLabel(r);
    if (!JsonString(r, "accession").empty())
      line += " -> " + JsonString(r, "accession") + " " + JsonString(r, "url");
    else
      line += " (unresolved: " + JsonString(r, "basis") + ")";
    out << line << "\n";
  }
  if (office.is_string()) out << "Office: " << office.get<std::string>() << "\n";
  if (contacts.is_array() && !contacts.empty()) {
    std::string names;
    for (const json& c : contacts)
      if (c.is_string()) names += (names.empty() ? "" : ", ") + c.get<std::string>();
    out << "Staff contacts: " << names << "\n";
  }
}

}  // namespace

void PrintShowText(std::ostream& out, const json& shown) {
  if (shown.contains("item")) {
    PrintItem(out, shown["item"], "");
    if (shown["paired"].is_object()) PrintItem(out, shown["paired"], "    ");
    return;
  }
  out << shown.value("company", "") << " | " << shown.value("date", "") << " | "
      << shown.value("form", "") << " | " << shown.value("kind", "") << "\n"
      << shown.value("url", "") << "   thread " << shown.value("thread", "") << "\n";
  PrintReviewed(out, shown.value("reviewed", json::array()), shown.value("office", json()),
                shown.value("staff_contacts", json::array()));
  out << "\n";
  for (const json& item : shown.value("items", json::array())) {
    PrintItem(out, item, "");
    if (item.contains("paired") && item["paired"].is_object())
      PrintItem(out, item["paired"], "    ");
    out << "\n";
  }
}

void PrintThreadText(std::ostream& out, const json& t) {
  out << fmt::format("{} | {} (CIK {}) | {} | {} .. {} ({} days)\n", t.value("thread", ""),
                     t.value("company", ""), t.value("cik", ""), t.value("status", ""),
                     t["start"].is_string() ? t["start"].get<std::string>() : "?",
                     t["end"].is_string() ? t["end"].get<std::string>() : "?", t.value("days", 0L));
  PrintReviewed(out, t.value("reviewed", json::array()), json(), json::array());
  for (const json& l : t.value("letters", json::array()))
    out << fmt::format("  {}  {:8} {:20} {:22} {} items\n",
                       l["date"].is_string() ? l["date"].get<std::string>() : "?",
                       l.value("form", ""), l.value("kind", ""), l.value("accession", ""),
                       l.value("comments", 0));
  const json& comments = t.contains("comments") ? t["comments"] : json();
  if (!comments.is_array() || comments.empty()) return;
  out << "  staff comments (status, rounds, first raised, answered, closed):\n";
  auto text = [](const json& v) { return v.is_string() ? v.get<std::string>() : std::string("-"); };
  auto ids = [](const json& list) {
    std::string joined;
    for (const json& id : list)
      if (id.is_string()) joined += (joined.empty() ? "" : ", ") + id.get<std::string>();
    return joined;
  };
  for (const json& c : comments) {
    std::string days = c.contains("days_to_close") && c["days_to_close"].is_number()
                           ? fmt::format(" ({} days)", c["days_to_close"].get<long>())
                           : "";
    out << fmt::format("  {:26} {:9} {} round{}  raised {}  answered {}  closed {}{}\n",
                       c.value("id", ""), c.value("status", ""), c.value("rounds", 0),
                       c.value("rounds", 0) == 1 ? " " : "s", text(c.value("first_raised", json())),
                       text(c.value("first_response_date", json())),
                       text(c.value("closed_date", json())), days);
    out << "      why: " << c.value("status_reason", "") << "\n";
    std::string follows = ids(c.value("follows_up", json::array()));
    if (!follows.empty()) out << "      follows up " << follows << "\n";
    std::string followed = ids(c.value("followed_up_by", json::array()));
    if (!followed.empty()) out << "      followed up by " << followed << "\n";
    for (const json& r : c.value("responses", json::array()))
      out << fmt::format("      response {} of {} (by {})\n", r.value("id", ""),
                         text(r.value("date", json())), r.value("match", ""));
  }
}

}  // namespace corresp
