// bench_topics [MIRROR]: the topic tagger's share of indexing time over a mirror's letters
// (default ../shared/corpus/edgar, else tests/data/edgar). Times, in one process: extracting
// every letter (ExtractLetter), building its Xapian documents (BuildLetterDocuments, which
// tags every item), writing them to a new Xapian database in a temporary folder (replace by
// unique term, one commit, as the writer adds a batch), and tagging every item alone
// (TagTopics, the same inputs). Prints the tagger's share of extract + build + write (the
// indexing time docs/topics.md budgets at 5%) and of extract + build alone (an upper bound
// that leaves the write out).
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/extract/extract.h"
#include "indexer/index/document_builder.h"
#include "indexer/index/letter_record.h"
#include "indexer/index/topics.h"

namespace fs = std::filesystem;
using namespace corresp;

namespace {

struct Row {
  std::string accession, form;
  fs::path path;
};

std::vector<Row> ReadManifest(const fs::path& root) {
  std::vector<Row> rows;
  std::ifstream manifest(root / "MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);  // header: ticker company cik form accession ... document
  while (std::getline(manifest, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() >= 8) rows.push_back({f[4], f[3], root / f[7]});
  }
  return rows;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  return body.str();
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = fs::exists("../shared/corpus/edgar/MANIFEST.tsv") ? "../shared/corpus/edgar"
                                                                    : "tests/data/edgar";
  if (argc > 1) root = argv[1];
  std::vector<Row> rows = ReadManifest(root);
  std::vector<LetterRecord> records;
  double extract = 0;
  for (const Row& row : rows) {
    std::string bytes = ReadAll(row.path);
    auto t0 = std::chrono::steady_clock::now();
    LetterRecord r;
    r.accession = Accession{row.accession};
    r.form = row.form;
    r.letter = ExtractLetter({bytes, row.path.string(), row.form});
    extract += Seconds(t0);
    records.push_back(std::move(r));
  }
  std::vector<const LetterRecord*> all;
  for (const LetterRecord& r : records) all.push_back(&r);
  ItemTexts texts = CollectItemTexts(all);
  ThreadLinks links;
  Xapian::TermGenerator tg;
  ConfigureTermGenerator(tg);        // as the writer builds them
  std::vector<BuiltDocument> built;  // kept for the write
  auto t0 = std::chrono::steady_clock::now();
  for (const LetterRecord& r : records)
    for (BuiltDocument& d : BuildLetterDocuments(r, links, texts, tg))
      built.push_back(std::move(d));
  double build = Seconds(t0);
  size_t documents = built.size();
  // The write: the documents built above, into a new database.
  fs::path dir = fs::temp_directory_path() / ("bench_topics." + std::to_string(::getpid()));
  t0 = std::chrono::steady_clock::now();
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const BuiltDocument& d : built) db.replace_document(d.unique_term, d.document);
    db.commit();
  }
  double write = Seconds(t0);
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  size_t items = 0, tags = 0;
  t0 = std::chrono::steady_clock::now();
  for (const LetterRecord& r : records) {
    for (const Comment& c : r.letter.comments) {
      tags += TagTopics({c.headings, c.text, ""}).size();
      ++items;
    }
    for (const Response& resp : r.letter.responses) {
      tags += TagTopics({resp.headings, resp.text, resp.comment_text}).size();
      ++items;
    }
  }
  double tagging = Seconds(t0);
  double indexing = extract + build + write;
  std::printf("corpus %s: %zu letters, %zu documents, %zu items, %zu topic tags\n", root.c_str(),
              records.size(), documents, items, tags);
  std::printf(
      "  extract          %8.3f s\n  build documents  %8.3f s (tagging included)\n"
      "  write to Xapian  %8.3f s\n",
      extract, build, write);
  std::printf("  tagging alone    %8.3f s  (%.1f us per item)\n", tagging,
              items ? 1e6 * tagging / items : 0.0);
  std::printf("  tagging share of indexing (extract + build + write): %.2f%% (budget 5%%)\n",
              indexing > 0 ? 100.0 * tagging / indexing : 0.0);
  std::printf("  tagging share of extract + build alone (upper bound): %.2f%%\n",
              extract + build > 0 ? 100.0 * tagging / (extract + build) : 0.0);
  return 0;
}
