// web-index-corpus CORPUS.jsonl INDEX_DIR: indexes a tools/gen-corpus corpus (one LetterRecord
// JSON per line) with the real index writer, so bench/web/run.sh can load-test `corresp serve`
// over a large index. Prints letters, documents and seconds.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "indexer/index/index_writer.h"
#include "indexer/index/letter_record.h"

namespace fs = std::filesystem;
using namespace corresp;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: web-index-corpus CORPUS.jsonl INDEX_DIR\n";
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  fs::remove_all(argv[2], ec);
  auto writer = IndexWriter::Open(argv[2]);
  if (!writer.ok()) return std::cerr << writer.status().ToString() << "\n", 1;
  std::ifstream in(argv[1]);
  std::string line;
  long letters = 0;
  std::optional<Cik> current;
  auto flush = [&]() -> bool {
    if (!current) return true;
    auto threads = (*writer)->RebuildCompany(*current);
    if (!threads.ok()) std::cerr << threads.status().ToString() << "\n";
    return threads.ok();
  };
  while (std::getline(in, line)) {
    auto record = LetterRecordFromJson(nlohmann::json::parse(line, nullptr, false));
    if (!record.ok()) continue;
    if (current && !(record->cik == *current) && !flush()) return 1;
    current = record->cik;
    if (Status put = (*writer)->PutLetter(*record); !put.ok())
      return std::cerr << put.ToString() << "\n", 1;
    if (++letters % 5000 == 0) (void)(*writer)->Commit();
  }
  if (!flush()) return 1;
  if (Status done = (*writer)->Commit(); !done.ok()) return std::cerr << done.ToString() << "\n", 1;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "letters " << letters << " documents " << *(*writer)->DocumentCount() << " seconds "
            << seconds << "\n";
  return 0;
}
