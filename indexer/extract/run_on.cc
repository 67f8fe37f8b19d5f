#include "indexer/extract/run_on.h"

#include <re2/re2.h>

#include <cctype>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// A "paragraph" longer than this is a run-on page: a letter's real paragraphs are rarely
// this long, a scanned page's text layer read as one line is longer.
constexpr size_t kLong = 1500;
// A letter is run-on when such pages hold 60% of its text or more: a real letter with one
// long quoted passage stays well under it.
constexpr size_t kRunOnSharePercent = 60;
// ... and when it has fewer blocks than this: a run-on letter is a page or so per block; a
// long letter with many real paragraphs and a few long ones is not one.
constexpr size_t kMaxRunOnBlocks = 40;
// In a run-on letter, a block this long is a page's text layer too, however much shorter than
// kLong (a last page holding the final comment and the signature): it is split as the long ones
// are. Shorter blocks are the letter's own short paragraphs and stay as they are.
constexpr size_t kRunOnPage = 300;
// The repeated page header of a run-on letter: a shared word-aligned prefix of at least this
// many bytes (shorter is chance: "The Company") and at most kMaxHeaderPrefix.
constexpr size_t kMinHeaderPrefix = 15;
constexpr size_t kMaxHeaderPrefix = 200;

// The longest word-aligned prefix shared by at least two long blocks (>= kMinHeaderPrefix
// bytes), or "".
std::string RepeatedPrefix(const std::vector<Block>& blocks) {
  std::string best;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].text.size() < kLong) continue;
    for (size_t j = i + 1; j < blocks.size(); ++j) {
      if (blocks[j].text.size() < kLong) continue;
      const std::string& a = blocks[i].text;
      const std::string& b = blocks[j].text;
      size_t n = 0;
      while (n < a.size() && n < b.size() && a[n] == b[n] && n < kMaxHeaderPrefix) ++n;
      while (n > 0 && n < a.size() && a[n] != ' ') --n;
      if (n >= kMinHeaderPrefix && n > best.size()) best = a.substr(0, n);
    }
  }
  return best;
}

// True when s ends with a sentence's last mark: . ? ! : ; " ” )
bool EndsWithSentenceMark(std::string_view s) {
  return (!s.empty() && std::string_view(".?!:;\")").find(s.back()) != std::string_view::npos) ||
         EndsWith(s, "”");
}

// True when `re` matches at the start of s.
bool MatchesAtStart(std::string_view s, const RE2& re) {
  return re.Match(s, 0, s.size(), RE2::ANCHOR_START, nullptr, 0);
}

// True when s ends on a capitalized word that a number goes with ("Item", "Note"; in "we note"
// it is a verb), or on that word and its number ("Item 7."): the number after it is the word's,
// not an item's, and the full stop after the number ends no sentence ("Item 7. Management's
// Discussion").
bool EndsOnNumberedWord(std::string_view s) {
  static const RE2 word(
      R"((?:^|\s)(?:Items?|ITEMS?|Notes?|NOTES?|Parts?|PARTS?|Articles?|Rules?|Sections?|Steps?|Questions?|Schedules?|Exhibits?|Forms?)(?:\s+\d{1,3}[A-Z]?\.)?$)");
  return RE2::PartialMatch(s, word);
}

// `text` with a '\n' for each run of spaces where a run-on page breaks into paragraphs: after a
// sentence end before a capital, an opening quote or parenthesis, a bullet or an item number
// ("... costs. 2. We note"); before a response label; before an item number and a capital
// (not one that a word before it owns: "Item 7. Management's Discussion").
std::string MarkParagraphBreaks(const std::string& text) {
  static const RE2 after_sentence_end(R"([A-Z“‘"(•▪◦]|\d{1,2}\.\s)");
  static const RE2 response_label(R"((?:Response|RESPONSE)\s*:)");
  static const RE2 item_start(R"(\d{1,2}\.\s+[A-Z])");
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (!IsReSpace(text[i])) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsReSpace(text[end])) ++end;
    std::string_view next = std::string_view(text).substr(end);
    const std::string_view before = std::string_view(text).substr(0, i);
    bool cut = MatchesAtStart(next, response_label) ||
               (!EndsOnNumberedWord(before) &&
                ((EndsWithSentenceMark(before) && MatchesAtStart(next, after_sentence_end)) ||
                 MatchesAtStart(next, item_start)));
    out.append(cut ? std::string_view("\n") : std::string_view(text).substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace

bool LooksRunOn(const std::vector<Block>& blocks) {
  size_t total = 0, in_long = 0;
  for (const Block& b : blocks) {
    total += b.text.size();
    if (b.text.size() >= kLong) in_long += b.text.size();
  }
  return total > 0 && in_long * 100 >= total * kRunOnSharePercent &&
         blocks.size() < kMaxRunOnBlocks;
}

std::vector<Block> SplitRunOn(std::vector<Block> blocks) {
  if (!LooksRunOn(blocks)) return blocks;
  std::string prefix = RepeatedPrefix(blocks);
  std::string joined;
  std::vector<Block> out;
  auto flush = [&] {
    if (joined.empty()) return;
    std::string marked = MarkParagraphBreaks(joined);
    size_t p = 0;
    while (p <= marked.size()) {
      size_t e = marked.find('\n', p);
      if (e == std::string::npos) e = marked.size();
      std::string piece = CollapseSpace(marked.substr(p, e - p));
      static const RE2 lone_number(R"(\d{1,2}\.)");
      static const RE2 abbrev(
          R"((?:^|\s)(?:Mr|Ms|Mrs|Dr|No|Nos|Inc|Jr|Sr|St|Co|Corp|U\.S|e\.g|i\.e|vs)\.$)");
      bool glue = !out.empty() && (RE2::FullMatch(out.back().text, lone_number) ||
                                   RE2::PartialMatch(out.back().text, abbrev));
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
    if (b.text.size() < kRunOnPage) {
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
