// The thread page: one SEC review of one company as a timeline (letters, dates, comment
// counts, days between letters), with its status and days to close; then each staff comment's
// own timeline (first raised -> answered -> reissued -> resolved).
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/letter_form.h"
#include "query/json_fields.h"
#include "query/lookup.h"
#include "web/html.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace corresp::web {

using nlohmann::json;

namespace {

std::string Step(std::string_view cls, std::string_view what, const std::string& date,
                 const std::string& detail = "") {
  return "<li class=\"step step-" + HtmlEscape(cls) + "\"><b>" + HtmlEscape(what) +
         "</b> <span class=\"step-date\">" + HtmlEscape(date.empty() ? "–" : date) + "</span>" +
         detail + "</li>";
}

std::string ItemLink(const std::string& id) {
  return "<a href=\"" + HtmlEscape(ItemHref(id)) + "\">" + HtmlEscape(id) + "</a>";
}

// One staff comment: first raised -> answered (each response) -> reissued (each follow-up) ->
// resolved / open / responded / unclear, with the reason in words.
std::string CommentTimeline(const json& c, const std::map<std::string, std::string>& dates) {
  std::string status = JsonString(c, "status");
  int rounds = c.contains("rounds") && c["rounds"].is_number_integer() ? c["rounds"].get<int>() : 1;
  std::string number = c.contains("number") && c["number"].is_number_integer()
                           ? fmt::format("Comment {}", c["number"].get<int>())
                           : std::string("Unnumbered comment");
  std::string out = "<li class=\"lc status-" + HtmlEscape(status) + "\"><div class=\"lc-head\">" +
                    "<a href=\"" + HtmlEscape(ItemHref(JsonString(c, "id"))) + "\">" +
                    HtmlEscape(number) + "</a> <span class=\"muted\">" +
                    HtmlEscape(JsonString(c, "date")) + "</span> <b class=\"status status-" +
                    HtmlEscape(status) + "\">" + HtmlEscape(status) +
                    "</b> <span class=\"muted\">" +
                    fmt::format("{} round{}", rounds, rounds == 1 ? "" : "s") + "</span></div>";
  out += "<ol class=\"steps\">";
  std::vector<std::string> follows = JsonStrings(c, "follows_up");
  out += Step("raised", follows.empty() ? "first raised" : "follows up", JsonString(c, "date"),
              follows.empty() ? "" : " " + ItemLink(follows.front()));
  for (const json& r : c.value("responses", json::array()))
    out += Step("answered", "answered", JsonString(r, "date"),
                " " + ItemLink(JsonString(r, "id")) + " <span class=\"muted\">by " +
                    HtmlEscape(JsonString(r, "match")) + "</span>");
  for (const std::string& f : JsonStrings(c, "followed_up_by")) {
    auto d = dates.find(f);
    out += Step("reissued", "reissued", d == dates.end() ? "" : d->second, " as " + ItemLink(f));
  }
  if (status == "resolved")
    out += Step("resolved", "resolved", JsonString(c, "closed_date"));
  else if (status != "reissued")
    out += Step(status, status, "");
  out +=
      "</ol><p class=\"muted lc-why\">" + HtmlEscape(JsonString(c, "status_reason")) + "</p></li>";
  return out;
}

std::string CommentTimelines(const json& t) {
  const json& comments = t.contains("comments") ? t["comments"] : json();
  if (!comments.is_array() || comments.empty()) return "";
  std::map<std::string, std::string> dates;  // comment id -> its letter's date
  for (const json& c : comments) dates[JsonString(c, "id")] = JsonString(c, "date");
  std::string out = "<h2>Staff comments</h2><ol class=\"lifecycle\">";
  for (const json& c : comments) out += CommentTimeline(c, dates);
  return out + "</ol>";
}

}  // namespace

HttpReply ThreadPage(const std::string& thread_id, IndexReader& reader) {
  Result<json> found = GetThread(reader, thread_id);
  if (!found.ok()) return ErrorPage(found.status());
  const json& t = *found;
  std::string status = JsonString(t, "status");
  std::string body = PageStart("Thread " + JsonString(t, "thread"));
  body += "<header class=\"doc-head\"><h1>" + HtmlEscape(JsonString(t, "company")) +
          "</h1><p class=\"meta\">Review thread " + HtmlEscape(JsonString(t, "thread")) +
          " · CIK " + HtmlEscape(JsonString(t, "cik")) + "</p>" +
          ReviewedBlock(t.value("reviewed", json::array()), json(), json::array()) + "</header>";
  long days = t.contains("days") && t["days"].is_number() ? t["days"].get<long>() : 0;
  body += "<div class=\"figures thread-figures\"><div><b class=\"status status-" +
          HtmlEscape(status) + "\">" + HtmlEscape(status.empty() ? "unknown" : status) +
          "</b><span>status</span></div>";
  body += "<div><b>" + HtmlEscape(JsonString(t, "start")) + "</b><span>opened</span></div>";
  body += "<div><b>" + HtmlEscape(JsonString(t, "end").empty() ? "–" : JsonString(t, "end")) +
          "</b><span>last letter</span></div>";
  body += fmt::format("<div><b>{}</b><span>days {}</span></div></div>", days,
                      status == "closed" ? "to close" : "so far");
  body += "<ol class=\"timeline\">";
  std::optional<Date> previous;
  for (const json& l : t.value("letters", json::array())) {
    std::optional<Date> date = Date::Parse(JsonString(l, "date"));
    std::string gap =
        date && previous ? fmt::format("+{} d", date->DaysSinceEpoch() - previous->DaysSinceEpoch())
                         : "";
    if (date) previous = date;
    std::string form = JsonString(l, "form");
    int n =
        l.contains("comments") && l["comments"].is_number_integer() ? l["comments"].get<int>() : 0;
    std::string count = SideOfForm(form) == LetterSide::kCompany
                            ? fmt::format("{} response{}", n, n == 1 ? "" : "s")
                            : fmt::format("{} comment{}", n, n == 1 ? "" : "s");
    body += "<li class=\"tl form-" + HtmlEscape(form) + "\"><span class=\"tl-date\">" +
            HtmlEscape(JsonString(l, "date")) + "</span><span class=\"badge form-" +
            HtmlEscape(form) + "\">" + HtmlEscape(form) + "</span>" +
            "<a class=\"tl-kind\" href=\"" + HtmlEscape(LetterHref(JsonString(l, "accession"))) +
            "\">" + HtmlEscape(KindLabel(JsonString(l, "kind"))) + "</a><span class=\"tl-count\">" +
            HtmlEscape(count) + "</span><span class=\"tl-gap muted\">" + gap +
            "</span><span class=\"tl-acc muted\">" + HtmlEscape(JsonString(l, "accession")) +
            "</span></li>";
  }
  body += "</ol>" + CommentTimelines(t) + "<p class=\"muted\"><a href=\"/api/thread/" +
          HtmlEscape(UrlEncode(JsonString(t, "thread"))) + "\">JSON</a></p>";
  HttpReply reply;
  reply.body = body + PageEnd();
  return reply;
}

}  // namespace corresp::web
