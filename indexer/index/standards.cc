#include "indexer/index/standards.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

namespace corresp {

namespace {

// Well-known pre-codification standard <-> ASC topic pairs (FASB Codification cross-reference).
const std::vector<std::pair<std::string_view, std::string_view>>& CodificationMap() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kMap = {
      {"sfas2", "asc730"},        {"sfas5", "asc450"},        {"sfas13", "asc840"},
      {"sfas19", "asc932"},       {"sfas34", "asc835-20"},    {"sfas52", "asc830"},
      {"sfas60", "asc944"},       {"sfas65", "asc948"},       {"sfas66", "asc360-20"},
      {"sfas71", "asc980"},       {"sfas86", "asc985-20"},    {"sfas87", "asc715"},
      {"sfas91", "asc310-20"},    {"sfas95", "asc230"},       {"sfas97", "asc944"},
      {"sfas106", "asc715"},      {"sfas107", "asc825"},      {"sfas109", "asc740"},
      {"sfas114", "asc310-10"},   {"sfas115", "asc320"},      {"sfas123r", "asc718"},
      {"sfas123", "asc718"},      {"sfas128", "asc260"},      {"sfas131", "asc280"},
      {"sfas133", "asc815"},      {"sfas140", "asc860"},      {"sfas141", "asc805"},
      {"sfas141r", "asc805"},     {"sfas142", "asc350"},      {"sfas143", "asc410"},
      {"sfas144", "asc360"},      {"sfas146", "asc420"},      {"sfas150", "asc480"},
      {"sfas154", "asc250"},      {"sfas157", "asc820"},      {"sfas158", "asc715"},
      {"sfas159", "asc825"},      {"sfas160", "asc810"},      {"sfas165", "asc855"},
      {"sfas166", "asc860"},      {"sfas167", "asc810"},      {"sfas168", "asc105"},
      {"fin45", "asc460"},        {"fin46r", "asc810"},       {"fin46", "asc810"},
      {"fin48", "asc740"},        {"apb25", "asc718"},        {"apb30", "asc225-20"},
      {"eitf01-9", "asc605-50"},  {"sop01-6", "asc310-10"},   {"sop03-3", "asc310-30"},
      {"sop97-2", "asc985-605"},  {"sop98-1", "asc350-40"},   {"sop94-6", "asc275"},
      {"sop90-7", "asc852"},      {"eitf00-19", "asc815-40"}, {"eitf00-21", "asc605-25"},
      {"eitf99-19", "asc605-45"}, {"sab104", "asc605"},       {"sabtopic13", "asc605"},
      {"asu2014-09", "asc606"},   {"asu2016-02", "asc842"},   {"asu2016-13", "asc326"},
      {"asu2017-12", "asc815"},
  };
  return kMap;
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Lower-cased tokens of [a-z0-9-] without leading or trailing hyphens ("S-K" stays "s-k",
// "01-6" stays "01-6", "815-10-50" too), as views into `buffer`, which holds them: one
// allocation for the whole text rather than one per word.
std::vector<std::string_view> Tokenize(std::string_view text, std::string& buffer) {
  buffer.assign(text.size(), ' ');
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    if (lower || digit || c == '-') buffer[i] = c;
    if (upper) buffer[i] = static_cast<char>(c - 'A' + 'a');
  }
  std::vector<std::string_view> tokens;
  std::string_view all = buffer;
  size_t i = 0;
  while (i < all.size()) {
    while (i < all.size() && (all[i] == ' ' || all[i] == '-')) ++i;  // no leading hyphen
    size_t b = i;
    while (i < all.size() && all[i] != ' ') ++i;
    std::string_view token = all.substr(b, i - b);
    while (!token.empty() && token.back() == '-') token.remove_suffix(1);
    if (!token.empty()) tokens.push_back(token);
  }
  return tokens;
}

bool IsNumber(std::string_view t) { return !t.empty() && IsDigit(t[0]); }
// "01-6", "00-19", "3-05": digits, one hyphen, digits.
bool IsDashedNumber(std::string_view t) {
  auto dash = t.find('-');
  return IsNumber(t) && dash != std::string::npos && dash + 1 < t.size() && IsDigit(t[dash + 1]);
}
// Leading "digits(-digits)*" with an optional trailing letter suffix kept ("141r", "123r").
std::string NumberPart(std::string_view t) {
  std::string out;
  for (char c : t) {
    if (IsDigit(c) || c == '-' || (std::isalpha(static_cast<unsigned char>(c)) && !out.empty()))
      out += c;
    else
      break;
  }
  return out;
}

class Scanner {
 public:
  explicit Scanner(std::vector<std::string_view> tokens) : t_(std::move(tokens)) {}

  std::map<std::string, int> Run() {
    for (i_ = 0; i_ < t_.size(); ++i_) Step();
    return hits_;
  }

