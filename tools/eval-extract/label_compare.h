// Comparing an extracted Letter with a hand label (tests/data/labels/letters-detailed.tsv, or
// the corpus's labels): shared by tools/eval-extract and tests/indexer/labelled_letters_test.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/letter.h"

namespace corresp::labels {

struct LetterLabel {
  std::string accession, form, kind, notes;
  std::string letter_date;  // "2017-07-14"; "" when the letter prints none
  int n = 0;
  std::string numbers;                   // "1,2,3"
  std::vector<std::string> first_words;  // first six words of each item
  std::vector<std::string> headings;     // headings in order of appearance
};

// Rows of a tab-separated file with a header line, as column -> value.
std::vector<std::map<std::string, std::string>> ReadTsv(const std::string& path);
// "a || b" -> {"a", "b"}; "" -> {}.
std::vector<std::string> Split(const std::string& text, const std::string& separator);

std::vector<LetterLabel> ReadLabels(const std::string& tsv_path);
// tests/data/labelled/ACCESSION.{pdf,htm} or the document listed in tests/data/edgar/MANIFEST.tsv.
std::optional<std::string> FindLabelledDocument(const std::string& data_dir,
                                                const std::string& accession);

// The items a label counts: staff comments, or a response's restated comments.
struct LabelItem {
  std::optional<int> number;
  std::string text;    // comment text or restated comment
  std::string answer;  // response text ("" for staff comments)
  std::vector<std::string> headings;
  bool response = false;
};
std::vector<LabelItem> LabelItemsOf(const Letter& letter);

// Word tokens for comparing texts: lower-cased runs of letters and digits (non-ASCII bytes
// count as letters) after curly quotes and dashes are folded to ASCII.
std::vector<std::string> WordTokens(const std::string& text);
bool StartsWithWords(const std::string& text, const std::string& words);  // normalised
// Headings as they appear: each item's path from where it leaves the previous item's path.
std::vector<std::string> HeadingsInOrder(const std::vector<LabelItem>& items);
// The same, squashed to lower-case alphanumerics and concatenated (how labels compare).
std::string HeadingSequence(const std::vector<LabelItem>& items);
std::string SquashHeadings(const std::vector<std::string>& headings);
// The heading sequence of every item of the letter, a narrative response (one that restates
// no comment, so no LabelItem) included: the headings the letter prints above its text.
std::string LetterHeadingSequence(const Letter& letter);
// No running header, template residue or closing boilerplate inside the text.
bool CleanText(const std::string& text);

}  // namespace corresp::labels
