#include "indexer/segment/broken_paragraphs.h"

#include <re2/re2.h>

#include <utility>

#include "indexer/extract/lines.h"
#include "indexer/extract/text_util.h"
#include "indexer/segment/patterns.h"

namespace corresp {
namespace {

// A block that starts a part of its own: "1. ...", "b. ...", "(iv) ...", a bullet.
bool StartsItsOwnBlock(const std::string& text) {
  return ParseItemStart(text).has_value() || StartsWithBullet(text) || StartsLetteredItem(text);
}

// A parenthesis alone, such as the short name a caption defines ("(“MD&A”)", "(the
// “Plan”)", "(Unaudited)"): the end of the line before, never a paragraph of its own. Roman
// numerals ("(iii)") open a list's part.
bool IsParentheticalTail(const std::string& text) {
  static const RE2 tail(R"(^\([^()]{3,40}\)$)");
  static const RE2 roman(R"((?i)^\([ivxl]+\)$)");
  return RE2::FullMatch(text, tail) && !RE2::FullMatch(text, roman);
}

}  // namespace

std::vector<Block> JoinBrokenParagraphs(std::vector<Block> blocks) {
  std::vector<Block> out;
  out.reserve(blocks.size());
  for (Block& b : blocks) {
    if (!out.empty()) {
      Block& prev = out.back();
      bool plain_pair = prev.kind == BlockKind::kParagraph && b.kind == BlockKind::kParagraph &&
                        prev.bold == b.bold && prev.italic == b.italic &&
                        prev.underline == b.underline && !StartsItsOwnBlock(b.text);
      bool emphasized = prev.bold || prev.italic || prev.underline;
      static const RE2 ends_on_to(R"(\sto$)");
      bool broken =
          !EndsSentence(prev.text) && (StartsLower(b.text) || IsParentheticalTail(b.text) ||
                                       (EndsOnDanglingWord(prev.text) &&
                                        !(emphasized && RE2::PartialMatch(prev.text, ends_on_to))));
      if (plain_pair && broken) {
        AppendLine(prev.text, b.text);
        prev.page_continued = prev.page_continued || prev.page != b.page;
        continue;
      }
    }
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace corresp
