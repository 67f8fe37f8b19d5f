#include "query/hit_data.h"

#include <cstdint>
#include <string>
#include <vector>

#include "query/snippet.h"

namespace corresp {

namespace {

// Nesting beyond this is handed to nlohmann::json; document data nests three deep.
constexpr int kMaxDepth = 64;
// 18 characters ("-" and 17 digits, or 18 digits) always fit a signed 64-bit integer.
constexpr size_t kMaxIntegerChars = 18;

// A strict JSON reader over a string (RFC 8259, as nlohmann::json accepts it): every method
// returns false on malformed input, and the reader stays failed.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  bool AtEnd() {
    SkipSpace();
    return p_ == s_.size();
  }
  bool Peek(char c) {
    SkipSpace();
    return p_ < s_.size() && s_[p_] == c;
  }
  bool Eat(char c) {
    if (!Peek(c)) return false;
    ++p_;
    return true;
  }

  // A string value into *out (nullptr: checked and skipped).
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    if (out) out->clear();
    while (p_ < s_.size()) {
      size_t run = p_;
      while (p_ < s_.size() && s_[p_] != '"' && s_[p_] != '\\' &&
             static_cast<unsigned char>(s_[p_]) >= 0x20 &&
             static_cast<unsigned char>(s_[p_]) < 0x80)
        ++p_;
      if (out) out->append(s_.data() + run, p_ - run);
      if (p_ == s_.size()) return false;
      unsigned char c = s_[p_];
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (!Escape(out)) return false;
      } else if (!Utf8(out)) {
        return false;
      }
    }
    return false;
  }

  // A number; *integer set when it is one (no fraction or exponent), as nlohmann::json's
  // is_number_integer() says.
  bool Number(std::optional<long long>* integer) {
    SkipSpace();
    size_t start = p_;
    if (p_ < s_.size() && s_[p_] == '-') ++p_;
    if (p_ >= s_.size() || !IsDigit(s_[p_])) return false;
    if (s_[p_] == '0') {
      ++p_;
    } else {
      while (p_ < s_.size() && IsDigit(s_[p_])) ++p_;
    }
    bool whole = true;
    if (p_ < s_.size() && s_[p_] == '.') {
      whole = false;
      if (!Digits()) return false;
    }
    if (p_ < s_.size() && (s_[p_] == 'e' || s_[p_] == 'E')) {
      whole = false;
      if (p_ + 1 < s_.size() && (s_[p_ + 1] == '+' || s_[p_ + 1] == '-')) ++p_;
      if (!Digits()) return false;
    }
    if (integer) {
      *integer = std::nullopt;
      // Longer integers are unsigned or floating point to nlohmann::json: left to it.
      if (whole && p_ - start > kMaxIntegerChars) return false;
      if (whole) *integer = std::stoll(std::string(s_.substr(start, p_ - start)));
    }
    return true;
  }
  bool PeekNumber() {
    SkipSpace();
    return p_ < s_.size() && (s_[p_] == '-' || IsDigit(s_[p_]));
  }

  // Any value, checked and skipped.
  bool Skip(int depth = 0) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (p_ >= s_.size()) return false;
    char c = s_[p_];
    if (c == '"') return String(nullptr);
    if (c == '{') {
      ++p_;
      if (Eat('}')) return true;
      do {
        if (!String(nullptr) || !Eat(':') || !Skip(depth + 1)) return false;
      } while (Eat(','));
      return Eat('}');
    }
    if (c == '[') {
      ++p_;
      if (Eat(']')) return true;
      do {
        if (!Skip(depth + 1)) return false;
      } while (Eat(','));
      return Eat(']');
    }
    if (c == 't') return Word("true");
    if (c == 'f') return Word("false");
    if (c == 'n') return Word("null");
    return Number(nullptr);
  }

  // The members of an object, each key passed to member(key), which must read its value.
  template <typename F>
  bool Object(F&& member) {
    if (!Eat('{')) return false;
    if (Eat('}')) return true;
    std::string key;
    do {
      if (!String(&key) || !Eat(':') || !member(key)) return false;
    } while (Eat(','));
    return Eat('}');
  }

  // The elements of an array, each read by element().
  template <typename F>
  bool Array(F&& element) {
    if (!Eat('[')) return false;
    if (Eat(']')) return true;
    do {
      if (!element()) return false;
    } while (Eat(','));
    return Eat(']');
  }

 private:
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
  void SkipSpace() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\r' || s_[p_] == '\t'))
      ++p_;
  }
  bool Digits() {
    ++p_;
    if (p_ >= s_.size() || !IsDigit(s_[p_])) return false;
    while (p_ < s_.size() && IsDigit(s_[p_])) ++p_;
    return true;
  }
  bool Word(std::string_view w) {
    if (s_.substr(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }
  bool Hex4(uint32_t& v) {
    if (p_ + 4 > s_.size()) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[p_++];
      v <<= 4;
      if (IsDigit(c))
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        return false;
    }
    return true;
  }
  static void Append(std::string* out, uint32_t cp) {
    if (!out) return;
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  // After a backslash: one escape, as RFC 8259 lists them (a \u surrogate must pair).
  bool Escape(std::string* out) {
    ++p_;
    if (p_ >= s_.size()) return false;
    char c = s_[p_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        if (out) *out += c;
        return true;
      case 'b':
        return Append(out, '\b'), true;
      case 'f':
        return Append(out, '\f'), true;
      case 'n':
        return Append(out, '\n'), true;
      case 'r':
        return Append(out, '\r'), true;
      case 't':
        return Append(out, '\t'), true;
      case 'u': {
        uint32_t cp = 0;
        if (!Hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low = 0;
          if (p_ + 2 > s_.size() || s_[p_] != '\\' || s_[p_ + 1] != 'u') return false;
          p_ += 2;
          if (!Hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        Append(out, cp);
        return true;
      }
    }
    return false;
  }
  // One multi-byte UTF-8 character (well-formed, shortest form, no surrogates), copied.
  bool Utf8(std::string* out) {
    unsigned char c = s_[p_];
    int n = 0;
    uint32_t cp = 0, min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (p_ + n >= s_.size()) return false;
    for (int i = 1; i <= n; ++i) {
      unsigned char k = s_[p_ + i];
      if ((k & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (k & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (out) out->append(s_.data() + p_, n + 1);
    p_ += n + 1;
    return true;
  }

  std::string_view s_;
  size_t p_ = 0;
};

// A string member's value: the string, or "" (and the value skipped) when it is another type.
bool StringOrEmpty(Reader& r, std::string& out) {
  if (r.Peek('"')) return r.String(&out);
  out.clear();
  return r.Skip();
}

// An array of strings (other elements skipped); any other value reads as empty.
bool Strings(Reader& r, std::vector<std::string>& out) {
  out.clear();
  if (!r.Peek('[')) return r.Skip();
  return r.Array([&] {
    if (!r.Peek('"')) return r.Skip();
    out.emplace_back();
    return r.String(&out.back());
  });
}

bool Evidence(Reader& r, std::vector<TopicEvidence>& out) {
  out.clear();
  if (!r.Peek('[')) return r.Skip();
  return r.Array([&] {
    if (!r.Peek('{')) return r.Skip();
    TopicEvidence e;
    bool ok = r.Object([&](const std::string& key) {
      if (key == "slug") return StringOrEmpty(r, e.slug);
      if (key == "cues") return Strings(r, e.cues);
      return r.Skip(1);
    });
    out.push_back(std::move(e));
    return ok;
  });
}

bool Paired(Reader& r, std::optional<PairedItem>& out) {
  out.reset();
  if (!r.Peek('{')) return r.Skip();
  std::string id, text;
  bool ok = r.Object([&](const std::string& key) {
    if (key == "id") return StringOrEmpty(r, id);
    if (key == "text") return StringOrEmpty(r, text);
    return r.Skip(1);
  });
  out = PairedItem{id, EscapeSnippetText(text)};
  return ok;
}

}  // namespace

std::optional<HitData> ReadHitData(std::string_view data) {
  Reader r(data);
  HitData d;
  SearchHit& h = d.hit;
  bool ok = r.Object([&](const std::string& key) {
    if (key == "number") {
      h.number.reset();
      if (!r.PeekNumber()) return r.Skip();
      std::optional<long long> n;
      if (!r.Number(&n)) return false;
      if (n) h.number = static_cast<int>(*n);
      return true;
    }
    static const std::pair<const char*, std::string SearchHit::*> kStrings[] = {
        {"id", &SearchHit::id},
        {"type", &SearchHit::type},
        {"accession", &SearchHit::accession},
        {"form", &SearchHit::form},
        {"kind", &SearchHit::kind},
        {"cik", &SearchHit::cik},
        {"company", &SearchHit::company},
        {"date", &SearchHit::date},
        {"letter_date", &SearchHit::letter_date},
        {"url", &SearchHit::url},
        {"thread", &SearchHit::thread}};
    for (const auto& [name, field] : kStrings)
      if (key == name) return StringOrEmpty(r, h.*field);
    if (key == "text") return StringOrEmpty(r, d.text);
    if (key == "comment_text") return StringOrEmpty(r, d.comment_text);
    if (key == "headings") return Strings(r, h.headings);
    if (key == "topics") return Strings(r, h.topics);
    if (key == "standards") return Strings(r, h.standards);
    if (key == "topics_evidence") return Evidence(r, h.topics_evidence);
    if (key == "response") return Paired(r, h.response);
    if (key == "comment") return Paired(r, h.comment);
    return r.Skip(1);
  });
  if (!ok || !r.AtEnd()) return std::nullopt;
  return d;
}

}  // namespace corresp
