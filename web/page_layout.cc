#include "web/page_layout.h"

#include <cctype>

#include "query/json_fields.h"
#include "query/request_grammar.h"
#include "web/html.h"

namespace corresp::web {

namespace {

std::string Option(std::string_view value, std::string_view label, std::string_view selected) {
  return "<option value=\"" + HtmlEscape(value) + "\"" + (value == selected ? " selected" : "") +
         ">" + HtmlEscape(label) + "</option>";
}

std::string TextField(std::string_view name, std::string_view label, std::string_view value,
                      std::string_view placeholder) {
  return "<label class=\"field\"><span>" + HtmlEscape(label) +
         "</span><input type=\"text\" name=\"" + HtmlEscape(name) + "\" value=\"" +
         HtmlEscape(value) + "\" placeholder=\"" + HtmlEscape(placeholder) + "\"></label>";
}

std::string PathEncode(std::string_view id) {
  std::string out;
  for (char c : id) out += c == '#' ? std::string("%23") : std::string(1, c);
  return out;
}

}  // namespace

std::string ItemAnchor(std::string_view item) {
  std::string out = "item-";
  for (char c : item) out += c == '#' ? '-' : c;
  return out;
}

namespace {

std::string HitHeading(const SearchHit& h) {
  std::string where;
  if (h.type == "comment")
    where = h.number ? "Comment " + std::to_string(*h.number) : "Comment";
  else if (h.type == "response")
    where = h.number ? "Response " + std::to_string(*h.number) : "Response";
  else
    where = KindLabel(h.kind);
  std::string path;
  for (const std::string& x : h.headings) path += (path.empty() ? "" : " › ") + x;
  std::string out = "<div class=\"hit-meta\"><a class=\"company\" href=\"" +
                    HtmlEscape(LetterHref(h.accession)) + "\">" + HtmlEscape(h.company) + "</a>";
  out += "<span class=\"date\">" + HtmlEscape(h.date) + "</span>";
  out += "<span class=\"badge form-" + HtmlEscape(h.form) + "\">" + HtmlEscape(h.form) + "</span>";
  out += "<a class=\"where\" href=\"" + HtmlEscape(ItemHref(h.id)) + "\">" + HtmlEscape(where) +
         "</a></div>";
  if (!path.empty()) out += "<div class=\"headings\">" + HtmlEscape(path) + "</div>";
  return out;
}

// ` title="Assigned for: cue, cue"` (escaped) when the hit carries the topic's evidence, so
// a researcher can judge the tag; "" for an index without evidence.
std::string TopicTitle(const SearchHit& h, const std::string& slug) {
  for (const TopicEvidence& e : h.topics_evidence) {
    if (e.slug != slug || e.cues.empty()) continue;
    std::string why;
    for (const std::string& c : e.cues) why += (why.empty() ? "" : ", ") + c;
    return " title=\"" + HtmlEscape("Assigned for: " + why) + "\"";
  }
  return "";
}

std::string HitTags(const SearchHit& h, const TopicNames& topics) {
  if (h.topics.empty() && h.standards.empty()) return "";
  std::string out = "<div class=\"tags\">";
  for (const std::string& t : h.topics)
    out += "<a class=\"tag\" href=\"/?topic=" + HtmlEscape(UrlEncode(t)) + "\"" + TopicTitle(h, t) +
           ">" + HtmlEscape(topics.Label(t)) + "</a>";
  for (const std::string& s : h.standards)
    out += "<a class=\"tag std\" href=\"/?standard=" + HtmlEscape(UrlEncode(s)) + "\">" +
           HtmlEscape(StandardLabel(s)) + "</a>";
  return out + "</div>";
}

}  // namespace

std::string KindLabel(std::string_view kind) {
  std::string out(kind);
  for (char& c : out)
    if (c == '-' || c == '_') c = ' ';
  return out;
}

std::string StandardLabel(std::string_view key) {
  size_t digit = 0;
  while (digit < key.size() && !std::isdigit(static_cast<unsigned char>(key[digit]))) ++digit;
  std::string out;
  for (size_t i = 0; i < digit; ++i)
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(key[i])));
  if (digit < key.size()) {
    if (!out.empty()) out += ' ';
    out.append(key.substr(digit));
  }
  return out;
}

