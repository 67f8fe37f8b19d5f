#include "indexer/segment/word_overlap.h"

#include <cctype>
#include <map>

#include "indexer/extract/text_util.h"

namespace corresp {

std::vector<std::string> WordTokens(std::string_view text) {
  std::string f = AsciiLower(FoldPunctuation(text));
  std::vector<std::string> out;
  std::string cur;
  for (char c : f) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

double WordOverlap(std::string_view restated, std::string_view staff) {
  std::vector<std::string> mine = WordTokens(restated);
  if (mine.empty()) return 1.0;
  std::map<std::string, int> available;
  for (std::string& t : WordTokens(staff)) ++available[std::move(t)];
  size_t found = 0;
  for (const std::string& t : mine) {
    auto it = available.find(t);
    if (it != available.end() && it->second > 0) {
      --it->second;
      ++found;
    }
  }
  return static_cast<double>(found) / static_cast<double>(mine.size());
}

}  // namespace corresp