 private:
  std::string_view At(size_t k) const { return k < t_.size() ? t_[k] : std::string_view(); }
  bool Seq(size_t k, std::initializer_list<std::string_view> words) const {
    for (auto w : words)
      if (At(k++) != w) return false;
    return true;
  }
  // Index of the number after an optional "no"/"number"/"issue" at k.
  size_t SkipNo(size_t k) const {
    while (At(k) == "no" || At(k) == "number" || At(k) == "issue" || At(k) == "opinion") ++k;
    return k;
  }
  void Add(std::string key) { ++hits_[std::move(key)]; }

  void Step() {
    std::string_view w = At(i_);
    // Every citation opens with one of the words below; most words open none (a fast path:
    // the tagger scans every item and heading).
    if (w.empty() || std::string_view("sfeairt").find(w[0]) == std::string_view::npos) return;
    if (w == "sfas" || w == "fas") return Numbered(i_ + 1, "sfas", false);
    if (w == "statement" && Seq(i_ + 1, {"of", "financial", "accounting", "standards"}))
      return Numbered(i_ + 5, "sfas", false);
    if (w == "statement" && Seq(i_ + 1, {"of", "position"})) return Numbered(i_ + 3, "sop", true);
    if (w == "statement") return SmallStatement();
    if (w == "sop") return Numbered(i_ + 1, "sop", true);
    if (w == "eitf") return Numbered(i_ + 1, "eitf", true);
    if (w == "asu") return Numbered(i_ + 1, "asu", true);
    if (w == "ias" || w == "ifrs" || w == "apb" || w == "fin") return Numbered(i_ + 1, w, false);
    if (w == "fasb" && At(i_ + 1) == "interpretation") return Numbered(i_ + 2, "fin", false);
    if (w == "sab" || (w == "staff" && Seq(i_ + 1, {"accounting", "bulletin"}))) return Sab();
    if (w == "asc" || (w == "accounting" && Seq(i_ + 1, {"standards", "codification"})))
      return Asc(w == "asc" ? i_ + 1 : i_ + 3);
    if ((w == "topic" || w == "subtopic") && !CitedBefore()) return BareAsc(i_ + 1);
    if (w == "item" && IsNumber(At(i_ + 1))) return RegItem("s-k", "regsk");
    if ((w == "rule" && IsDashedNumber(At(i_ + 1))) || (w == "article" && IsNumber(At(i_ + 1))))
      return RegItem("s-x", "regsx");
    if (w == "regulation" && At(i_ + 1) == "s-k" && At(i_ + 2) == "item" && IsNumber(At(i_ + 3)))
      Add("regsk" + NumberPart(At(i_ + 3)));
    if (w == "regulation" && At(i_ + 1) == "s-x" && At(i_ + 2) == "rule" &&
        IsDashedNumber(At(i_ + 3)))
      Add("regsx" + NumberPart(At(i_ + 3)));
  }

