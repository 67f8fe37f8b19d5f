// The thread page: one SEC review of one company as a timeline (letters, dates, comment
// counts, days between letters), with its status and days to close.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "core/date.h"
#include "core/letter_form.h"
#include "query/json_fields.h"
#include "query/lookup.h"
#include "web/html.h"
#include "web/page_layout.h"
#include "web/pages.h"

namespace corresp::web {

using nlohmann::json;

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
  body += "</ol><p class=\"muted\"><a href=\"/api/thread/" +
          HtmlEscape(UrlEncode(JsonString(t, "thread"))) + "\">JSON</a></p>";
  HttpReply reply;
  reply.body = body + PageEnd();
  return reply;
}

}  // namespace corresp::web
