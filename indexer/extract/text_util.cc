#include "indexer/extract/text_util.h"

#include <re2/re2.h>

#include <cctype>
#include <cstdint>
#include <cstring>

namespace corresp {
namespace {

// Length of the space-like UTF-8 sequence at s[i], or 0.
size_t SpaceLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;  // en/em/thin spaces, zwsp, nnbsp
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return 3;  // BOM / zero-width no-break space
  return 0;
}

// False for a byte that cannot start a sequence SpaceLen counts (most bytes of text).
bool MayStartSpace(char ch) {
  unsigned char c = static_cast<unsigned char>(ch);
  return c <= ' ' || c == 0xC2 || c == 0xE2 || c == 0xEF;
}

// What FoldPunctuation writes for the UTF-8 sequence E2 80 d, or 0 to keep it.
char FoldedPunctuation(unsigned char d) {
  if (d == 0x98 || d == 0x99 || d == 0x9B) return '\'';
  if (d == 0x9C || d == 0x9D || d == 0x9F) return '"';
  if (d >= 0x90 && d <= 0x95) return '-';
  return 0;
}

}  // namespace

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLen(s, i);
    if (n) {
      pending = true;
      i += n;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    size_t run = i + 1;  // the bytes up to the next one that may start a space, copied whole
    while (run < s.size() && !MayStartSpace(s[run])) ++run;
    out.append(s.data() + i, run - i);
    i = run;
  }
  return out;
}

std::string FoldPunctuation(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // Copies the runs between E2 lead bytes whole; most text has none.
  for (size_t i = 0; i < s.size();) {
    const void* hit = std::memchr(s.data() + i, 0xE2, s.size() - i);
    size_t j = hit ? static_cast<size_t>(static_cast<const char*>(hit) - s.data()) : s.size();
    out.append(s.data() + i, j - i);
    if (j == s.size()) break;
    char folded = j + 2 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0x80
                      ? FoldedPunctuation(static_cast<unsigned char>(s[j + 2]))
                      : 0;
    out.push_back(folded ? folded : s[j]);
    i = j + (folded ? 3 : 1);
  }
  return out;
}

std::string OriginalSuffix(const std::string& orig, size_t folded_offset) {
  size_t i = 0, f = 0;
  while (i < orig.size() && f < folded_offset) {
    unsigned char c = static_cast<unsigned char>(orig[i]);
    if (c == 0xE2 && i + 2 < orig.size() && static_cast<unsigned char>(orig[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(orig[i + 2]);
      if (d == 0x98 || d == 0x99 || d == 0x9B || d == 0x9C || d == 0x9D || d == 0x9F ||
          (d >= 0x90 && d <= 0x95)) {
        i += 3;
        ++f;
        continue;
      }
    }
    ++i;
    ++f;
  }
  return orig.substr(i);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool EndsSentence(std::string_view t) {
  // A confidential-treatment redaction after the sentence ("... Regulation S-K. [***]").
  while (t.size() >= 3 && t.back() == ']') {
    size_t open = t.rfind('[');
    if (open == std::string_view::npos ||
        t.substr(open + 1, t.size() - open - 2).find_first_not_of('*') != std::string_view::npos ||
        open + 2 >= t.size())
      break;
    t = t.substr(0, open);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  }
  if (t.empty()) return true;
  char c = t.back();
  if (c == '"' || c == ')') c = t.size() > 1 ? t[t.size() - 2] : c;
  if (EndsWith(t, "\u201D") && t.size() > 3) c = t[t.size() - 4];
  return c == '.' || c == ':' || c == '?' || c == '!' || c == ';';
}

bool MostlyDigits(std::string_view t) {
  size_t digits = 0, letters = 0;
  for (char c : t) {
    digits += std::isdigit(static_cast<unsigned char>(c)) != 0;
    letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
  }
  return letters < 3 || digits * 10 > (digits + letters) * 4;
}

bool NamesContactDetails(std::string_view t) {
  static const RE2 contact(
      R"((?i)\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b|\bwww\.|https?://|\b[\w.]+@[\w-]+\.(?:com|org|net|gov)\b)");
  return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), contact);
}

void AppendLine(std::string& text, std::string_view line) {
  bool hyphenated = text.size() > 1 && text.back() == '-' &&
                    std::isalnum(static_cast<unsigned char>(text[text.size() - 2]));
  if (!hyphenated && !text.empty()) text += ' ';
  text += line;
}

bool StartsLower(std::string_view t) {
  // Past an opening quote or bracket: '"same-property" and whether ...' goes on too.
  for (std::string_view open : {"\u201C", "\u2018", "\"", "'", "("})
    if (StartsWith(t, open)) {
      t.remove_prefix(open.size());
      break;
    }
  return !t.empty() && std::islower(static_cast<unsigned char>(t[0]));
}

bool StartsWithBullet(std::string_view t) {
  static constexpr std::string_view kBullets[] = {
      "•", "·", "▪", "◦", "\xEF\x82\xB7", "\xEF\x82\xA7", "\xEF\x82\xA8", "o ", "- ", "– "};
  for (std::string_view b : kBullets)
    if (StartsWith(t, b)) return true;
  return t.size() > 2 && t[0] == '*' && t[1] == ' ' &&
         std::isalnum(static_cast<unsigned char>(t[2]));
}

bool StartsLetteredItem(std::string_view t) {
  static const RE2 lettered(R"(^\(?(?:[a-z]|[ivx]{1,4})[.)]\s)");
  return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), lettered);
}

bool StartsLetteredCaption(std::string_view t) {
  static const RE2 lettered(R"(^[a-h][.)]\s+[A-Z])");
  return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), lettered);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool IStartsWith(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (LowerAscii(s[i]) != LowerAscii(p[i])) return false;
  return true;
}
bool IContains(std::string_view s, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (IStartsWith(s.substr(i), needle)) return true;
  return false;
}

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time: most text is ASCII.
    if (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    if (n >= 2 && c < 0xC2) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::string_view TruncateUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::string FirstWords(std::string_view s, int n) {
  std::string out;
  int words = 0;
  size_t i = 0;
  while (i < s.size() && words < n) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) {
      if (!out.empty()) out.push_back(' ');
      out.append(s.substr(i, j - i));
      ++words;
    }
    i = j;
  }
  return out;
}

std::optional<std::string> CapBlockText(std::vector<Block>& blocks) {
  std::size_t total = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    total += blocks[i].text.size();
    if (total > kMaxLetterTextBytes) {
      blocks.resize(i);
      return "letter text cut at " + std::to_string(kMaxLetterTextBytes) + " bytes";
    }
  }
  return std::nullopt;
}

bool IsLongDate(std::string_view t) {
  static const RE2 date{std::string(kLongDatePattern)};
  return RE2::FullMatch(t, date);
}

}  // namespace corresp
