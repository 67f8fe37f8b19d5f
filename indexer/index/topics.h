// The review-topic taxonomy (docs/topics.md) and the tagger that decides an item's topics by
// its subject: what a staff comment asks the company to explain or change.
//
// A topic has a stable slug (the index term XTOP<slug>, `topic:<slug>` in queries), a name,
// cue phrases that either name the topic (strong) or only support it, and the accounting
// standards that imply it. TagTopics weighs the evidence by where it stands (docs/topics.md
// has the table and the reasons):
//   - the item's own text decides: a topic needs an anchor there (a strong cue in a sentence
//     that asks for something, a citation of an implying standard, strong cues in two
//     sentences, or a strong cue confirmed by a heading; supporting cues are anchored only by
//     a heading naming the topic within kFallbackHeadingLevels: the comment's own caption or
//     the heading right above it, the section it sits in);
//   - supporting cues add weight but never assign a topic alone;
//   - headings are context: they add kHeadingSupport to a topic the text already has evidence
//     for; a heading assigns a topic alone only when the comment's own words name no topic at
//     all (no strong cue, no citation): then the innermost heading naming one gives it
//     (kHeadingAloneScore);
//   - a request to file a document ("Please file the credit agreement as an exhibit") is about
//     filing, not about the document's subject;
//   - a scene-setting sentence the next request refers back to ("We note you exclude
//     restructuring costs ... . Please explain why these ...") counts as asked about;
//   - supporting cues in two requests are anchored by a heading that names or touches the
//     topic when no request names another topic; a comment naming no topic under headings
//     naming none takes the topic its document implies (DocumentTopics: Form 8-K -> non-GAAP),
//     else its section's: the innermost heading touching a topic by a supporting phrase, at
//     any depth, unless a deeper heading opens another part of the filing (FilingParts);
//   - cue words match their inflections (TopicStem);
//   - a topic whose score is small beside the item's main subject (below kSubjectShare of the
//     best) is a mention in passing and is dropped, unless a heading within
//     kFallbackHeadingLevels names it (the comment sits in its section);
//   - a line break inside a sentence (the line stops on a letter, digit or comma and the next
//     goes on in lowercase, a number or "&") does not end it;
//   - phrases that contain a topic's words without naming it ("before income taxes",
//     "advertising inventory") are consumed and count for nothing.
// A response inherits the topics of the comment it restates (tagged as that comment would be)
// plus the topics its own text carries with strong evidence (kResponseOwnScore).
// Deterministic and total: any text in, never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/index/standards.h"

