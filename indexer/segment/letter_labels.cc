#include "indexer/segment/letter_labels.h"

#include <re2/re2.h>

#include <optional>
#include <string>

#include "indexer/extract/text_util.h"
#include "indexer/segment/patterns.h"

namespace corresp {
namespace {

// A legend is a line, not a paragraph that happens to start with the words.
constexpr size_t kMaxLegendBytes = 160;

bool IsLegend(const std::string& text) {
  static const RE2 legend(R"((?i)^(?:FOIA )?Confidential Treatment Request(?:ed)?\b)");
  return text.size() <= kMaxLegendBytes && RE2::PartialMatch(text, legend);
}

// "BY APPLOVIN CORPORATION: APP-003": the second line of a wrapped legend.
bool IsLegendTail(const std::string& text) {
  static const RE2 tail(R"(^BY [A-Z0-9 ,.&'’-]+(?::\s*[A-Z0-9-]+)?$)");
  return text.size() <= kMaxLegendBytes && RE2::FullMatch(text, tail);
}

// "Comment No. 1" or "Comment" alone, with "1. Please ..." (a numbered item, not a label, of
// the same number when the label has one) right below.
bool LabelsNextItem(const Block& label, const Block& next) {
  std::optional<ItemStart> n = ParseItemStart(next.text);
  if (!n || n->labelled || !n->number) return false;
  static const RE2 bare(R"((?i)^(?:SEC |the )?(?:Staff.s |Staff )?Comment\s*:?$)");
  if (RE2::FullMatch(CollapseSpace(label.text), bare)) return true;
  std::optional<ItemStart> l = ParseItemStart(label.text);
  return l && l->labelled && l->number && CollapseSpace(l->rest).empty() && n->number == l->number;
}

}  // namespace

std::vector<Block> DropLetterLabels(std::vector<Block> blocks) {
  std::vector<Block> out;
  out.reserve(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (IsLegend(blocks[i].text)) {
      if (i + 1 < blocks.size() && IsLegendTail(blocks[i + 1].text)) ++i;
      continue;
    }
    if (i + 1 < blocks.size() && LabelsNextItem(blocks[i], blocks[i + 1])) continue;
    out.push_back(std::move(blocks[i]));
  }
  return out;
}

}  // namespace corresp
