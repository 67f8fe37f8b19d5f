// eval-extract: runs the extractor over labelled letters and prints per-letter and total
// figures (kind, comment count, number sequence, item starts, clean items, heading paths,
// response pairs); or over a whole corpus (MANIFEST.tsv) and lists implausible letters.
//
//   eval-extract labels LETTERS-DETAILED.TSV ROOT...   (ROOT: a folder of ACCESSION.pdf|.htm,
//                                                        or a mirror with MANIFEST.tsv)
//   eval-extract corpus MIRROR [--json-dir DIR]
// Exit status: 0 when every labelled letter matches (labels) / always 0 for corpus.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/extract/charset.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/html_reader.h"
#include "indexer/extract/pdf_reader.h"
#include "indexer/extract/sgml.h"
#include "indexer/extract/text_reader.h"
#include "indexer/extract/text_util.h"
#include "tools/eval-extract/label_compare.h"

namespace fs = std::filesystem;
using namespace corresp;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using labels::CleanText;
using labels::LabelItem;
using labels::LabelItemsOf;
using labels::ReadTsv;
using labels::StartsWithWords;

struct Totals {
  int letters = 0, kind = 0, count = 0, numbers = 0, headings = 0, matched = 0;
  int items = 0, starts = 0, clean = 0, with_heading = 0, responses = 0, pairs = 0;
};

std::optional<fs::path> FindDocument(const std::string& accession,
                                     const std::vector<fs::path>& roots) {
  for (const fs::path& root : roots) {
    for (const char* ext : {".pdf", ".htm", ".txt"}) {
      fs::path p = root / (accession + ext);
      if (fs::exists(p)) return p;
    }
    fs::path manifest = root / "MANIFEST.tsv";
    if (fs::exists(manifest)) {
      static std::map<fs::path, std::vector<std::map<std::string, std::string>>> cache;
      auto& rows = cache[manifest];
      if (rows.empty()) rows = ReadTsv(manifest.string());
      for (const auto& row : rows)
        if (row.at("accession") == accession) return root / row.at("document");
    }
  }
  return std::nullopt;
}

int RunLabels(const fs::path& labels_tsv, const std::vector<fs::path>& roots) {
  Totals t;
  for (const labels::LetterLabel& label : labels::ReadLabels(labels_tsv.string())) {
    const std::string& acc = label.accession;
    std::optional<fs::path> doc = FindDocument(acc, roots);
    if (!doc) {
      std::cout << acc << "  MISSING\n";
      continue;
    }
    std::string bytes = ReadFile(*doc);
    Letter l = ExtractLetter({bytes, doc->string(), label.form});
    std::vector<LabelItem> items = LabelItemsOf(l);
    ++t.letters;
    bool kind_ok = LetterKindName(l.kind) == label.kind;
    bool count_ok = static_cast<int>(items.size()) == label.n;
    std::string got_nums;
    for (const LabelItem& it : items)
      got_nums += (got_nums.empty() ? "" : ",") + (it.number ? std::to_string(*it.number) : "-");
    bool nums_ok = got_nums == label.numbers;
    int starts = 0, clean = 0, with_heading = 0, pairs = 0, resp = 0;
    std::vector<std::string> bad_starts;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i < label.first_words.size() && StartsWithWords(items[i].text, label.first_words[i]))
        ++starts;
      else
        bad_starts.push_back(std::to_string(i + 1) + ": '" + FirstWords(items[i].text, 8) + "'");
      if (CleanText(items[i].text) && CleanText(items[i].answer)) ++clean;
      if (!items[i].headings.empty()) ++with_heading;
      if (items[i].response) {
        ++resp;
        if (!items[i].text.empty() && !items[i].answer.empty()) ++pairs;
      }
    }
    bool heads_ok = labels::HeadingSequence(items) == labels::SquashHeadings(label.headings);
    bool all = kind_ok && count_ok && nums_ok && starts == static_cast<int>(items.size()) &&
               clean == static_cast<int>(items.size()) && heads_ok && pairs == resp;
    t.kind += kind_ok;
    t.count += count_ok;
    t.numbers += nums_ok;
    t.headings += heads_ok;
    t.matched += all;
    t.items += static_cast<int>(items.size());
    t.starts += starts;
    t.clean += clean;
    t.with_heading += with_heading;
    t.responses += resp;
    t.pairs += pairs;
    std::cout << (all ? "ok   " : "FAIL ") << acc << " " << label.form
              << " kind=" << LetterKindName(l.kind) << (kind_ok ? "" : "(want " + label.kind + ")")
              << " n=" << items.size() << (count_ok ? "" : "(want " + std::to_string(label.n) + ")")
              << " starts=" << starts << "/" << items.size() << " clean=" << clean
              << " heads=" << (heads_ok ? "ok" : "BAD") << " pairs=" << pairs << "/" << resp
              << "\n";
    if (!nums_ok) std::cout << "     numbers: " << got_nums << " want " << label.numbers << "\n";
    for (const auto& b : bad_starts) std::cout << "     start " << b << "\n";
    if (!heads_ok) {
      std::cout << "     headings got:  ";
      for (const auto& h : labels::HeadingsInOrder(items)) std::cout << h << " || ";
      std::cout << "\n     headings want: ";
      for (const auto& h : label.headings) std::cout << h << " || ";
      std::cout << "\n";
    }
  }
  auto pct = [](int a, int b) {
    std::ostringstream s;
    s << a << "/" << b << " (" << (b ? 100.0 * a / b : 100.0) << "%)";
    return s.str();
  };
  std::cout << "\nletters " << t.letters << "\n  kind accuracy        " << pct(t.kind, t.letters)
            << "\n  exact comment count  " << pct(t.count, t.letters) << "\n  number sequence      "
            << pct(t.numbers, t.letters) << "\n  heading paths        "
            << pct(t.headings, t.letters) << "\n  item starts          " << pct(t.starts, t.items)
            << "\n  clean items          " << pct(t.clean, t.items) << "\n  items with headings  "
            << pct(t.with_heading, t.items) << "\n  response pairs       "
            << pct(t.pairs, t.responses) << "\n  letters fully right  " << pct(t.matched, t.letters)
            << "\n";
  return t.matched == t.letters ? 0 : 1;
}