namespace corresp {

// Cue weights as written in the taxonomy: 2 names the topic, 1 supports it, 0 a phrase that
// contains a topic's words but names no topic (consumed, scores nothing).
inline constexpr int kStrongCue = 2;
inline constexpr int kSupportingCue = 1;
inline constexpr int kNeutralPhrase = 0;

struct TopicCue {
  std::string phrase;  // lowercase words separated by one space; a word ending '*' is a prefix
  int weight = kSupportingCue;
};

struct Topic {
  std::string slug;  // "hedge-accounting"
  std::string name;  // "Hedge accounting"
  std::vector<TopicCue> cues;
  std::vector<std::string> standards;  // canonical keys implying the topic: "sfas133", "asc815"
};

// A strong cue in a request sentence ("Please tell us ...", "Revise ..."): the subject asked
// about; the same cue in a sentence that only sets the scene ("We note ...") scores kStrongCue.
inline constexpr int kRequestCueScore = 3;
// A direct citation of an implying standard ("Refer to ASC 740-10-50"), per citation.
inline constexpr int kCitationScore = 3;
// A standard only reached through the pre-codification <-> ASC map (cited under its other
// name, which already scored).
inline constexpr int kMappedCitationScore = 1;
// Added once when a heading names a topic (by a strong cue or a citation) the text already has
// evidence for: a heading confirms a topic the text touches ("We note your liquidity ..."
// under "Liquidity and Capital Resources") but never carries a topic alone.
inline constexpr int kHeadingSupport = 2;
// The score of a topic assigned by a heading alone, when the comment's own words name no topic
// (HeadingFallback in topics.cc): the least an assigned topic scores.
inline constexpr int kHeadingAloneScore = 3;
// A heading assigns a topic alone (HeadingFallback) only from the comment's own caption or the
// heading right above it: "Executive Compensation" four levels above "Principal and Selling
// Stockholders" names a part of the document, not the comment's subject.
inline constexpr int kFallbackHeadingLevels = 2;
// Supporting cues in this many requests anchor a topic a heading names or touches (at any
// depth, by any cue) when no request names another topic: "a quantified discussion regarding
// the impact of these factors" inside MD&A. One is a word in passing.
inline constexpr int kHeadingRequestSupport = 2;
// A heading touches a topic for that rule by a strong cue or a supporting phrase of at least
// this many words: "Results of Operations" and "Management's Discussion and Analysis" are
// sections about the topic, while one supporting word ("Market Segment Opportunity",
// "Adjustments to weighted average shares", "Country Risk") is common to many subjects.
inline constexpr size_t kMinTouchingWords = 2;
// The score a topic needs: one strong cue in a request, or a scene-setting strong cue with a
// supporting cue or heading.
inline constexpr int kTopicThreshold = 3;
// A topic scoring below this share of the item's best topic is a mention in passing (a tax
// comment that names "intangible assets" once is not about goodwill). Tuned on the dev labels.
inline constexpr double kSubjectShare = 0.2;
// A response's own text adds a topic only with this much strong evidence (supporting cues not
// counted): two strong cues or a citation with a strong cue.
inline constexpr int kResponseOwnScore = 4;

// The curated taxonomy, in documentation order. Slugs are unique.
const std::vector<Topic>& TopicTaxonomy();
// Phrases that contain a topic's cue words but name no topic (weight kNeutralPhrase).
const std::vector<std::string>& NeutralPhrases();

// A kind of document whose staff comments have one usual subject: a comment that names no
// topic, under headings that name none, takes it when the document heading (the outermost
// heading) names the document ("Form 8-K filed May 5, 2020" -> non-gaap: the staff reviews a
// Form 8-K's earnings release).
struct DocumentTopic {
  std::string document;  // words as TopicWords splits them: "form 8 k"
  std::string slug;
};
const std::vector<DocumentTopic>& DocumentTopics();

// Captions of the parts of a filing (S-K items, prospectus sections) as TopicWords splits them:
// a heading with one of these captions ends the section above it ("Business" under
// "Management's Discussion and Analysis" is not MD&A).
const std::vector<std::string>& FilingParts();

// Topics whose headings mark a place in the filing rather than a subject: a comment under
// "Prospectus Cover Page / Opinion of Goldman, Sachs & Co." is about the opinion, not about
// filing mechanics. Their headings never give a comment its topic through its section.
const std::vector<std::string>& PlaceTopics();

// What the tagger reads of an item.
struct TopicInput {
  std::vector<std::string> headings;  // the heading path above the item (context)
  std::string_view text;              // the item's own words
  // A response's restated staff comment (tagged as that comment, and inherited); "" for a
  // comment or letter.
  std::string_view comment;
};

// One assigned topic and why.
struct TopicTag {
  std::string slug;
  int score = 0;  // the index weight of XTOP<slug>
  // The evidence in the order found (text, then headings), unique: cue words as written in the text
  // ("valuation allowance"), citations by label ("ASC 740"), a heading cue as "heading: <words>", a
  // cue of a response's restated comment as "comment: <words>".
  std::vector<std::string> cues;
};

// The item's topics, by slug.
std::vector<TopicTag> TagTopics(const TopicInput& input);

// Lowercase words of `text` (letters and digits; everything else separates words): the form
// cue phrases are matched against. "Non-GAAP" -> {"non", "gaap"}; "MD&A" -> {"md", "a"}.
std::vector<std::string> TopicWords(std::string_view text);

// Words shorter than this keep their form: "gas", "was", "ffo", "neo" are not inflections.
inline constexpr size_t kMinStemmedWord = 4;
// "-ing", "-ed" and a final "-e" are cut only when this many letters remain, so short words
// keep their own form: "space" is not "spac" (a SPAC), "lease" not "leas", "based" not "bas".
inline constexpr size_t kMinStem = 5;

// The stem a cue word and a text word are compared by, so a cue matches the inflections of its
// words: "-ies"/"-ied" become "-y"; "-sses", "-xes", "-ches", "-shes" lose "-es"; a plural or
// third person "-s" is cut (not "-ss", "-us", "-is": "loss", "status", "basis"); "-ing", "-ed"
// and then a final "-e" are cut while kMinStem letters remain. "recognize", "recognizes",
// "recognized", "recognizing" -> "recogniz"; "leases" -> "lease"; "losses" -> "loss";
// "subsidiaries" -> "subsidiary". A word with a digit or an upper-case letter, or shorter than
// kMinStemmedWord, is its own stem. A cue word ending in '*' is a prefix of the word as written
// and is not stemmed.
std::string TopicStem(std::string_view word);

}  // namespace corresp
