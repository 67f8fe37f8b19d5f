#include "indexer/index/backfill_plan.h"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace corresp {

namespace {

constexpr std::string_view kMagic = "backfill-plan";
constexpr int kFormat = 1;

std::optional<int> ParseInt(const std::string& word) {
  int v = 0;
  auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
  if (ec != std::errc() || end != word.data() + word.size() || v < 0) return std::nullopt;
  return v;
}

}  // namespace

std::vector<std::size_t> BackfillPlan::Bounds(const std::vector<Cik>& ciks) const {
  std::vector<std::size_t> bounds{0};
  for (const Cik& start : part_starts)
    bounds.push_back(
        static_cast<std::size_t>(std::lower_bound(ciks.begin(), ciks.end(), start) - ciks.begin()));
  bounds.push_back(ciks.size());
  return bounds;
}

std::string BackfillPlan::ToText() const {
  std::string out = std::string(kMagic) + " " + std::to_string(kFormat) + " extractor " +
                    std::to_string(extractor_version) + " schema " +
                    std::to_string(schema_version) + " parts " + std::to_string(parts()) +
                    " starts";
  for (const Cik& c : part_starts) out += " " + c.Padded();
  return out;
}

std::optional<BackfillPlan> BackfillPlan::Parse(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> w;
  for (std::string word; in >> word;) w.push_back(word);
  if (w.size() < 9 || w[0] != kMagic || w[1] != std::to_string(kFormat) || w[2] != "extractor" ||
      w[4] != "schema" || w[6] != "parts" || w[8] != "starts")
    return std::nullopt;
  std::optional<int> extractor = ParseInt(w[3]), schema = ParseInt(w[5]), parts = ParseInt(w[7]);
  if (!extractor || !schema || !parts || *parts < 1 ||
      w.size() != 9 + static_cast<std::size_t>(*parts - 1))
    return std::nullopt;
  BackfillPlan plan{*extractor, *schema, {}};
  for (std::size_t i = 9; i < w.size(); ++i) {
    std::optional<Cik> cik = Cik::Parse(w[i]);
    if (!cik || (!plan.part_starts.empty() && !(plan.part_starts.back() < *cik)))
      return std::nullopt;
    plan.part_starts.push_back(*cik);
  }
  return plan;
}

BackfillPlan PlanOfSplit(const std::vector<Cik>& ciks, const std::vector<std::size_t>& bounds,
                         int extractor_version, int schema_version) {
  BackfillPlan plan{extractor_version, schema_version, {}};
  for (std::size_t k = 1; k + 1 < bounds.size(); ++k)
    if (bounds[k] < ciks.size()) plan.part_starts.push_back(ciks[bounds[k]]);
  return plan;
}

}  // namespace corresp
