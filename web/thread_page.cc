// The thread page: one SEC review of one company as a timeline (letters, dates, comment
// counts, days between letters), with its status and days to close.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "core/date.h"
#include "query/lookup.h"
#include "web/html.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace corresp::web {

using nlohmann::json;

namespace {

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

}  // namespace

HttpReply ThreadPage(const std::string& thread_id, IndexReader& reader) {
  Result<json> found = GetThread(reader, thread_id);
  if (!found.ok()) return ErrorPage(HttpStatusFor(found.status()), found.status().message());
  const json& t = *found;
  std::string status = Str(t, "status");
  std::string body = PageStart("Thread " + Str(t, "thread"));
  body += "<header class=\"doc-head\"><h1>" + HtmlEscape(Str(t, "company")) +
          "</h1><p class=\"meta\">Review thread " + HtmlEscape(Str(t, "thread")) + " · CIK " +
          HtmlEscape(Str(t, "cik")) + "</p></header>";
  long days = t.contains("days") && t["days"].is_number() ? t["days"].get<long>() : 0;
  body += "<div class=\"figures thread-figures\"><div><b class=\"status status-" +
          HtmlEscape(status) + "\">" + HtmlEscape(status.empty() ? "unknown" : status) +
          "</b><span>status</span></div>";
  body += "<div><b>" + HtmlEscape(Str(t, "start")) + "</b><span>opened</span></div>";
  body += "<div><b>" + HtmlEscape(Str(t, "end").empty() ? "–" : Str(t, "end")) +
          "</b><span>last letter</span></div>";
  body += fmt::format("<div><b>{}</b><span>days {}</span></div></div>", days,
                      status == "closed" ? "to close" : "so far");
  body += "<ol class=\"timeline\">";
  std::optional<Date> previous;
  for (const json& l : t.value("letters", json::array())) {
    std::optional<Date> date = Date::Parse(Str(l, "date"));
    std::string gap =
        date && previous ? fmt::format("+{} d", date->DaysSinceEpoch() - previous->DaysSinceEpoch())
                         : "";
    if (date) previous = date;
    std::string form = Str(l, "form");
    int n =
        l.contains("comments") && l["comments"].is_number_integer() ? l["comments"].get<int>() : 0;
    std::string count = form == "CORRESP" ? fmt::format("{} response{}", n, n == 1 ? "" : "s")
                                          : fmt::format("{} comment{}", n, n == 1 ? "" : "s");
    body += "<li class=\"tl form-" + HtmlEscape(form) + "\"><span class=\"tl-date\">" +
            HtmlEscape(Str(l, "date")) + "</span><span class=\"badge form-" + HtmlEscape(form) +
            "\">" + HtmlEscape(form) + "</span>" + "<a class=\"tl-kind\" href=\"" +
            HtmlEscape(LetterHref(Str(l, "accession"))) + "\">" +
            HtmlEscape(KindLabel(Str(l, "kind"))) + "</a><span class=\"tl-count\">" +
            HtmlEscape(count) + "</span><span class=\"tl-gap muted\">" + gap +
            "</span><span class=\"tl-acc muted\">" + HtmlEscape(Str(l, "accession")) +
            "</span></li>";
  }
  body += "</ol><p class=\"muted\"><a href=\"/api/thread/" +
          HtmlEscape(UrlEncode(Str(t, "thread"))) + "\">JSON</a></p>";
  HttpReply reply;
  reply.body = body + PageEnd();
  return reply;
}

}  // namespace corresp::web
