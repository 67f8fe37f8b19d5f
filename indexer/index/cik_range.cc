#include "indexer/index/cik_range.h"

namespace corresp {

std::optional<CikRange> ParseCikRange(std::string_view text) {
  auto dots = text.find("..");
  if (dots == std::string_view::npos) return std::nullopt;
  std::string_view low = text.substr(0, dots), high = text.substr(dots + 2);
  CikRange range{Cik{0}, Cik{9'999'999'999}};  // the largest 10-digit CIK
  if (!low.empty()) {
    std::optional<Cik> cik = Cik::Parse(low);
    if (!cik) return std::nullopt;
    range.low = *cik;
  }
  if (!high.empty()) {
    std::optional<Cik> cik = Cik::Parse(high);
    if (!cik) return std::nullopt;
    range.high = *cik;
  }
  if (range.high < range.low) return std::nullopt;
  return range;
}

Result<std::optional<CikRange>> CikRangeFlag(const std::string& text) {
  if (text.empty()) return std::optional<CikRange>();
  std::optional<CikRange> range = ParseCikRange(text);
  if (!range)
    return InvalidArgument("--cik-range: expected LOW..HIGH (CIKs, LOW <= HIGH), got \"" + text +
                           "\"");
  return range;
}

}  // namespace corresp
