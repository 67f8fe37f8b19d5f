#include "indexer/segment/prior_refs.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "indexer/extract/text_util.h"

namespace corresp {

namespace {

// Comment numbers written as words, longest first so that "seventeen" is not read as "seven".
constexpr std::array<std::pair<std::string_view, int>, 20> kNumberWords{{
    {"seventeen", 17}, {"thirteen", 13}, {"fourteen", 14}, {"eighteen", 18}, {"nineteen", 19},
    {"fifteen", 15},   {"sixteen", 16},  {"eleven", 11},   {"twelve", 12},   {"twenty", 20},
    {"seven", 7},      {"three", 3},     {"eight", 8},     {"four", 4},      {"five", 5},
    {"nine", 9},       {"one", 1},       {"two", 2},       {"six", 6},       {"ten", 10},
}};

#define CORRESP_NUM                                                                            \
  R"((?:\d{1,3}|seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|)" \
  R"(twenty|seven|three|eight|four|five|nine|one|two|six|ten)\b)"
// "comment", "comments no.", "comment number", "comment #".
#define CORRESP_LABEL R"(comments?\s+(?:nos?\.?\s*|numbers?\s+|#\s*)?)"
// "2", "2 and 4", "1, 2 and 5", "2 & 4", "three".
#define CORRESP_LIST "(" CORRESP_NUM R"((?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\s*)" CORRESP_NUM ")*)"

// The cues that make "comment N" a reference back; each captures the list of numbers.
const RE2 (&Cues())[5] {
  static const RE2 cues[5] = {
      // "prior comment 3", "our comment 1", "previous comments 2 and 4"
      RE2(R"((?i)\b(?:prior|previous|our|earlier|original|initial)\s+(?:staff\s+)?)" CORRESP_LABEL
              CORRESP_LIST),
      // "your response to comment 2", "your responses to prior comments 1 and 3"
      RE2(R"((?i)\byour\s+(?:prior\s+|previous\s+)?responses?\s+to\s+(?:our\s+|prior\s+|previous\s+)?)" CORRESP_LABEL
              CORRESP_LIST),
      // "we reissue comment 4", "we have reissued our comment 2"
      RE2(R"((?i)\breissu(?:e|es|ed|ing)\s+(?:our\s+|prior\s+|previous\s+)?)" CORRESP_LABEL
              CORRESP_LIST),
      // "comment 3 of our letter dated ...", "comment 2 in the staff's prior letter"
      RE2(R"((?i)\b)" CORRESP_LABEL CORRESP_LIST
          R"(\s+(?:of|in|from)\s+(?:our|the|the\s+staff's)\s+(?:(?:prior|previous|earlier|comment)\s+)*letter)"),
      // "comment 4 is reissued"
      RE2(R"((?i)\b)" CORRESP_LABEL CORRESP_LIST R"(,?\s+(?:is|are)\s+(?:hereby\s+)?reissued)"),
  };
  return cues;
}

int NumberValue(std::string_view token) {
  std::string lower = AsciiLower(token);
  for (const auto& [word, value] : kNumberWords)
    if (lower == word) return value;
  int n = 0;
  for (char c : lower) n = n * 10 + (c - '0');
  return n;
}

std::vector<int> NumbersOf(const std::string& list) {
  static const RE2 num("(?i)(" CORRESP_NUM ")");
  std::vector<int> out;
  re2::StringPiece input(list);
  std::string token;
  while (RE2::FindAndConsume(&input, num, &token)) out.push_back(NumberValue(token));
  return out;
}

// The letter date named right after the numbers: "of our letter dated May 22, 2024", "in the
// staff's letter of May 1, 2020".
std::optional<Date> DateAfter(std::string_view rest) {
  static const RE2 dated(
      R"((?i)^,?\s*(?:of|in|from)\s+(?:our|the|the\s+staff's|your)\s+(?:\w+\s+){0,3}?letters?\s+(?:dated|of)\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}))");
  std::string date;
  if (!RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), dated, &date))
    return std::nullopt;
  return Date::ParseLong(date);
}

struct Hit {
  size_t at;
  std::vector<int> numbers;
  std::optional<Date> date;
};

#undef CORRESP_LIST
#undef CORRESP_LABEL
#undef CORRESP_NUM

}  // namespace

std::vector<PriorRef> FindPriorRefs(const std::string& text) {
  std::string folded = CollapseSpace(FoldPunctuation(text));
  std::vector<Hit> hits;
  for (const RE2& cue : Cues()) {
    re2::StringPiece input(folded), list;
    while (RE2::FindAndConsume(&input, cue, &list)) {
      size_t at = static_cast<size_t>(list.data() - folded.data());
      std::string_view after(list.data() + list.size(),
                             folded.size() - at - static_cast<size_t>(list.size()));
      hits.push_back({at, NumbersOf(std::string(list.data(), list.size())), DateAfter(after)});
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.at < b.at; });
  std::vector<PriorRef> out;
  for (const Hit& h : hits)
    for (int n : h.numbers) {
      if (n <= 0) continue;
      auto same =
          std::find_if(out.begin(), out.end(), [n](const PriorRef& r) { return r.number == n; });
      if (same == out.end())
        out.push_back({n, h.date});
      else if (!same->letter_date)
        same->letter_date = h.date;
    }
  return out;
}

std::vector<int> PriorRefs(const std::string& text) {
  std::vector<int> out;
  for (const PriorRef& r : FindPriorRefs(text)) out.push_back(r.number);
  return out;
}

}  // namespace corresp
