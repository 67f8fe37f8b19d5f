#include "tools/eval-extract/rewrap_check.h"

#include <sstream>

#include "indexer/segment/word_overlap.h"

namespace corresp::rewrap {
namespace {

// The first six words (WordTokens: lower case, letters and digits): what "starts the same"
// compares.
std::vector<std::string> FirstWords(const std::string& text) {
  std::vector<std::string> words = WordTokens(text);
  if (words.size() > 6) words.resize(6);
  return words;
}

std::string Innermost(const std::vector<std::string>& headings) {
  return headings.empty() ? "" : headings.back();
}

std::string Number(const std::optional<int>& n) { return n ? std::to_string(*n) : "-"; }

}  // namespace

std::string AsTextLetter(const std::vector<Block>& blocks, const std::string& form, size_t width) {
  std::string body;
  for (const Block& b : blocks) {
    if (!body.empty()) body += "\n";
    std::istringstream words(b.text);
    std::string word, line;
    while (words >> word) {
      if (!line.empty() && line.size() + 1 + word.size() > width) {
        body += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    body += line + "\n";
  }
  return "<DOCUMENT>\n<TYPE>" + form + "\n<SEQUENCE>1\n<FILENAME>letter.txt\n<TEXT>\n" + body +
         "</TEXT>\n</DOCUMENT>\n";
}

std::string FirstDifference(const Letter& a, const Letter& b) {
  if (a.kind != b.kind) return "kind";
  if (a.comments.size() != b.comments.size()) return "comment count";
  if (a.responses.size() != b.responses.size()) return "response count";
  for (size_t i = 0; i < a.comments.size(); ++i) {
    const Comment &x = a.comments[i], &y = b.comments[i];
    std::string id = "comment " + Number(x.number);
    if (x.number != y.number || FirstWords(x.text) != FirstWords(y.text)) return id + " start";
    if (Innermost(x.headings) != Innermost(y.headings)) return id + " heading";
  }
  for (size_t i = 0; i < a.responses.size(); ++i) {
    const Response &x = a.responses[i], &y = b.responses[i];
    std::string id = "response " + Number(x.number);
    if (x.number != y.number || FirstWords(x.comment_text) != FirstWords(y.comment_text) ||
        FirstWords(x.text) != FirstWords(y.text))
      return id + " start";
    if (Innermost(x.headings) != Innermost(y.headings)) return id + " heading";
  }
  return "";
}

}  // namespace corresp::rewrap