std::string LetterHref(std::string_view accession) { return "/letter/" + PathEncode(accession); }
std::string ThreadHref(std::string_view thread) { return "/thread/" + PathEncode(thread); }
std::string SimilarHref(std::string_view item) { return "/similar/" + PathEncode(item); }
std::string ItemHref(std::string_view item) {
  size_t hash = item.find('#');
  std::string href = LetterHref(item.substr(0, hash));
  if (hash != std::string_view::npos) {
    href += '#';
    href += ItemAnchor(item);
  }
  return href;
}

std::string PageStart(std::string_view title, std::string_view query) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         HtmlEscape(title) +
         " · corresp</title>"
         "<link rel=\"stylesheet\" href=\"/assets/style.css\">"
         "<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\"></head><body>"
         "<header class=\"topbar\"><a class=\"brand\" href=\"/\"><span "
         "class=\"mark\">§</span>corresp</a>"
         "<span class=\"tagline\">SEC comment letters &amp; company responses</span>"
         "<form class=\"quick\" action=\"/\" method=\"get\" role=\"search\"><input type=\"search\" "
         "name=\"q\" value=\"" +
         HtmlEscape(query) +
         "\" placeholder=\"Search comments…\" aria-label=\"Search\"></form>"
         "</header><main>";
}

std::string PageEnd() {
  return "</main><footer class=\"foot\">corresp · a local index of SEC EDGAR review correspondence "
         "(UPLOAD / CORRESP) · <a href=\"/api/stats\">API</a></footer>"
         "<script src=\"/assets/app.js\" defer></script></body></html>";
}

std::string SearchForm(const SearchRequest& r) {
  std::string sort = SortOrderName(r.sort);
  std::string out =
      "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">"
      "<div class=\"qrow\"><input class=\"q\" type=\"search\" name=\"q\" autofocus value=\"" +
      HtmlEscape(r.query) +
      "\" placeholder='\"hedge accounting\" company:apple standard:&quot;SFAS 133&quot; 2005..2010'"
      " aria-label=\"Query\"><button type=\"submit\">Search</button></div>"
      "<details class=\"filters\"" +
      std::string(r.form.empty() && r.kind.empty() && r.company.empty() && r.topic.empty() &&
                          r.standard.empty() && !r.since && !r.until &&
                          r.sort == SortOrder::kRelevance
                      ? ""
                      : " open") +
      "><summary>Filters</summary><div class=\"grid\">";
  out += "<label class=\"field\"><span>Form</span><select name=\"form\">" +
         Option("", "Any", r.form) + Option("upload", "UPLOAD (staff)", r.form) +
         Option("corresp", "CORRESP (company)", r.form) +
         Option("drsltr", "DRSLTR (company, draft)", r.form) +
         Option("dosltr", "DOSLTR (company, Reg A draft)", r.form) + "</select></label>";
  out += "<label class=\"field\"><span>Item</span><select name=\"kind\">" +
         Option("", "Any", r.kind) + Option("comment", "Staff comments", r.kind) +
         Option("response", "Company responses", r.kind) +
         Option("letter", "Other letters", r.kind) + Option("closing", "Closing letters", r.kind) +
         Option("extension_request", "Extension requests", r.kind) + "</select></label>";
  out += TextField("company", "Company", r.company, "name words");
  out += TextField("topic", "Topic", r.topic, "hedge-accounting");
  out += TextField("standard", "Standard", r.standard, "SFAS 133, ASC 815");
  out += TextField("since", "From", r.since ? r.since->ToIso() : "", "YYYY[-MM[-DD]]");
  out += TextField("until", "To", r.until ? r.until->ToIso() : "", "YYYY[-MM[-DD]]");
  out += "<label class=\"field\"><span>Sort</span><select name=\"sort\">" +
         Option("relevance", "Relevance", sort) + Option("newest", "Newest first", sort) +
         Option("date", "Oldest first", sort) + "</select></label>";
  if (!r.cik.empty())
    out += "<input type=\"hidden\" name=\"cik\" value=\"" + HtmlEscape(r.cik) + "\">";
  return out + "</div></details></form>";
}

