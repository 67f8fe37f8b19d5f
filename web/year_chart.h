// The "matches per year" chart, drawn on the server as inline SVG (no script, no CDN): one
// bar per year from the first to the last year with matches (empty years drawn as gaps), a
// tooltip (<title>) and an optional link per bar.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace corresp::web {

struct YearChartOptions {
  // Drawing size in CSS pixels; the SVG scales to its container (viewBox).
  int width = 960;
  int height = 190;
  // What a bar counts, for the tooltip and the accessible title ("staff comments").
  std::string noun = "matches";
};

// Returns "" when `counts` holds no numeric year with a count > 0. Keys that are not 4-digit
// years are ignored. `link` (may be empty) gives the raw href of a year's bar; the chart
// escapes it.
std::string YearChartSvg(const std::map<std::string, long>& counts, const YearChartOptions& options,
                         const std::function<std::string(int year)>& link = {});

}  // namespace corresp::web
