#include "indexer/segment/letter_dates.h"

#include <re2/re2.h>

#include <algorithm>

#include "indexer/extract/text_util.h"

namespace corresp {

namespace {

// How far before a date the word "letter" may stand: "the letter that the Staff (the “Staff”) of
// the Division of Corporation Finance of the U.S. Securities and Exchange Commission (“SEC”)
// delivered via e-mail on December 28, 2017" is 162 bytes, the longest seen in the corpus.
constexpr size_t kMaxLetterToDate = 200;

}  // namespace

std::vector<Date> NamedLetterDates(std::string_view text) {
  static const RE2 date(
      R"((?i)\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}))");
  // What a letter's date follows: "dated", "of", "on" (delivered on), "and" (a second date).
  static const RE2 lead(R"((?i)\b(?:dated|of|on|and)\s+(?:as\s+of\s+)?$)");
  // ... unless it dates a filing or a period: "Filed on May 1, 2020", "ended December 31".
  static const RE2 not_letter(R"((?i)\b(?:filed|ended|ending|through|to)\s+(?:on\s+)?$)");
  static const RE2 letter_before(R"((?i)\b(?:letters?|comments?)\b)");
  static const RE2 letter_after(R"((?i)^,?\s+(?:comment\s+)?letters?\b)");
  // Where the date's sentence starts: a period or semicolon after a lower-case word.
  static const RE2 sentence_end(R"([a-z)][.;]\s)");
  std::string folded = CollapseSpace(text);
  std::vector<Date> out;
  re2::StringPiece rest(folded);
  re2::StringPiece d;
  while (RE2::FindAndConsume(&rest, date, &d)) {
    size_t at = static_cast<size_t>(d.data() - folded.data());
    std::string_view before(folded.data(), at);
    before = before.substr(before.size() - std::min(before.size(), kMaxLetterToDate));
    re2::StringPiece sentence(before.data(), before.size()), end;
    while (RE2::FindAndConsume(&sentence, sentence_end)) end = sentence;
    if (end.data()) before = std::string_view(end.data(), end.size());
    bool named = RE2::PartialMatch(rest, letter_after) ||
                 (RE2::PartialMatch(before, letter_before) && RE2::PartialMatch(before, lead) &&
                  !RE2::PartialMatch(before, not_letter));
    std::optional<Date> parsed = Date::ParseLong(std::string(d.data(), d.size()));
    if (named && parsed && std::find(out.begin(), out.end(), *parsed) == out.end())
      out.push_back(*parsed);
  }
  return out;
}

std::string LetterOpening(const std::vector<Block>& blocks, const Letter& letter) {
  std::string first_words;
  for (const Response& r : letter.responses)
    if (!r.comment_text.empty()) {
      first_words = FirstWords(CollapseSpace(r.comment_text), 5);
      break;
    }
  std::string opening;
  for (const Block& b : blocks) {
    if (opening.size() >= kOpeningBytes) break;
    if (!first_words.empty() && CollapseSpace(b.text).find(first_words) != std::string::npos) break;
    opening += b.text + "\n";
  }
  return opening;
}

}  // namespace corresp
