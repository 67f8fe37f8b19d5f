// Small UTF-8 string helpers shared by the readers and the segmenter.
#pragma once

#include <string>
#include <string_view>

#include "indexer/extract/block.h"

namespace corresp {

// Maps nbsp, thin spaces, tabs and newlines to ' ', collapses runs of spaces and trims.
std::string CollapseSpace(std::string_view s);
// Replaces curly quotes/apostrophes with straight ones and dashes with '-'; for matching only.
std::string FoldPunctuation(std::string_view s);
// The suffix of orig starting where FoldPunctuation(orig) has offset folded_offset.
std::string OriginalSuffix(const std::string& orig, size_t folded_offset);
// ASCII lower-casing (UTF-8 safe: other bytes are kept).
std::string AsciiLower(std::string_view s);
// One byte of AsciiLower; inline, since readers call it per byte.
inline char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}
// True for the bytes RE2's \s matches: space, \t, \n, \f, \r (not \v).
inline bool IsReSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
bool StartsWith(std::string_view s, std::string_view prefix);
// True when t ends a sentence (". : ? ! ;", also inside a closing quote or bracket), or is empty.
bool EndsSentence(std::string_view t);
// True when t starts with a lower-case ASCII letter, past an opening quote or bracket (a
// sentence going on: 'tell us how you define' / '"same-property" and whether ...').
bool StartsLower(std::string_view t);
// True when t is more figure than words: fewer than 3 letters, or over 40% of its letters and
// digits are digits ("EX-99.2", "2019 2018", "12"). Such text names no section by itself.
bool MostlyDigits(std::string_view t);
// True when t holds a telephone number ("(212) 946-8400", "630.773.3800"), a web or an e-mail
// address: a letterhead's or a footer's contact line, never a part of a letter's text.
bool NamesContactDetails(std::string_view t);
// Appends the next printed line of a paragraph to `text`: after a word's hyphen ending the
// line ("non-" / "accrual") without a space, so the word stays whole ("non-accrual"); else
// after one space.
void AppendLine(std::string& text, std::string_view line);
// True when t opens with a list bullet: "•", "·", "▪", "◦", the Symbol font's bullets, "o ",
// "- ", "– ", "* " before a word (typed bullets of text letters; "* * *" is a separator)
// (an item of a list, never a heading).
bool StartsWithBullet(std::string_view t);
// True when t opens a lettered or roman-numbered part of a list: "(b) ", "c. ", "(iv) ".
bool StartsLetteredItem(std::string_view t);
// True when t opens a caption lettered as a sub-section: a letter a-h, "." or ")", then a
// capital ("c) Loss Development Tables, page F-46"), not a list's part in lower case.
bool StartsLetteredCaption(std::string_view t);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IStartsWith(std::string_view s, std::string_view prefix);  // ASCII case-insensitive
bool IContains(std::string_view s, std::string_view needle);    // ASCII case-insensitive
// Appends code point cp as UTF-8.
void AppendUtf8(std::string& out, unsigned cp);
// True if s is valid UTF-8.
bool IsValidUtf8(std::string_view s);
// Cuts s to at most max bytes without splitting a UTF-8 sequence.
std::string_view TruncateUtf8(std::string_view s, size_t max);
// The first n words of s (words split on spaces).
std::string FirstWords(std::string_view s, int n);

// A date as a letter prints it ("September 26, 2022", "Sept. 4, 2024"): an RE2 pattern without
// anchors, for the patterns of page lines and running headers that hold one.
inline constexpr std::string_view kLongDatePattern = R"([A-Z][a-z]+\.? \d{1,2}, \d{4})";
// True when the whole of t is such a date (a date line alone).
bool IsLongDate(std::string_view t);

// Drops the blocks past kMaxLetterTextBytes of text. Returns an issue line when it cut.
std::optional<std::string> CapBlockText(std::vector<Block>& blocks);

}  // namespace corresp
