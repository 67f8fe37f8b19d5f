// The search page: form, active filters, facets, the comments-per-year chart, hits, pager.
// Without a query or filter it shows the index overview instead.
#include <fmt/format.h>

#include <algorithm>

#include "query/index_stats.h"
#include "query/search.h"
#include "web/html.h"
#include "web/page_layout.h"
#include "web/pages.h"
#include "web/year_chart.h"

namespace corresp::web {

namespace {

// `params` with `key` set to `value` (removed when value is empty) and the page reset.
QueryParams Set(QueryParams params, const std::string& key, const std::string& value) {
  params.erase(std::remove_if(params.begin(), params.end(),
                              [&](const auto& p) { return p.first == key || p.first == "offset"; }),
               params.end());
  if (!value.empty()) params.emplace_back(key, value);
  return params;
}

std::string Href(const QueryParams& params) {
  std::string qs = BuildQueryString(params);
  return qs.empty() ? "/" : "/?" + qs;
}

std::string WithParam(const QueryParams& params, const std::string& key, const std::string& value) {
  return Href(Set(params, key, value));
}

// The search restricted to one filing year.
std::string YearHref(const QueryParams& base, const std::string& year) {
  return Href(Set(Set(base, "since", year), "until", year));
}

bool HasFilter(const SearchRequest& r) {
  return !r.query.empty() || !r.form.empty() || !r.kind.empty() || !r.company.empty() ||
         !r.cik.empty() || !r.topic.empty() || !r.standard.empty() || r.since || r.until;
}

std::string FacetLabel(const std::string& facet, const std::string& value,
                       const TopicNames& topics) {
  if (facet == "topic") return topics.Label(value);
  if (facet == "standard") return StandardLabel(value);
  if (facet == "form")
    return value == "upload"    ? "UPLOAD (staff)"
           : value == "corresp" ? "CORRESP (company)"
           : value == "drsltr"  ? "DRSLTR (company, draft)"
           : value == "dosltr"  ? "DOSLTR (company, Reg A draft)"
                                : value;
  return value;
}

std::string FacetBlock(const std::string& facet, const std::string& title,
                       const std::map<std::string, long>& counts, const QueryParams& base,
                       const TopicNames& topics, bool exact) {
  if (counts.empty()) return "";
  std::vector<std::pair<std::string, long>> items(counts.begin(), counts.end());
  if (facet == "year") {
    std::reverse(items.begin(), items.end());
  } else {
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  std::string out =
      "<section class=\"facet\" data-facet=\"" + facet + "\"><h3>" + title + "</h3><ul>";
  for (const auto& [value, n] : items) {
    std::string href = facet == "year" ? YearHref(base, value) : WithParam(base, facet, value);
    out += "<li><a href=\"" + HtmlEscape(href) + "\"><span class=\"fv\">" +
           HtmlEscape(FacetLabel(facet, value, topics)) + "</span><span class=\"count\">" +
           (exact ? "" : "≈") + std::to_string(n) + "</span></a></li>";
  }
  return out + "</ul></section>";
}

// `exact` false: the counts are estimates from a sample (SearchResponse::facets_exact), each
// shown as "≈N" under a note.
std::string Facets(const FacetCounts& facets, bool exact, const QueryParams& base,
                   const TopicNames& topics) {
  static const std::pair<const char*, const char*> kOrder[] = {
      {"topic", "Topic"},     {"standard", "Standard"}, {"status", "Status"}, {"form", "Form"},
      {"company", "Company"}, {"office", "Office"},     {"year", "Year"}};
  std::string out = "<aside class=\"facets\" aria-label=\"Refine\">";
  if (!exact && !facets.empty())
    out +=
        "<p class=\"muted facets-note\">Counts are estimates (≈) from a sample of the "
        "matches.</p>";
  for (const auto& [facet, title] : kOrder) {
    auto it = facets.find(facet);
    if (it != facets.end()) out += FacetBlock(facet, title, it->second, base, topics, exact);
  }
  return out + "</aside>";
}

std::string ActiveFilters(const SearchRequest& r, const QueryParams& base,
                          const TopicNames& topics) {
  std::vector<std::pair<std::string, std::string>> active;  // param, label
  if (!r.form.empty()) active.emplace_back("form", "form: " + r.form);
  if (!r.kind.empty()) active.emplace_back("kind", "item: " + KindLabel(r.kind));
  if (!r.company.empty()) active.emplace_back("company", "company: " + r.company);
  if (!r.cik.empty()) active.emplace_back("cik", "CIK " + r.cik);
  if (!r.topic.empty()) active.emplace_back("topic", "topic: " + topics.Label(r.topic));
  if (!r.standard.empty()) active.emplace_back("standard", "standard: " + r.standard);
  if (!r.status.empty()) active.emplace_back("status", "status: " + r.status);
  if (!r.office.empty()) active.emplace_back("office", "office: " + r.office);
  if (r.since) active.emplace_back("since", "from " + r.since->ToIso());
  if (r.until) active.emplace_back("until", "to " + r.until->ToIso());
  if (active.empty()) return "";
  std::string out = "<div class=\"chips\">";
  for (const auto& [param, label] : active)
    out += "<a class=\"chip\" title=\"Remove this filter\" href=\"" +
           HtmlEscape(WithParam(base, param, "")) + "\">" + HtmlEscape(label) +
           " <span aria-hidden=\"true\">×</span></a>";
  return out + "</div>";
}

std::string Pager(const SearchRequest& r, long total, const QueryParams& base,
                  const WebLimits& limits) {
  long pages = std::min<long>((total + r.limit - 1) / r.limit, limits.max_window / r.limit);
  if (pages <= 1) return "";
  long current = r.offset / r.limit + 1;
  auto link = [&](long page, const std::string& label, const char* cls) {
    std::string href =
        WithParam(base, "offset", page == 1 ? "" : std::to_string((page - 1) * r.limit));
    return fmt::format("<a class=\"{}\" href=\"{}\">{}</a>", cls, HtmlEscape(href), label);
  };
  std::string out = "<nav class=\"pager\" aria-label=\"Pages\">";
  if (current > 1) out += link(current - 1, "‹ Previous", "prev");
  for (long p = std::max(1L, current - 3); p <= std::min(pages, current + 3); ++p)
    out += p == current ? fmt::format("<span class=\"current\">{}</span>", p)
                        : link(p, std::to_string(p), "num");
  if (current < pages) out += link(current + 1, "Next ›", "next");
  return out + "</nav>";
}

// Matching staff comments per year (a second, facet-only query restricted to comments).
std::string Chart(IndexReader& reader, const SearchRequest& r, const SearchResponse& main,
                  const QueryParams& base) {
  std::map<std::string, long> years;
  std::string noun = "matching staff comments";
  bool exact = true;
  if (r.kind.empty() || r.kind == "comment") {
    SearchRequest comments = r;
    comments.kind = "comment";
    comments.offset = 0;
    comments.limit = 1;
    comments.facets = true;
    Result<SearchResponse> counted = Search(reader, comments);
    if (counted.ok() && counted->facets.count("year")) years = counted->facets.at("year");
    exact = !counted.ok() || counted->facets_exact;
  } else if (main.facets.count("year")) {
    years = main.facets.at("year");
    noun = "matching items";
    exact = main.facets_exact;
  }
  YearChartOptions chart;
  chart.noun = noun;
  std::string svg =
      YearChartSvg(years, chart, [&](int year) { return YearHref(base, std::to_string(year)); });
  if (svg.empty()) return "";
  return "<figure class=\"chart\"><figcaption>" + HtmlEscape(noun) + " per year" +
         (exact ? "" : " (≈ estimated from a sample)") + "</figcaption>" + svg + "</figure>";
}

// The index figures; on failure a notice, the detail going to `log_detail`.
std::string Overview(IndexReader& reader, std::string& log_detail) {
  Result<IndexStats> stats = ReadIndexStats(reader);
  if (!stats.ok()) {
    log_detail = stats.status().ToString();
    return "<p class=\"error\">" + HtmlEscape(PublicMessage(stats.status())) + "</p>";
  }
  const IndexStats& s = *stats;
  TopicNames names = TopicNames::Of(reader);
  std::string out = fmt::format(
      "<section class=\"overview\"><div class=\"figures\">"
      "<div><b>{}</b><span>staff comments</span></div><div><b>{}</b><span>company "
      "responses</span></div>"
      "<div><b>{}</b><span>letters</span></div><div><b>{}</b><span>review "
      "threads</span></div></div>",
      s.comments, s.responses, s.letters, s.threads_open + s.threads_closed);
  YearChartOptions chart;
  chart.noun = "indexed items";
  std::string svg =
      YearChartSvg(s.by_year, chart, [](int y) { return fmt::format("/?since={0}&until={0}", y); });
  if (!svg.empty())
    out += "<figure class=\"chart\"><figcaption>Indexed items per year</figcaption>" + svg +
           "</figure>";
  std::vector<std::pair<std::string, long>> topics(s.by_topic.begin(), s.by_topic.end());
  std::stable_sort(topics.begin(), topics.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (!topics.empty()) {
    out += "<h2>Topics</h2><div class=\"tags topics\">";
    for (const auto& [slug, n] : topics)
      out += "<a class=\"tag\" href=\"/?topic=" + HtmlEscape(UrlEncode(slug)) + "\">" +
             HtmlEscape(names.Label(slug)) + " <span class=\"count\">" + std::to_string(n) +
             "</span></a>";
    out += "</div>";
  }
  if (!s.last_indexed.empty())
    out += "<p class=\"muted\">Last indexed " + HtmlEscape(s.last_indexed) + "</p>";
  return out + "</section>";
}

// Download links for the current query and filters (/api/export; docs/dataset.md).
std::string ExportLinks(const QueryParams& base) {
  QueryParams params;
  for (const auto& [key, value] : base)
    if (key != "offset" && key != "page" && key != "limit" && key != "sort" && key != "collapse")
      params.emplace_back(key, value);
  auto link = [&](const char* level, const char* format, const char* label) {
    QueryParams p = params;
    p.emplace_back("level", level);
    p.emplace_back("format", format);
    return "<a class=\"export\" download href=\"" +
           HtmlEscape("/api/export?" + BuildQueryString(p)) + "\">" + label + "</a>";
  };
  return "<p class=\"export\">Download the matches: comments " + link("comment", "csv", "CSV") +
         " · " + link("comment", "jsonl", "JSON lines") + " · threads " +
         link("thread", "csv", "CSV") + "</p>";
}

}  // namespace

HttpReply SearchPage(const std::string& query_string, const WebAppOptions& options,
                     IndexReader& reader) {
  Result<SearchRequest> parsed = ParseSearchParams(ParseQueryString(query_string), options.limits);
  HttpReply reply;
  if (!parsed.ok()) {
    reply.status = 400;
    reply.body = PageStart("Bad search") + SearchForm(SearchRequest{}) +
                 "<p class=\"error\" role=\"alert\">" + HtmlEscape(parsed.status().message()) +
                 "</p>" + PageEnd();
    return reply;
  }
  SearchRequest r = std::move(parsed).value();
  r.facets = true;
  if (!HasFilter(r)) {
    reply.body =
        PageStart("Search") + SearchForm(r) + Overview(reader, reply.log_detail) + PageEnd();
    return reply;
  }
  std::string title = r.query.empty() ? "Search" : r.query;
  Result<SearchResponse> found = Search(reader, r);
  if (!found.ok()) {
    reply.status = HttpStatusFor(found.status());
    if (reply.status >= 500) reply.log_detail = found.status().ToString();
    reply.body = PageStart(title, r.query) + SearchForm(r) + "<p class=\"error\" role=\"alert\">" +
                 HtmlEscape(PublicMessage(found.status())) + "</p>" + PageEnd();
    return reply;
  }
  const SearchResponse& res = *found;
  QueryParams base = SearchParamsOf(r, options.limits);
  TopicNames topics = TopicNames::Of(reader);
  std::string body = PageStart(title, r.query) + SearchForm(r) + ActiveFilters(r, base, topics);
  body += "<div class=\"layout\">" + Facets(res.facets, res.facets_exact, base, topics) +
          "<section class=\"results\">";
  body += fmt::format("<p class=\"summary\"><b>{}{}</b> match{}",
                      res.partial || !res.facets_exact ? "about " : "", res.total,
                      res.total == 1 ? "" : "es");
  if (!res.hits.empty())
    body += fmt::format(" · showing {}–{}", res.offset + 1,
                        res.offset + static_cast<long>(res.hits.size()));
  if (res.partial) body += " · counting stopped at the time limit: facet counts are partial";
  body += "</p>";
  if (!res.corrected.empty())
    body += "<p class=\"didyoumean\">Did you mean <a href=\"" +
            HtmlEscape(WithParam(base, "q", res.corrected)) + "\">" + HtmlEscape(res.corrected) +
            "</a>?</p>";
  if (options.year_chart) body += Chart(reader, r, res, base);
  if (res.hits.empty())
    body += "<p class=\"empty\">No comments match. Try fewer words or remove a filter.</p>";
  body += "<div class=\"hits\">";
  for (const SearchHit& hit : res.hits) body += HitHtml(hit, topics);
  body +=
      "</div>" + Pager(r, res.total, base, options.limits) + ExportLinks(base) + "</section></div>";
  reply.body = body + PageEnd();
  return reply;
}

}  // namespace corresp::web
