// term-volume CORPUS.jsonl [--letters N]: where the Xapian volume of an indexed item comes from.
// Builds every letter's documents as the index writer does (BuildLetterDocuments, with the
// company's thread links and paired excerpts, the writer's TermGenerator setup) and prints, per
// item, the distinct terms (postings), the within-document frequencies and the positions, split
// by the kind of term (unprefixed words, Z stems, weighted prefixed terms such as standards and
// topics, boolean filter terms), plus the values and the document data (JSON) in bytes. Then the
// same per text source, each indexed alone by a fresh generator as MakeDocument indexes it:
// headings (with positions), text (with positions), extra_text (a response's restated comment,
// without positions). Letters are grouped by company in corpus order (gen-corpus writes them so).
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/index_schema.h"
#include "indexer/index/document_build_pool.h"
#include "indexer/index/document_builder.h"
#include "indexer/index/letter_record.h"
#include "indexer/index/thread_linker.h"

using namespace corresp;

namespace {

struct Volume {
  long documents = 0;
  long terms = 0;      // distinct terms: one posting each
  long wdf = 0;        // sum of within-document frequencies
  long positions = 0;  // entries of the position lists
  void Count(const Xapian::TermIterator& term) {
    terms++;
    wdf += term.get_wdf();
    positions += term.positionlist_count();
  }
  void Add(const Volume& o) {
    documents += o.documents;
    terms += o.terms;
    wdf += o.wdf;
    positions += o.positions;
  }
};

// What one document holds, by kind of term.
struct DocumentVolume {
  Volume words, stems, weighted, boolean;
  long values = 0, value_bytes = 0, data_bytes = 0;
};

void Measure(const Xapian::Document& doc, DocumentVolume& v) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& t = *it;
    Volume* into = &v.words;
    if (t.starts_with(schema::kPrefixStem))
      into = &v.stems;
    else if (!t.empty() && t[0] >= 'A' && t[0] <= 'Z')
      into = it.get_wdf() == 0 ? &v.boolean : &v.weighted;
    into->Count(it);
  }
  for (auto it = doc.values_begin(); it != doc.values_end(); ++it) {
    v.values++;
    v.value_bytes += (*it).size();
  }
  v.data_bytes += doc.get_data().size();
}

// One source's text indexed alone, as MakeDocument indexes it.
Volume SourceVolume(Xapian::TermGenerator& tg, const std::string& text, bool positions,
                    Xapian::termcount wdf_inc) {
  Xapian::Document doc;
  tg.set_document(doc);
  if (positions)
    tg.index_text(text, wdf_inc);
  else
    tg.index_text_without_positions(text, wdf_inc);
  Volume v;
  v.documents = 1;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) v.Count(it);
  tg.set_document(Xapian::Document());
  return v;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " / ") + p;
  return out;
}

void Print(const char* what, const Volume& v, long items) {
  double n = static_cast<double>(items);
  std::cout << fmt::format("{:<34} {:>9.1f} {:>9.1f} {:>10.1f}\n", what, v.terms / n, v.wdf / n,
                           v.positions / n);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: term-volume CORPUS.jsonl [--letters N]\n";
    return 2;
  }
  long max_letters = -1;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--letters") max_letters = std::atol(argv[i + 1]);
  }
  std::vector<LetterRecord> letters;
  std::ifstream in(argv[1]);
  std::string line;
  while (std::getline(in, line) && (max_letters < 0 || (long)letters.size() < max_letters)) {
    auto r = LetterRecordFromJson(nlohmann::json::parse(line));
    if (r.ok()) letters.push_back(std::move(r).value());
  }
  Xapian::TermGenerator tg;
  ConfigureTermGenerator(tg);
  DocumentVolume total;
  Volume headings, text, extra;
  long items = 0, responses_with_extra = 0;
  for (size_t begin = 0; begin < letters.size();) {
    size_t end = begin;
    std::vector<const LetterRecord*> company;
    while (end < letters.size() && letters[end].cik == letters[begin].cik)
      company.push_back(&letters[end++]);
    ThreadLinks links = LinkThreads(company);
    ItemTexts texts = CollectItemTexts(company);
    for (const LetterRecord* r : company) {
      for (const BuiltDocument& d : BuildLetterDocuments(*r, links, texts, tg)) {
        Measure(d.document, total);
        ++items;
      }
      for (const Comment& c : r->letter.comments) {
        headings.Add(SourceVolume(tg, Join(c.headings), true, 2));
        text.Add(SourceVolume(tg, c.text, true, 1));
      }
      for (const Response& resp : r->letter.responses) {
        headings.Add(SourceVolume(tg, Join(resp.headings), true, 2));
        text.Add(SourceVolume(tg, resp.text, true, 1));
        extra.Add(SourceVolume(tg, resp.comment_text, false, 1));
        if (!resp.comment_text.empty()) ++responses_with_extra;
      }
    }
    begin = end;
  }
  std::cout << fmt::format("{} letters, {} documents ({} responses with a restated comment)\n",
                           letters.size(), items, responses_with_extra);
  std::cout << fmt::format("{:<34} {:>9} {:>9} {:>10}\n", "per document", "postings", "wdf",
                           "positions");
  Print("unprefixed words", total.words, items);
  Print("Z stems (none since schema 2)", total.stems, items);
  Print("weighted prefixed (standards, ...)", total.weighted, items);
  Print("boolean (filters, ids)", total.boolean, items);
  Volume all;
  for (const Volume* v : {&total.words, &total.stems, &total.weighted, &total.boolean}) all.Add(*v);
  Print("all terms", all, items);
  std::cout << "by source, each alone:\n";
  Print("headings (positions, wdf 2)", headings, items);
  Print("text (positions)", text, items);
  Print("extra_text (no positions)", extra, items);
  std::cout << fmt::format("values {:.1f} ({:.0f} bytes), data {:.0f} bytes per document\n",
                           total.values / (double)items, total.value_bytes / (double)items,
                           total.data_bytes / (double)items);
  return 0;
}