// One side of a comment/response pair: a label (a link to the item when `link_id` is set, the
// paired item; the hit itself is linked from its heading) and the snippet.
std::string Side(std::string_view css, std::string_view label, const std::string& link_id,
                 const std::string& snippet) {
  std::string out = "<div class=\"side " + std::string(css) + "\"><div class=\"side-label\">";
  if (link_id.empty())
    out += std::string(label);
  else
    out += "<a href=\"" + HtmlEscape(ItemHref(link_id)) + "\">" + std::string(label) + "</a>";
  return out + "</div><p class=\"snippet\">" + SanitizeSnippet(snippet) + "</p></div>";
}

std::string HitHtml(const SearchHit& h, const TopicNames& topics) {
  std::string out = "<article class=\"hit type-" + HtmlEscape(h.type) + "\" data-id=\"" +
                    HtmlEscape(h.id) + "\">";
  out += HitHeading(h);
  if (h.response) {  // a staff comment beside the company's answer
    out += "<div class=\"pair\">" + Side("staff", "Staff comment", "", h.snippet) +
           Side("company", "Company response", h.response->id, h.response->snippet) + "</div>";
  } else if (h.comment) {  // a company response beside the staff comment it answers
    out += "<div class=\"pair\">" +
           Side("staff", "Staff comment", h.comment->id, h.comment->snippet) +
           Side("company", "Company response", "", h.snippet) + "</div>";
  } else {
    out += "<div class=\"side " + std::string(h.type == "response" ? "company" : "staff") +
           "\"><p class=\"snippet\">" + SanitizeSnippet(h.snippet) + "</p></div>";
  }
  out += HitTags(h, topics);
  out +=
      "<nav class=\"hit-links\"><a href=\"" + HtmlEscape(LetterHref(h.accession)) + "\">Letter</a>";
  if (!h.thread.empty())
    out += "<a class=\"thread-link\" href=\"" + HtmlEscape(ThreadHref(h.thread)) +
           "\">Review thread</a>";
  if (h.url.rfind("https://", 0) == 0 || h.url.rfind("http://", 0) == 0)
    out += "<a href=\"" + HtmlEscape(h.url) +
           "\" rel=\"noopener noreferrer\" target=\"_blank\">sec.gov ↗</a>";
  if (h.type != "letter")
    out += "<a class=\"similar-link\" href=\"" + HtmlEscape(SimilarHref(h.id)) + "\" data-item=\"" +
           HtmlEscape(h.id) + "\">Similar comments</a>";
  return out + "</nav><div class=\"similar-box\" hidden></div></article>";
}

std::string ReviewedBlock(const nlohmann::json& reviewed, const nlohmann::json& office,
                          const nlohmann::json& contacts) {
  std::string out;
  if (reviewed.is_array())
    for (const nlohmann::json& r : reviewed) {
      if (!r.is_object()) continue;
      std::string url = JsonString(r, "url");
      out += "<li>";
      if (url.rfind("https://", 0) == 0)
        out += "<a href=\"" + HtmlEscape(url) +
               "\" rel=\"noopener noreferrer\" target=\"_blank\">" + HtmlEscape(ReviewedLabel(r)) +
               " ↗</a> <span class=\"muted\">" + HtmlEscape(JsonString(r, "accession")) + "</span>";
      else
        out += HtmlEscape(ReviewedLabel(r)) +
               " <span class=\"muted\">(not resolved: " + HtmlEscape(JsonString(r, "basis")) +
               ")</span>";
      out += "</li>";
    }
  if (!out.empty())
    out = "<div class=\"reviewed\"><b>Reviewed filing</b><ul>" + out + "</ul></div>";
  std::string staff;
  if (office.is_string()) staff += HtmlEscape(office.get<std::string>());
  std::string names;
  if (contacts.is_array())
    for (const nlohmann::json& c : contacts)
      if (c.is_string()) names += (names.empty() ? "" : ", ") + c.get<std::string>();
  if (!names.empty())
    staff += (staff.empty() ? "" : " · ") + std::string("contacts: ") + HtmlEscape(names);
  if (!staff.empty()) out += "<p class=\"staff-office meta\">" + staff + "</p>";
  return out;
}

}  // namespace corresp::web
