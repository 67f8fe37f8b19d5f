#include "indexer/index/topics.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/ascii_words.h"

namespace corresp {

namespace {

constexpr size_t kNoTopic = static_cast<size_t>(-1);  // a neutral phrase
// A request to file or furnish a document is itself the subject of this topic; the documents
// it names (a credit agreement, an indenture) are not.
constexpr std::string_view kFilingTopic = "exhibits-filing-mechanics";

struct CompiledCue {
  size_t topic = kNoTopic;
  int weight = kNeutralPhrase;
  // Per word: a prefix (the cue word ended in '*'), matched against the word as written, or
  // the stem of a whole word, matched against the stem of the text's word.
  std::vector<std::string> words;
  std::vector<bool> prefix;
};

// The key a cue or a text word is looked up by: the first four letters of the prefix or stem.
std::string_view Key(std::string_view word) { return word.substr(0, 4); }

struct KeyHash {
  using is_transparent = void;  // looked up by string_view: no string per text word
  size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

// A text word with its stem (TopicStem), computed once.
struct Token {
  const std::string* word;
  std::string stem;
};

bool WordMatches(const CompiledCue& cue, size_t k, const Token& t) {
  const std::string& p = cue.words[k];
  if (cue.prefix[k]) return t.word->compare(0, p.size(), p) == 0;
  return p == t.stem;
}

// Cues and neutral phrases indexed by the first four letters of their first word (prefix or
// stem).
class CueIndex {
 public:
  CueIndex() {
    const auto& topics = TopicTaxonomy();
    for (size_t t = 0; t < topics.size(); ++t)
      for (const TopicCue& cue : topics[t].cues) Add(t, cue.weight, cue.phrase);
    for (const std::string& phrase : NeutralPhrases()) Add(kNoTopic, kNeutralPhrase, phrase);
  }
  // The cues whose first word may match `t`: those keyed by its word or by its stem.
  void Find(const Token& t, std::vector<const CompiledCue*>& out) const {
    out.clear();
    std::string_view word_key = Key(*t.word), stem_key = Key(t.stem);
    Append(word_key, out);
    if (stem_key != word_key) Append(stem_key, out);
  }

 private:
  void Append(std::string_view key, std::vector<const CompiledCue*>& out) const {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return;
    for (const CompiledCue& c : it->second) out.push_back(&c);
  }
  void Add(size_t topic, int weight, const std::string& phrase) {
    CompiledCue c{topic, weight, {}, {}};
    std::stringstream in(phrase);
    std::string w;
    while (in >> w) {
      bool prefix = w.back() == '*';
      if (prefix) w.pop_back();
      c.words.push_back(prefix ? w : TopicStem(w));
      c.prefix.push_back(prefix);
    }
    if (!c.words.empty()) by_key_[std::string(Key(c.words[0]))].push_back(std::move(c));
  }
  std::unordered_map<std::string, std::vector<CompiledCue>, KeyHash, std::equal_to<>> by_key_;
};

const CueIndex& Cues() {
  static const CueIndex kIndex;
  return kIndex;
}

// A text as words, each with the sentence it belongs to.
enum class Sentence {
  kContext,        // sets the scene: "We note ...", "You disclose ..."
  kRequest,        // asks the company to explain or change something: the subject
  kFilingRequest,  // asks to file or furnish a document: the documents named are not the subject
};

struct Words {
  std::vector<std::string> words;
  std::vector<size_t> sentence;     // per word
  std::vector<bool> clause_start;   // per word: first of its sentence or after a comma
  std::vector<Sentence> sentences;  // per sentence
};

// A line break inside a sentence: the line before stops mid-sentence (on a letter, digit or
// comma) and the next one goes on with it (a lowercase word, a number, "&"): "Question 100.03
// from the Compliance\n\n& Disclosure Interpretations", "Article\n\n4-08(h)(1)".
bool WrapsSentence(std::string_view text, size_t i) {
  size_t b = i;
  while (b > 0 && std::isspace(static_cast<unsigned char>(text[b - 1]))) --b;
  size_t a = i;
  while (a < text.size() && std::isspace(static_cast<unsigned char>(text[a]))) ++a;
  if (b == 0 || a == text.size()) return false;
  unsigned char before = static_cast<unsigned char>(text[b - 1]);
  unsigned char after = static_cast<unsigned char>(text[a]);
  return (std::isalnum(before) || before == ',') &&
         (std::islower(after) || std::isdigit(after) || after == '&');
}

bool EndsSentence(std::string_view text, size_t i) {
  char c = text[i];
  if (c == '\n') return !WrapsSentence(text, i);
  if (c == '?' || c == '!' || c == ';' || c == ':') return true;
  if (c != '.') return false;
  // A full stop is followed by a space or the end: "$2.47", "N.A.," and "Topic 606." inside a
  // quotation are not sentence ends.
  return i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]));
}

