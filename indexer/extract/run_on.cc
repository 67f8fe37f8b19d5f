#include "indexer/extract/run_on.h"

#include <cctype>
#include <regex>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

constexpr size_t kLong = 1500;  // a "paragraph" longer than this is a run-on page

// The longest word-aligned prefix shared by at least two long blocks (>= 15 bytes), or "".
std::string RepeatedPrefix(const std::vector<Block>& blocks) {
  std::string best;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].text.size() < kLong) continue;
    for (size_t j = i + 1; j < blocks.size(); ++j) {
      if (blocks[j].text.size() < kLong) continue;
      const std::string& a = blocks[i].text;
      const std::string& b = blocks[j].text;
      size_t n = 0;
      while (n < a.size() && n < b.size() && a[n] == b[n] && n < 200) ++n;
      while (n > 0 && n < a.size() && a[n] != ' ') --n;
      if (n >= 15 && n > best.size()) best = a.substr(0, n);
    }
  }
  return best;
}

}  // namespace

bool LooksRunOn(const std::vector<Block>& blocks) {
  size_t total = 0, in_long = 0;
  for (const Block& b : blocks) {
    total += b.text.size();
    if (b.text.size() >= kLong) in_long += b.text.size();
  }
  return total > 0 && in_long * 10 >= total * 6 && blocks.size() < 40;
}

std::vector<Block> SplitRunOn(std::vector<Block> blocks) {
  if (!LooksRunOn(blocks)) return blocks;
  std::string prefix = RepeatedPrefix(blocks);
  std::string joined;
  std::vector<Block> out;
  auto flush = [&] {
    if (joined.empty()) return;
    static const std::regex cut(
        R"(([.?!:;"”)])\s+(?=(?:[A-Z“"(]|\d{1,2}\.\s))|\s+(?=(?:Response|RESPONSE)\s*:)|\s+(?=\d{1,2}\.\s+[A-Z]))");
    std::string marked = std::regex_replace(joined, cut, "$1\n");
    size_t p = 0;
    while (p <= marked.size()) {
      size_t e = marked.find('\n', p);
      if (e == std::string::npos) e = marked.size();
      std::string piece = CollapseSpace(marked.substr(p, e - p));
      static const std::regex lone_number(R"(^\d{1,2}\.$)");
      static const std::regex abbrev(
          R"((?:^|\s)(?:Mr|Ms|Mrs|Dr|No|Nos|Inc|Jr|Sr|St|Co|Corp|U\.S|e\.g|i\.e|vs)\.$)");
      bool glue = !out.empty() && (std::regex_match(out.back().text, lone_number) ||
                                   std::regex_search(out.back().text, abbrev));
      if (glue && !piece.empty()) {
        out.back().text += " " + piece;  // "1." split from its sentence
      } else if (!piece.empty()) {
        Block b;
        b.text = piece;
        out.push_back(std::move(b));
      }
      p = e + 1;
    }
    joined.clear();
  };
  for (Block& b : blocks) {
    if (b.text.size() < kLong) {
      flush();
      out.push_back(std::move(b));
      continue;
    }
    std::string t = b.text;
    if (!prefix.empty() && StartsWith(t, prefix)) t = t.substr(prefix.size());
    if (!joined.empty()) joined += ' ';
    joined += t;
  }
  flush();
  return out;
}

}  // namespace corresp
