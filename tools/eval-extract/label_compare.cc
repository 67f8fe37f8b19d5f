#include "tools/eval-extract/label_compare.h"

#include <re2/re2.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "indexer/extract/text_util.h"
#include "indexer/segment/word_overlap.h"

namespace corresp::labels {

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t p = 0;
  while (true) {
    size_t q = s.find(sep, p);
    out.push_back(s.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) break;
    p = q + sep.size();
  }
  return out;
}

std::vector<std::map<std::string, std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> cols;
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f = Split(line, "\t");
    if (cols.empty()) {
      cols = f;
      continue;
    }
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < cols.size(); ++i) row[cols[i]] = i < f.size() ? f[i] : "";
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> WordTokens(const std::string& s) { return corresp::WordTokens(s); }

std::vector<LetterLabel> ReadLabels(const std::string& tsv_path) {
  std::vector<LetterLabel> out;
  for (auto& row : ReadTsv(tsv_path)) {
    LetterLabel l;
    l.accession = row["accession"];
    l.form = row["form"];
    l.kind = row["kind"];
    l.letter_date = row["letter_date"];
    l.notes = row["notes"];
    l.n = row["n"].empty() ? 0 : std::stoi(row["n"]);
    l.numbers = row["numbers"];
    l.first_words = Split(row["first_words"], " || ");
    l.headings = Split(row["headings"], " || ");
    out.push_back(std::move(l));
  }
  return out;
}

std::optional<std::string> FindLabelledDocument(const std::string& data_dir,
                                                const std::string& accession) {
  namespace fs = std::filesystem;
  for (const char* ext : {".pdf", ".htm"}) {
    fs::path p = fs::path(data_dir) / "labelled" / (accession + ext);
    if (fs::exists(p)) return p.string();
  }
  for (auto& row : ReadTsv(data_dir + "/edgar/MANIFEST.tsv"))
    if (row["accession"] == accession) return data_dir + "/edgar/" + row["document"];
  return std::nullopt;
}

std::vector<LabelItem> LabelItemsOf(const Letter& l) {
  std::vector<LabelItem> out;
  for (const Comment& c : l.comments) out.push_back({c.number, c.text, "", c.headings, false});
  for (const Response& r : l.responses)
    if (r.number || !r.comment_text.empty())
      out.push_back({r.number, r.comment_text, r.text, r.headings, true});
  return out;
}

bool StartsWithWords(const std::string& text, const std::string& words) {
  std::vector<std::string> a = WordTokens(text), b = WordTokens(words);
  return a.size() >= b.size() && std::equal(b.begin(), b.end(), a.begin());
}

std::string SquashHeadings(const std::vector<std::string>& headings) {
  // The labelling guide lists each heading once, in order of first appearance: a caption the
  // letter prints again (the same note's caption under a 10-K and then a 10-Q) counts once.
  std::string out;
  std::set<std::string> seen;
  for (const auto& h : headings) {
    std::string squashed;
    for (const auto& t : WordTokens(h)) squashed += t;
    if (seen.insert(squashed).second) out += squashed;
  }
  return out;
}

std::vector<std::string> HeadingsInOrder(const std::vector<LabelItem>& items) {
  std::vector<std::string> seq;
  const std::vector<std::string>* prev = nullptr;
  for (const LabelItem& it : items) {
    size_t k = 0;
    while (prev && k < it.headings.size() && k < prev->size() && it.headings[k] == (*prev)[k]) ++k;
    if (!(prev && k == it.headings.size() && k == prev->size()))
      for (; k < it.headings.size(); ++k) seq.push_back(it.headings[k]);
    prev = &it.headings;
  }
  return seq;
}

std::string HeadingSequence(const std::vector<LabelItem>& items) {
  return SquashHeadings(HeadingsInOrder(items));
}

std::string LetterHeadingSequence(const Letter& letter) {
  std::vector<LabelItem> items = LabelItemsOf(letter);
  for (const Response& r : letter.responses)
    if (!r.number && r.comment_text.empty())
      items.push_back({r.number, "", r.text, r.headings, true});
  return HeadingSequence(items);
}

bool CleanText(const std::string& text) {
  for (const char* junk : {"FirstName", "LastName", "Comapany"})
    if (text.find(junk) != std::string::npos) return false;
  static const RE2 closing(
      R"((?:^|\n)(?:We remind you that the company|You may contact|We urge all persons|Sincerely|Division of Corporation Finance))");
  static const RE2 page(R"((?:(?:19|20)\d\d\s+Page \d+)|(?:(?:^|\n)Page \d+(?: of \d+)?(?:$|\n)))");
  return !RE2::PartialMatch(text, closing) && !RE2::PartialMatch(text, page);
}

}  // namespace corresp::labels