// Words that open an imperative request in staff comments ("Revise ...", "Tell us ...").
const std::set<std::string>& RequestVerbs() {
  static const std::set<std::string> kVerbs = {
      "add",       "address",        "advise",    "amend",     "analyze",
      "balance",   "clarify",        "confirm",   "consider",  "define",
      "delete",    "demonstrate",    "elaborate", "justify",   "describe",
      "disclose",  "discuss",        "ensure",    "expand",    "explain",
      "file",      "furnish",        "identify",  "include",   "label",
      "present",   "provide",        "quantify",  "reconcile", "remove",
      "revise",    "separately",     "show",      "specify",   "state",
      "summarize", "supplementally", "tell",      "update"};
  return kVerbs;
}

// Words by which a request refers back to what the sentence before it set out.
const std::set<std::string>& ReferBackWords() {
  static const std::set<std::string> kWords = {"these", "such", "those"};
  return kWords;
}

// Words that may precede the verb of a request: list markers and connectives.
const std::set<std::string>& RequestLeadIns() {
  static const std::set<std::string> kLeadIns = {
      "a",       "b",           "c",    "d",       "e",          "i",        "ii",
      "iii",     "iv",          "v",    "1",       "2",          "3",        "4",
      "5",       "also",        "and",  "further", "in",         "addition", "additionally",
      "finally", "accordingly", "then", "as",      "appropriate"};
  return kLeadIns;
}

// The verb of a request: the word after "please", "tell"/"show" of "tell us", or an
// imperative verb opening a clause (after the lead-ins: "In addition, disclose ...", "As a
// China-based issuer, disclose ..."); "" when the sentence asks for nothing.
std::string RequestVerb(const std::vector<std::string>& words, const std::vector<bool>& clause,
                        size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (words[i] == "please") return i + 1 < end ? words[i + 1] : "please";
    if (i + 1 < end && (words[i] == "tell" || words[i] == "show") && words[i + 1] == "us")
      return words[i];
  }
  for (size_t i = begin; i < end; ++i) {
    if (!clause[i]) continue;
    size_t k = i;
    while (k < end && RequestLeadIns().count(words[k])) ++k;
    if (k < end && RequestVerbs().count(words[k])) return words[k];
  }
  return "";
}

Sentence Classify(const std::vector<std::string>& words, const std::vector<bool>& clause,
                  size_t begin, size_t end) {
  std::string verb = RequestVerb(words, clause, begin, end);
  // "Please note that ...", "Please refer to your disclosure on page 22 ...": a pointer to
  // where the subject is, not a request about it (a citation in it still counts).
  if (verb.empty() || verb == "note" || verb == "refer") return Sentence::kContext;
  if (verb == "file" || verb == "furnish") return Sentence::kFilingRequest;
  for (size_t i = begin; i < end; ++i)
    if (words[i] == "exhibit" || words[i] == "exhibits") return Sentence::kFilingRequest;
  return Sentence::kRequest;
}