int RunCorpus(const fs::path& root, const std::string& json_dir) {
  auto rows = ReadTsv((root / "MANIFEST.tsv").string());
  struct Done {
    std::map<std::string, std::string> row;
    Letter letter;
  };
  std::vector<Done> done;
  size_t bytes_total = 0;
  auto t0 = std::chrono::steady_clock::now();
  std::map<std::string, int> kinds;
  for (const auto& row : rows) {
    fs::path doc = root / row.at("document");
    std::string bytes = ReadFile(doc);
    bytes_total += bytes.size();
    Letter l = ExtractLetter({bytes, doc.string(), row.at("form")});
    ++kinds[LetterKindName(l.kind)];
    if (!json_dir.empty()) {
      std::ofstream out(fs::path(json_dir) / (row.at("accession") + ".json"));
      out << LetterToJson(l).dump(2) << "\n";
    }
    done.push_back({row, std::move(l)});
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int implausible = 0;
  for (size_t i = 0; i < done.size(); ++i) {
    const Letter& l = done[i].letter;
    std::vector<std::string> why;
    std::vector<LabelItem> items = LabelItemsOf(l);
    for (size_t k = 0; k < items.size(); ++k) {
      if (items[k].number && k > 0 && items[k - 1].number &&
          *items[k].number != *items[k - 1].number + 1)
        why.push_back("non-consecutive numbers");
      if (!CleanText(items[k].text) || !CleanText(items[k].answer))
        why.push_back("junk in item " + std::to_string(k + 1));
      if (items[k].response && (items[k].text.empty() || items[k].answer.empty()))
        why.push_back("response " + std::to_string(k + 1) + " not split");
    }
    if (l.kind == LetterKind::kCommentLetter && l.comments.empty()) why.push_back("no comments");
    if (l.kind == LetterKind::kCommentLetter && !l.comments.empty() && l.comments[0].number &&
        l.comments[0].number != 1)
      why.push_back("first comment not 1");
    if (l.kind == LetterKind::kResponse) {
      // Pair with the thread's earlier staff comment letter whose comments it restates best.
      int best_matched = -1, best_total = 0;
      size_t best_comments = 0;
      for (size_t j = 0; j < i; ++j) {
        if (done[j].row.at("thread") != done[i].row.at("thread") ||
            done[j].letter.kind != LetterKind::kCommentLetter || l.responses.empty() ||
            !l.responses[0].number)
          continue;
        const Letter* staff = &done[j].letter;
        int matched = 0, total = 0;
        for (const Response& r : l.responses) {
          if (!r.number) continue;
          ++total;
          for (const Comment& c : staff->comments)
            if (c.number == r.number && StartsWithWords(r.comment_text, FirstWords(c.text, 4)))
              ++matched;
        }
        if (matched > best_matched) {
          best_matched = matched;
          best_total = total;
          best_comments = staff->comments.size();
        }
      }
      if (best_matched >= 0) {
        if (best_total > static_cast<int>(best_comments))
          why.push_back("more responses (" + std::to_string(best_total) + ") than comments (" +
                        std::to_string(best_comments) + ")");
        else if (best_matched * 2 < best_total)
          why.push_back("restated comments match " + std::to_string(best_matched) + "/" +
                        std::to_string(best_total) + " staff comments");
      }
    }
    if (!why.empty()) {
      ++implausible;
      std::cout << "CHECK " << done[i].row.at("accession") << " " << done[i].row.at("form") << " "
                << LetterKindName(l.kind) << " n=" << items.size() << ": ";
      std::sort(why.begin(), why.end());
      why.erase(std::unique(why.begin(), why.end()), why.end());
      for (const auto& w : why) std::cout << w << "; ";
      std::cout << "\n";
    }
  }
  std::cout << "\nletters " << done.size() << ", crashes 0, implausible " << implausible
            << ", plausible "
            << (done.size() - implausible) * 100.0 / std::max<size_t>(1, done.size()) << "%\n  "
            << bytes_total / 1e6 << " MB in " << secs << " s\n  kinds:";
  for (const auto& [k, v] : kinds) std::cout << " " << k << "=" << v;
  std::cout << "\n";
  return 0;
}

}  // namespace

