#include "crawler/crawl_plan.h"

#include <algorithm>
#include <cstdio>

namespace corresp {
namespace {

Date NextQuarterStart(Date d) {
  Date start = d.QuarterStart();
  return start.month == 10 ? Date{start.year + 1, 1, 1} : Date{start.year, start.month + 3, 1};
}

std::string QuarterDir(Date d) {
  return std::to_string(d.year) + "/QTR" + std::to_string(d.Quarter());
}

}  // namespace

IndexSource DailyIndexSource(Date day) {
  return {"Archives/edgar/daily-index/" + QuarterDir(day) + "/master." + day.ToCompact() + ".idx",
          day, true};
}

IndexSource FullIndexSource(Date day, const std::string& name) {
  return {"Archives/edgar/full-index/" + QuarterDir(day) + "/" + name, day.QuarterStart(), false};
}

Date QuarterEnd(Date day) { return NextQuarterStart(day).AddDays(-1); }

std::vector<IndexSource> PlanIndexFiles(Date since, Date until, Date today) {
  std::vector<IndexSource> plan;
  until = std::min(until, today);
  for (Date q = since.QuarterStart(); q <= until; q = NextQuarterStart(q)) {
    Date q_end = NextQuarterStart(q).AddDays(-1);
    if (since <= q && q_end <= until && q_end < today) {
      plan.push_back(FullIndexSource(q, "master.idx"));
      continue;
    }
    for (Date d = std::max(since, q); d <= std::min(until, q_end); d = d.AddDays(1)) {
      if (d.IsWeekend()) continue;
      plan.push_back(DailyIndexSource(d));
    }
  }
  return plan;
}

bool FilingFilter::Matches(const std::string& form, Cik cik) const {
  bool form_ok = forms.empty() || std::find(forms.begin(), forms.end(), form) != forms.end();
  bool cik_ok = ciks.empty() || std::find(ciks.begin(), ciks.end(), cik) != ciks.end();
  return form_ok && cik_ok;
}

}  // namespace corresp