  void Numbered(size_t k, std::string_view name, bool dashed) {
    k = SkipNo(k);
    std::string_view n = At(k);
    if (dashed ? IsDashedNumber(n) : IsNumber(n)) Add(std::string(name) + NumberPart(n));
  }
  // "Statement 133", "Statement No. 133", "FASB Statement 133": numbers up to 170 only, so
  // "statement 2007" (a year) is not a standard.
  void SmallStatement() {
    size_t k = SkipNo(i_ + 1);
    const std::string n = NumberPart(At(k));
    if (n.empty() || n.find('-') != std::string::npos) return;
    int value = std::atoi(n.c_str());
    if (value >= 1 && value <= 170) Add("sfas" + n);
  }
  void Sab() {
    size_t k = At(i_) == "sab" ? i_ + 1 : i_ + 3;
    if (At(k) == "topic" && IsNumber(At(k + 1))) return Add("sabtopic" + NumberPart(At(k + 1)));
    Numbered(k, "sab", false);
  }
  // Whether the word before names the standard a "Topic" belongs to: "ASC Topic 606" (the ASC
  // branch counts it), "SAB Topic 13", "Staff Accounting Bulletin Topic 5".
  bool CitedBefore() const {
    if (i_ == 0) return false;
    std::string_view b = At(i_ - 1);
    return b == "asc" || b == "codification" || b == "sab" || b == "bulletin";
  }
  // "Topic 805", "Subtopic 605-50" on their own are the Codification's: a topic has three digits
  // from 105 ("Topic 5" is a SAB topic or a heading number).
  void BareAsc(size_t k) {
    std::string n = NumberPart(At(k));
    std::string topic = n.substr(0, n.find('-'));
    if (topic.size() != 3 || std::atoi(topic.c_str()) < 105) return;
    Asc(k);
  }
  void Asc(size_t k) {
    if (At(k) == "topic" || At(k) == "subtopic" || At(k) == "section" || At(k) == "paragraph" ||
        At(k) == "paragraphs")
      ++k;
    std::string n = NumberPart(At(k));
    if (n.size() < 3 || !IsDigit(n[0])) return;
    std::string topic = n.substr(0, n.find('-'));
    Add("asc" + topic);
    auto second = n.find('-');
    if (second != std::string::npos) {
      auto third = n.find('-', second + 1);
      Add("asc" + n.substr(0, third));
    }
  }
  // "Item 303 of Regulation S-K", "Item 303(a)(3) of Regulation S-K", "Rule 3-05 of S-X",
  // "Article 4-08(h)(1) of Regulation S-X". An S-X rule's lettered paragraph is a key of its
  // own beside the rule's ("regsx4-08" and "regsx4-08h": Rule 4-08 holds the general notes,
  // (e) restrictions on dividends, (h) income tax expense).
  void RegItem(std::string_view reg, const std::string& name) {
    std::string n = NumberPart(At(i_ + 1));
    std::string_view paragraph = At(i_ + 2);
    for (size_t k = i_ + 2; k < i_ + 9 && k < t_.size(); ++k) {
      if (At(k) == reg) {
        Add(name + n);
        if (reg == "s-x" && paragraph.size() == 1 && paragraph[0] >= 'a' && paragraph[0] <= 'z')
          Add(name + n + std::string(paragraph));
        return;
      }
      // "of the Form 10-K" names another document; "Item ..." after a rule (or a rule after an
      // item) another regulation. A list of the same kind shares its regulation: "Rule 3-05 and
      // Article 11 of Regulation S-X".
      if (At(k) == "of" && At(k + 1) != "regulation" && At(k + 1) != reg) return;
      bool item = At(k) == "item", rule = At(k) == "rule" || At(k) == "article";
      if ((reg == "s-x" && item) || (reg == "s-k" && rule)) return;
    }
  }

  std::vector<std::string_view> t_;
  size_t i_ = 0;
  std::map<std::string, int> hits_;
};

}  // namespace

std::vector<std::string> MappedStandards(std::string_view key) {
  std::vector<std::string> out;
  for (const auto& [pre, asc] : CodificationMap()) {
    if (pre == key) out.emplace_back(asc);
    if (asc == key) out.emplace_back(pre);
  }
  // An ASC subtopic ("asc310-10") also belongs to its topic ("asc310").
  if (key.rfind("asc", 0) == 0 && key.find('-') != std::string_view::npos)
    out.emplace_back(key.substr(0, key.find('-')));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<StandardHit> FindStandards(std::string_view text) {
  std::string buffer;
  std::map<std::string, int> cited = Scanner(Tokenize(text, buffer)).Run();
  std::map<std::string, StandardHit> all;
  for (const auto& [key, count] : cited) all[key] = StandardHit{key, count, true};
  for (const auto& [key, count] : cited) {
    for (std::string& mapped : MappedStandards(key)) {
      if (!all.count(mapped)) all[mapped] = StandardHit{mapped, 0, false};
      // An ASC subtopic's topic maps on, too ("sop01-6" -> "asc310-10" -> "asc310").
      for (std::string& topic : MappedStandards(mapped))
        if (topic.rfind("asc", 0) == 0 && !all.count(topic)) all[topic] = {topic, 0, false};
    }
  }
  std::vector<StandardHit> out;
  for (auto& [key, hit] : all) out.push_back(std::move(hit));
  return out;
}

std::string StandardLabel(std::string_view key) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kNames = {
      {"regsk", "Regulation S-K Item "},
      {"regsx", "Regulation S-X Rule "},
      {"sabtopic", "SAB Topic "},
      {"sfas", "SFAS "},
      {"asc", "ASC "},
      {"sop", "SOP "},
      {"eitf", "EITF "},
      {"sab", "SAB "},
      {"ifrs", "IFRS "},
      {"ias", "IAS "},
      {"apb", "APB "},
      {"fin", "FIN "},
      {"asu", "ASU "}};
  for (const auto& [prefix, label] : kNames) {
    if (key.rfind(prefix, 0) == 0) {
      std::string out(label);
      std::string_view number = key.substr(prefix.size());
      // An S-X rule's paragraph: "regsx4-08h" -> "Rule 4-08(h)".
      if (prefix == "regsx" && number.size() > 1 &&
          std::islower(static_cast<unsigned char>(number.back())) &&
          IsDigit(number[number.size() - 2]))
        return out + std::string(number.substr(0, number.size() - 1)) + "(" + number.back() + ")";
      for (char c : number) out += static_cast<char>(std::toupper(c));
      return out;
    }
  }
  return std::string(key);
}

}  // namespace corresp
