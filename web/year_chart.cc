#include "web/year_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "web/html.h"

namespace corresp::web {

namespace {

std::map<int, long> NumericYears(const std::map<std::string, long>& counts) {
  std::map<int, long> years;
  for (const auto& [key, n] : counts) {
    if (key.size() != 4 || n <= 0) continue;
    if (!std::all_of(key.begin(), key.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      continue;
    years[std::stoi(key)] += n;
  }
  return years;
}

// A "nice" axis maximum (1, 2, 5 x 10^k) at or above `value`.
long NiceCeiling(long value) {
  long step = 1;
  while (true) {
    for (long m : {1L, 2L, 5L})
      if (m * step >= value) return m * step;
    step *= 10;
  }
}

}  // namespace

std::string YearChartSvg(const std::map<std::string, long>& counts, const YearChartOptions& o,
                         const std::function<std::string(int year)>& link) {
  std::map<int, long> years = NumericYears(counts);
  if (years.empty()) return "";
  int first = years.begin()->first, last = years.rbegin()->first;
  long peak = 0;
  for (const auto& [y, n] : years) peak = std::max(peak, n);
  long top = NiceCeiling(peak);
  const int left = 44, right = 8, top_pad = 10, bottom = 24;
  const double plot_w = o.width - left - right, plot_h = o.height - top_pad - bottom;
  const int span = last - first + 1;
  const double slot = plot_w / span, bar = std::clamp(slot * 0.72, 2.0, 44.0);
  std::string svg = fmt::format(
      "<svg class=\"year-chart\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"{} per year, {} to {}\">",
      o.width, o.height, HtmlEscape(o.noun), first, last);
  for (long tick : {0L, top / 2, top}) {
    double y = top_pad + plot_h - plot_h * tick / top;
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>"
        "<text class=\"axis\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
        left, o.width - right, y, y, left - 6, y + 4, tick);
  }
  int label_every = span <= 12 ? 1 : span <= 24 ? 2 : 5;
  for (int year = first; year <= last; ++year) {
    long n = years.count(year) ? years[year] : 0;
    double x = left + (year - first) * slot + (slot - bar) / 2;
    double h = plot_h * n / top, y = top_pad + plot_h - h;
    std::string rect = fmt::format(
        "<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
        "<title>{}: {} {}</title></rect>",
        x, y, bar, h, year, n, HtmlEscape(o.noun));
    if (link && n > 0) rect = "<a href=\"" + HtmlEscape(link(year)) + "\">" + rect + "</a>";
    svg += rect;
    if ((year - first) % label_every == 0 || year == last)
      svg +=
          fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                      x + bar / 2, o.height - 6, year);
  }
  return svg + "</svg>";
}

}  // namespace corresp::web
