// The letter page (each staff comment beside the company's response), the similar-comments
// page and the error page.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "query/json_fields.h"
#include "query/lookup.h"
#include "web/html.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace corresp::web {

using nlohmann::json;

namespace {

bool SafeUrl(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// Paragraphs of an item's text ("\n\n"-separated), escaped.
std::string Paragraphs(const std::string& text) {
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find("\n\n", pos);
    std::string para = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!para.empty()) out += "<p>" + HtmlEscape(para) + "</p>";
    if (end == std::string::npos) break;
    pos = end + 2;
  }
  return out;
}

std::string ItemTitle(const json& item) {
  std::string type = JsonString(item, "type");
  std::string title = type == "response" ? "Response" : type == "comment" ? "Comment" : "Letter";
  if (item.contains("number") && item["number"].is_number_integer())
    title += " " + std::to_string(item["number"].get<int>());
  return title;
}

std::string Headings(const json& item) {
  std::string path;
  if (item.contains("headings") && item["headings"].is_array())
    for (const json& h : item["headings"])
      if (h.is_string()) path += (path.empty() ? "" : " › ") + h.get<std::string>();
  return path.empty() ? "" : "<div class=\"headings\">" + HtmlEscape(path) + "</div>";
}

std::string ItemBlock(const json& item, const char* side) {
  if (!item.is_object()) {
    return fmt::format(
        "<div class=\"side {} missing\"><div class=\"side-label\">{}</div>"
        "<p class=\"muted\">No paired {} in the index.</p></div>",
        side, side == std::string("staff") ? "Staff comment" : "Company response",
        side == std::string("staff") ? "comment" : "response");
  }
  std::string id = JsonString(item, "id");
  std::string anchor = ItemAnchor(id);
  std::string out = fmt::format("<div class=\"side {}\" id=\"{}\"><div class=\"side-label\">", side,
                                HtmlEscape(anchor));
  std::string accession = JsonString(item, "accession");
  out += "<a href=\"" + HtmlEscape(ItemHref(id)) + "\">" + HtmlEscape(ItemTitle(item)) + "</a>";
  out += "<span class=\"muted\"> · " + HtmlEscape(JsonString(item, "date")) + "</span></div>" +
         Headings(item);
  std::string restated = JsonString(item, "comment_text");
  if (JsonString(item, "type") == "response" && !restated.empty() &&
      JsonString(item, "text").empty())
    out += "<div class=\"text\">" + Paragraphs(restated) + "</div>";
  out += "<div class=\"text\">" + Paragraphs(JsonString(item, "text")) + "</div>";
  if (JsonString(item, "type") != "letter")
    out += "<nav class=\"hit-links\"><a class=\"similar-link\" href=\"" +
           HtmlEscape(SimilarHref(id)) + "\" data-item=\"" + HtmlEscape(id) +
           "\">Similar comments</a></nav><div class=\"similar-box\" hidden></div>";
  return out + "</div>";
}

std::string LetterHeader(const json& shown) {
  std::string out = "<header class=\"doc-head\"><h1>" + HtmlEscape(JsonString(shown, "company")) +
                    "</h1><p class=\"meta\">";
  out += "<span class=\"badge form-" + HtmlEscape(JsonString(shown, "form")) + "\">" +
         HtmlEscape(JsonString(shown, "form")) + "</span> ";
  out += HtmlEscape(KindLabel(JsonString(shown, "kind"))) + " · filed " +
         HtmlEscape(JsonString(shown, "date")) + " · " + HtmlEscape(JsonString(shown, "accession"));
  out += "</p><nav class=\"hit-links\">";
  if (!JsonString(shown, "thread").empty())
    out += "<a class=\"thread-link\" href=\"" +
           HtmlEscape(ThreadHref(JsonString(shown, "thread"))) + "\">Review thread</a>";
  if (SafeUrl(JsonString(shown, "url")))
    out += "<a href=\"" + HtmlEscape(JsonString(shown, "url")) +
           "\" rel=\"noopener noreferrer\" target=\"_blank\">Letter on sec.gov ↗</a>";
  out += "<a href=\"/api/letter/" + HtmlEscape(JsonString(shown, "accession")) + "\">JSON</a>";
  out += "</nav>" + ReviewedBlock(shown.value("reviewed", json::array()),
                                  shown.value("office", json()),
                                  shown.value("staff_contacts", json::array()));
  return out + "</header>";
}

}  // namespace

HttpReply ErrorPage(int status, const std::string& message) {
  HttpReply reply;
  reply.status = status;
  std::string title = status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error";
  reply.body = PageStart(title) + "<section class=\"notice\"><h1>" + title + "</h1><p>" +
               HtmlEscape(message) + "</p><p><a href=\"/\">Back to search</a></p></section>" +
               PageEnd();
  return reply;
}

HttpReply ErrorPage(const Status& status) {
  HttpReply reply = ErrorPage(HttpStatusFor(status), PublicMessage(status));
  if (reply.status >= 500) reply.log_detail = status.ToString();
  return reply;
}

HttpReply LetterPage(const std::string& accession, IndexReader& reader) {
  Result<json> shown = ShowItem(reader, accession);
  if (!shown.ok()) return ErrorPage(shown.status());
  const json& letter = *shown;
  HttpReply reply;
  std::string body = PageStart(JsonString(letter, "company") + " " + JsonString(letter, "date")) +
                     LetterHeader(letter);
  body +=
      "<section class=\"letter\"><div class=\"pair-head\"><span>Staff comment</span><span>Company "
      "response</span></div>";
  for (const json& item : letter.value("items", json::array())) {
    const json paired = item.contains("paired") ? item["paired"] : json(nullptr);
    bool response = JsonString(item, "type") == "response";
    if (JsonString(item, "type") == "letter") {
      body += "<div class=\"pair single\">" + ItemBlock(item, "staff") + "</div>";
      continue;
    }
    body += "<div class=\"pair\">" +
            (response ? ItemBlock(paired, "staff") : ItemBlock(item, "staff")) +
            (response ? ItemBlock(item, "company") : ItemBlock(paired, "company")) + "</div>";
  }
  reply.body = body + "</section>" + PageEnd();
  return reply;
}

HttpReply SimilarPage(const std::string& item_id, const WebAppOptions& options,
                      IndexReader& reader) {
  SimilarOptions similar;
  similar.limit = options.similar_limit;
  Result<SearchResponse> found = Similar(reader, item_id, similar);
  if (!found.ok()) return ErrorPage(found.status());
  std::string body = PageStart("Similar to " + item_id);
  body +=
      "<header class=\"doc-head\"><h1>Similar comments</h1><p class=\"meta\">Items most like <a "
      "href=\"" +
      HtmlEscape(ItemHref(item_id)) + "\">" + HtmlEscape(item_id) +
      "</a> from other reviews</p></header>";
  if (found->hits.empty()) body += "<p class=\"empty\">Nothing similar in other reviews.</p>";
  body += "<div class=\"hits\">";
  TopicNames topics = TopicNames::Of(reader);
  for (const SearchHit& hit : found->hits) body += HitHtml(hit, topics);
  HttpReply reply;
  reply.body = body + "</div>" + PageEnd();
  return reply;
}

}  // namespace corresp::web