Words SplitWords(std::string_view text) {
  Words out;
  std::string cur;
  size_t sentence = 0, sentence_begin = 0;
  bool after_comma = false;
  auto flush = [&] {
    if (cur.empty()) return;
    out.clause_start.push_back(out.words.size() == sentence_begin || after_comma);
    after_comma = false;
    out.words.push_back(std::move(cur));
    out.sentence.push_back(sentence);
    cur.clear();
  };
  auto close_sentence = [&] {
    flush();
    if (out.words.size() == sentence_begin) return;  // empty sentence
    out.sentences.push_back(
        Classify(out.words, out.clause_start, sentence_begin, out.words.size()));
    sentence_begin = out.words.size();
    ++sentence;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur += c;
    } else if (c >= 'A' && c <= 'Z') {
      cur += static_cast<char>(c - 'A' + 'a');
    } else if (EndsSentence(text, i)) {
      close_sentence();
    } else {
      flush();
      if (text[i] == ',') after_comma = true;
    }
  }
  close_sentence();
  return out;
}

struct Match {
  const CompiledCue* cue = nullptr;
  size_t start = 0;
};

// Cue matches, left to right; at each word the longest matching phrase wins and its words are
// consumed, so "before income taxes" (neutral) hides "income tax*" and "liquidity measure"
// (non-GAAP) hides "liquidity". Phrases of equal length from several topics all match.
std::vector<Match> FindCues(const std::vector<std::string>& words) {
  std::vector<Token> tokens;
  tokens.reserve(words.size());
  for (const std::string& w : words) tokens.push_back(Token{&w, TopicStem(w)});
  std::vector<Match> out;
  std::vector<const CompiledCue*> candidates, at;
  size_t i = 0;
  while (i < tokens.size()) {
    Cues().Find(tokens[i], candidates);
    size_t best = 0;
    at.clear();
    for (const CompiledCue* cue : candidates) {
      size_t n = cue->words.size();
      if (i + n > tokens.size() || n < best) continue;
      bool ok = true;
      for (size_t k = 0; k < n && ok; ++k) ok = WordMatches(*cue, k, tokens[i + k]);
      if (!ok) continue;
      if (n > best) at.clear();
      best = n;
      at.push_back(cue);
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (const CompiledCue* cue : at)
      if (cue->topic != kNoTopic) out.push_back(Match{cue, i});
    i += best;
  }
  return out;
}

std::string Phrase(const std::vector<std::string>& words, size_t start, size_t n) {
  std::string out;
  for (size_t k = 0; k < n; ++k) out += (k ? " " : "") + words[start + k];
  return out;
}

// Per sentence: a scene-setting sentence whose subject the next sentence asks about by
// referring back to it ("We note you exclude restructuring costs ... . Please explain why
// these are not normal, recurring ... expenses."): its cues count as asked about.
std::vector<bool> ReferredBack(const Words& w) {
  std::vector<bool> out(w.sentences.size(), false);
  for (size_t k = 0; k < w.words.size(); ++k) {
    size_t s = w.sentence[k];
    if (s == 0 || w.sentences[s] != Sentence::kRequest || w.sentences[s - 1] != Sentence::kContext)
      continue;
    if (ReferBackWords().count(w.words[k])) out[s - 1] = true;
  }
  return out;
}

// One topic's evidence in one item.
struct Tally {
  int score = 0;
  int strong = 0;           // strong cues + direct citations: what a response's own text needs
  bool anchor = false;      // the text alone can carry the topic
  int request_support = 0;  // supporting cues in requests
  // A strong cue in a request (not one referred back to) or a citation: a request names it.
  bool request_strong = false;
  // A heading within kFallbackHeadingLevels names it: the comment sits in the topic's own
  // section, so the topic is no mention in passing however much more the text says of another.
  bool section_named = false;
  std::set<size_t> strong_sentences;  // sentences with a strong cue (filing requests aside)
  std::vector<std::string> cues;

  void Cite(const std::string& cue) {
    if (std::find(cues.begin(), cues.end(), cue) == cues.end()) cues.push_back(cue);
  }
};

bool Implies(const Topic& topic, const std::string& key) {
  return std::find(topic.standards.begin(), topic.standards.end(), key) != topic.standards.end();
}

// The evidence of one text (an item's own words or a restated comment): per topic, and
// whether the text asks anything at all.
struct TextEvidence {
  std::vector<Tally> tally;  // per topic of the taxonomy
  bool asks = false;         // a request or filing request among its sentences
};

TextEvidence TallyText(std::string_view text, const std::string& prefix) {
  const auto& topics = TopicTaxonomy();
  TextEvidence evidence;
  std::vector<Tally>& tally = evidence.tally;
  tally.resize(topics.size());
  Words w = SplitWords(text);
  evidence.asks = std::any_of(w.sentences.begin(), w.sentences.end(), [](Sentence kind) {
    return kind == Sentence::kRequest || kind == Sentence::kFilingRequest;
  });
  std::vector<bool> referred = ReferredBack(w);
  for (const Match& m : FindCues(w.words)) {
    Tally& t = tally[m.cue->topic];
    Sentence kind = w.sentences[w.sentence[m.start]];
    bool request = kind == Sentence::kRequest || referred[w.sentence[m.start]] ||
                   (kind == Sentence::kFilingRequest && topics[m.cue->topic].slug == kFilingTopic);
    if (m.cue->weight >= kStrongCue) {
      t.score += request ? kRequestCueScore : kStrongCue;
      t.strong += kStrongCue;
      t.anchor = t.anchor || request;
      t.request_strong = t.request_strong || (request && !referred[w.sentence[m.start]]);
      if (kind != Sentence::kFilingRequest) t.strong_sentences.insert(w.sentence[m.start]);
    } else {
      t.score += kSupportingCue;
      if (kind == Sentence::kRequest) ++t.request_support;
    }
    t.Cite(prefix + Phrase(w.words, m.start, m.cue->words.size()));
  }
  for (const StandardHit& hit : FindStandards(text)) {
    for (size_t i = 0; i < topics.size(); ++i) {
      if (!Implies(topics[i], hit.key)) continue;
      Tally& t = tally[i];
      if (hit.direct) {
        t.score += kCitationScore * hit.count;
        t.strong += kCitationScore * hit.count;
        t.anchor = true;
        t.request_strong = true;
      } else {
        t.score += kMappedCitationScore;
      }
      t.Cite(prefix + StandardLabel(hit.key));
    }
  }
  // Repetition anchors too: strong cues in two sentences (a letter or an answer asks nothing;
  // a comment may set out its subject in "We note ..." sentences and then ask "Please
  // clarify.").
  for (Tally& t : tally) t.anchor = t.anchor || t.strong_sentences.size() >= 2;
  return evidence;
}

// The topics the headings name (by a strong cue or a direct citation): per topic, the words of
// the first heading naming it ("" when none does) and the depth of the innermost one (-1);
// and the topics a heading touches by a strong cue or a supporting phrase of
// kMinTouchingWords words or more ("Results of Operations", "Management's Discussion and
// Analysis"): the words of the first such heading ("" when none).
struct HeadingNames {
  std::vector<std::string> phrase;
  std::vector<int> depth;
  std::vector<std::string> touched;
  // Per topic, the words and depth of the innermost heading touching it by a supporting
  // phrase ("", -1 when none; never a place topic's): the section a comment sits in.
  std::vector<std::string> section;
  std::vector<int> section_depth;
};

bool IsPlaceTopic(const std::string& slug) {
  const auto& places = PlaceTopics();
  return std::find(places.begin(), places.end(), slug) != places.end();
}

HeadingNames NameTopics(const std::vector<std::string>& headings) {
  const auto& topics = TopicTaxonomy();
  HeadingNames out{std::vector<std::string>(topics.size()), std::vector<int>(topics.size(), -1),
                   std::vector<std::string>(topics.size()), std::vector<std::string>(topics.size()),
                   std::vector<int>(topics.size(), -1)};
  for (size_t k = 0; k < headings.size(); ++k) {
    Words w = SplitWords(headings[k]);
    std::vector<std::pair<size_t, std::string>> found;
    for (const Match& m : FindCues(w.words)) {  // a heading names a topic by a strong cue
      std::string phrase = Phrase(w.words, m.start, m.cue->words.size());
      if (m.cue->weight >= kStrongCue) found.emplace_back(m.cue->topic, phrase);
      // A lone supporting word ("Segment", "Adjustments", "Country Risk") touches nothing.
      // A neutral phrase (weight 0) touches nothing either.
      bool touches = m.cue->weight >= kStrongCue ||
                     (m.cue->weight >= kSupportingCue && m.cue->words.size() >= kMinTouchingWords);
      if (!touches) continue;
      if (out.touched[m.cue->topic].empty()) out.touched[m.cue->topic] = phrase;
      // Naming headings are HeadingFallback's; a place topic's heading is no section.
      if (m.cue->weight >= kStrongCue || IsPlaceTopic(topics[m.cue->topic].slug)) continue;
      out.section[m.cue->topic] = phrase;
      out.section_depth[m.cue->topic] = static_cast<int>(k);
    }
    for (const StandardHit& hit : FindStandards(headings[k]))
      for (size_t i = 0; i < topics.size(); ++i)
        if (hit.direct && Implies(topics[i], hit.key))
          found.emplace_back(i, StandardLabel(hit.key));
    for (const auto& [topic, phrase] : found) {
      if (out.phrase[topic].empty()) out.phrase[topic] = phrase;
      out.depth[topic] = static_cast<int>(k);
    }
  }
  return out;
}

// Whether a heading at `depth` is the comment's caption or within kFallbackHeadingLevels of it.
bool WithinFallbackLevels(int depth, size_t levels) {
  return depth >= 0 && depth + static_cast<int>(kFallbackHeadingLevels) >= static_cast<int>(levels);
}

// Headings as context: kHeadingSupport for each topic a heading names that the text already
// has evidence for.
void AddHeadingSupport(const std::vector<std::string>& headings, const HeadingNames& named,
                       std::vector<Tally>& tally) {
  for (size_t i = 0; i < tally.size(); ++i) {
    if (named.phrase[i].empty() || tally[i].score == 0) continue;
    // A heading confirms a topic the text names with a strong cue; the comment's own caption
    // or the heading right above it (kFallbackHeadingLevels) also confirms supporting evidence:
    // "key assumptions" under "Critical Accounting Estimates / Goodwill". A supporting cue under
    // an outer heading is not enough ("quantify the factors" of reserve changes inside MD&A).
    bool near = WithinFallbackLevels(named.depth[i], headings.size());
    tally[i].score += kHeadingSupport;
    if (!tally[i].strong_sentences.empty() || near) tally[i].anchor = true;
    tally[i].section_named = near;
    tally[i].Cite("heading: " + named.phrase[i]);
  }
}

// A comment whose words name no topic at all ("Please expand the disclosure on page 86 to
// describe the write-offs" under "Non-GAAP Financial Measures") takes its subject from the
// innermost heading that names one: the section is then the only sign of what it is about.
// Only the headings within kFallbackHeadingLevels of the comment count; a heading further up
// names a part of the document, not the comment's subject.
std::vector<TopicTag> HeadingFallback(const HeadingNames& named, size_t levels) {
  const auto& topics = TopicTaxonomy();
  int deepest = *std::max_element(named.depth.begin(), named.depth.end());
  std::vector<TopicTag> out;
  if (!WithinFallbackLevels(deepest, levels)) return out;
  for (size_t i = 0; i < topics.size(); ++i)
    if (named.depth[i] == deepest)
      out.push_back(TopicTag{topics[i].slug, kHeadingAloneScore, {"heading: " + named.phrase[i]}});
  return out;
}

// Whether a heading opens a part of the filing (FilingParts: "Business, page 97", "Item 1A.
// Risk Factors"): its words, without a leading "Item 1A" and a trailing "page 97", are a part's.
bool OpensFilingPart(const std::string& heading) {
  std::vector<std::string> words = TopicWords(heading);
  auto first = words.begin();
  auto last = words.end();
  if (last - first >= 2 && *first == "item") first += 2;
  if (last - first >= 2 && (last[-2] == "page" || last[-2] == "pages")) last -= 2;
  static const std::vector<std::vector<std::string>> kParts = [] {
    std::vector<std::vector<std::string>> parts;
    for (const std::string& part : FilingParts()) parts.push_back(TopicWords(part));
    return parts;
  }();
  return std::find(kParts.begin(), kParts.end(), std::vector<std::string>(first, last)) !=
         kParts.end();
}

// A comment that names no topic, under headings within kFallbackHeadingLevels that name none,
// takes the topic of the section it sits in: the innermost heading at any depth that touches a
// topic ("Management's Discussion and Analysis ... / Consolidated Results, page 39": MD&A
// analysis), unless a heading below it opens another part of the filing ("Management's
// Discussion and Analysis / Business, page 97").
std::vector<TopicTag> SectionFallback(const std::vector<std::string>& headings,
                                      const HeadingNames& named) {
  const auto& topics = TopicTaxonomy();
  int deepest = *std::max_element(named.section_depth.begin(), named.section_depth.end());
  std::vector<TopicTag> out;
  if (deepest < 0) return out;
  for (size_t k = deepest + 1; k < headings.size(); ++k)
    if (OpensFilingPart(headings[k])) return out;
  for (size_t i = 0; i < topics.size(); ++i)
    if (named.section_depth[i] == deepest)
      out.push_back(TopicTag{topics[i].slug, kHeadingAloneScore, {"heading: " + named.section[i]}});
  return out;
}

// Supporting cues in at least kHeadingRequestSupport requests, under a heading that names or
// touches the topic at any depth, anchor it when no request names another topic: "Please
// revise to include a quantified discussion regarding the impact of these factors" inside
// "Management's Discussion and Analysis". A request that names its subject ("the changes in
// proved undeveloped reserves") keeps the supporting cues of another topic in the background.
void AnchorRequestsUnderHeading(const HeadingNames& named, std::vector<Tally>& tally) {
  auto named_in_requests =
      std::count_if(tally.begin(), tally.end(), [](const Tally& t) { return t.request_strong; });
  for (size_t i = 0; i < tally.size(); ++i) {
    Tally& t = tally[i];
    if (named.touched[i].empty() || t.anchor || t.request_support < kHeadingRequestSupport)
      continue;
    // t is not anchored, so no request names it: any request naming a topic names another.
    if (named_in_requests > 0) continue;
    t.anchor = true;
    if (named.phrase[i].empty()) {  // AddHeadingSupport has not counted the heading
      t.score += kHeadingSupport;
      t.Cite("heading: " + named.touched[i]);
    }
  }
}

// A comment that names no topic under headings that name none takes the topic its document
// implies (DocumentTopics: staff comments on a Form 8-K are on its earnings release, so
// non-GAAP measures), when the document heading (the outermost) names such a document.
std::vector<TopicTag> DocumentFallback(const std::vector<std::string>& headings) {
  std::vector<TopicTag> out;
  if (headings.empty()) return out;
  std::vector<std::string> words = TopicWords(headings.front());
  static const std::vector<std::vector<std::string>> kPhrases = [] {
    std::vector<std::vector<std::string>> phrases;
    for (const DocumentTopic& d : DocumentTopics()) phrases.push_back(TopicWords(d.document));
    return phrases;
  }();
  for (size_t k = 0; k < kPhrases.size(); ++k) {
    const DocumentTopic& d = DocumentTopics()[k];
    if (std::search(words.begin(), words.end(), kPhrases[k].begin(), kPhrases[k].end()) !=
        words.end())
      out.push_back(TopicTag{d.slug, kHeadingAloneScore, {"heading: " + d.document}});
  }
  return out;
}

// The document heading confirms what it implies as any heading confirms what it names: a
// strong cue of that topic in a scene-setting sentence is anchored by it ("The discussion in
// the earnings release is based on non-GAAP core earnings ... Please review this guidance"
// on a Form 8-K).
void AddDocumentSupport(const std::vector<std::string>& headings, const HeadingNames& named,
                        std::vector<Tally>& tally) {
  const auto& topics = TopicTaxonomy();
  for (const TopicTag& implied : DocumentFallback(headings))
    for (size_t i = 0; i < topics.size(); ++i) {
      Tally& t = tally[i];
      if (topics[i].slug != implied.slug || !named.phrase[i].empty() || t.strong_sentences.empty())
        continue;
      t.score += kHeadingSupport;
      t.anchor = true;
      t.Cite(implied.cues.front());
    }
}

// The topics a staff comment (or letter) is about: anchored, above the threshold, and not a
// passing mention beside the main subject.
std::vector<TopicTag> Select(const std::vector<Tally>& tally) {
  const auto& topics = TopicTaxonomy();
  int best = 0;
  for (const Tally& t : tally)
    if (t.anchor) best = std::max(best, t.score);
  std::vector<TopicTag> out;
  for (size_t i = 0; i < topics.size(); ++i) {
    const Tally& t = tally[i];
    if (!t.anchor || t.score < kTopicThreshold) continue;
    if (t.score < kSubjectShare * best && !t.section_named) continue;
    out.push_back(TopicTag{topics[i].slug, t.score, t.cues});
  }
  return out;
}

std::vector<TopicTag> TagComment(const std::vector<std::string>& headings, std::string_view text,
                                 const std::string& prefix) {
  TextEvidence evidence = TallyText(text, prefix);
  std::vector<Tally>& tally = evidence.tally;
  HeadingNames named = NameTopics(headings);
  AddHeadingSupport(headings, named, tally);
  AddDocumentSupport(headings, named, tally);
  AnchorRequestsUnderHeading(named, tally);
  std::vector<TopicTag> out = Select(tally);
  bool text_names_a_topic = std::any_of(tally.begin(), tally.end(), [](const Tally& t) {
    return !t.strong_sentences.empty() || t.strong > 0;
  });
  // A comment that asks nothing ("We are continuing to evaluate your responses ... and may
  // have additional comments.") is about no section it sits in.
  if (!evidence.asks) return out;
  if (out.empty() && !text_names_a_topic) out = HeadingFallback(named, headings.size());
  if (out.empty() && !text_names_a_topic) out = DocumentFallback(headings);
  if (out.empty() && !text_names_a_topic) out = SectionFallback(headings, named);
  return out;
}

}  // namespace