// Debug view: the blocks a reader produced, with their flags.
int DumpBlocks(const fs::path& path) {
  std::string bytes = ReadFile(path);
  std::string body = bytes;
  PayloadType type = SniffType(bytes, path.string());
  if (LooksLikeSgml(bytes)) {
    if (auto p = UnwrapSgml(bytes)) {
      body = p->body;
      type = p->type;
    }
  }
  BlockDocument doc = type == PayloadType::kPdf    ? ReadPdf(body)
                      : type == PayloadType::kHtml ? ReadHtml(DecodeToUtf8(body))
                                                   : ReadPlainText(DecodeToUtf8(body));
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    std::cout << i << " p" << b.page << " x" << static_cast<int>(b.indent) << " "
              << (b.bold ? "B" : "-") << (b.italic ? "I" : "-") << (b.underline ? "U" : "-")
              << (b.kind == BlockKind::kHeading    ? "H"
                  : b.kind == BlockKind::kListItem ? "L"
                  : b.kind == BlockKind::kTableRow ? "T"
                                                   : "P")
              << (b.page_continued ? "c" : " ") << " " << b.text.substr(0, 200) << "\n";
  }
  for (const auto& i : doc.issues) std::cout << "issue: " << i << "\n";
  return 0;
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "blocks") return DumpBlocks(args[1]);
  if (args.size() == 2 && args[0] == "json") {
    std::string bytes = ReadFile(args[1]);
    std::cout << LetterToJson(ExtractLetter({bytes, args[1], std::nullopt})).dump(2) << "\n";
    return 0;
  }
  if (args.size() >= 3 && args[0] == "labels") {
    std::vector<fs::path> roots(args.begin() + 2, args.end());
    return RunLabels(args[1], roots);
  }
  if (args.size() >= 2 && args[0] == "corpus") {
    std::string json_dir = args.size() >= 4 && args[2] == "--json-dir" ? args[3] : "";
    return RunCorpus(args[1], json_dir);
  }
  std::cerr << "usage: eval-extract labels LABELS.tsv ROOT...\n"
               "       eval-extract corpus MIRROR [--json-dir DIR]\n";
  return 2;
}