std::vector<std::string> TopicWords(std::string_view text) { return LowerAsciiWords(text); }

std::string TopicStem(std::string_view word) {
  std::string s(word);
  // Only "-s", "-d", "-g" and "-e" endings are cut (the common case returns at once).
  if (s.size() < kMinStemmedWord || std::string_view("sdge").find(s.back()) == std::string::npos ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return s;
  auto ends = [&](std::string_view suffix) {
    return s.size() > suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  // Cuts `n` letters when at least `keep` remain.
  auto cut = [&](size_t n, size_t keep) {
    if (s.size() >= n + keep) s.resize(s.size() - n);
  };
  if (ends("ies") || ends("ied")) {
    s.resize(s.size() - 3);
    return s + 'y';
  }
  if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) {
    s.resize(s.size() - 2);
    return s;
  }
  if (ends("s")) {
    if (!ends("ss") && !ends("us") && !ends("is")) s.pop_back();
  } else if (ends("ing")) {
    cut(3, kMinStem);
  } else if (ends("ed")) {
    cut(2, kMinStem);
  }
  if (ends("e")) cut(1, kMinStem);
  return s;
}

std::vector<TopicTag> TagTopics(const TopicInput& input) {
  if (input.comment.empty()) {
    std::vector<TopicTag> out = TagComment(input.headings, input.text, "");
    std::sort(out.begin(), out.end(),
              [](const TopicTag& a, const TopicTag& b) { return a.slug < b.slug; });
    return out;
  }
  // A response: its comment's topics, plus what its own words carry with strong evidence.
  std::vector<TopicTag> out = TagComment(input.headings, input.comment, "comment: ");
  const std::vector<Tally> own = TallyText(input.text, "").tally;
  const auto& topics = TopicTaxonomy();
  for (size_t i = 0; i < topics.size(); ++i) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const TopicTag& t) { return t.slug == topics[i].slug; });
    if (it != out.end()) {
      it->score += own[i].score;
      for (const std::string& c : own[i].cues)
        if (std::find(it->cues.begin(), it->cues.end(), c) == it->cues.end()) it->cues.push_back(c);
    } else if (own[i].strong >= kResponseOwnScore) {
      out.push_back(TopicTag{topics[i].slug, own[i].score, own[i].cues});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const TopicTag& a, const TopicTag& b) { return a.slug < b.slug; });
  return out;
}

}  // namespace corresp
