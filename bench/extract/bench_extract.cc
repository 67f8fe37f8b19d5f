// bench_extract [MIRROR] [--repeat N]: extraction throughput over a mirror's letters (default
// ../shared/corpus/edgar, else tests/data/edgar), HTML and PDF separately, in MB/s and
// letters/s, against baselines measured in the same run: Gumbo parsing alone for HTML, and
// `pdftotext` (poppler-utils, one process per file) for PDF. Prints the ratios.
#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/extract/extract.h"

namespace fs = std::filesystem;

namespace {

struct Doc {
  std::string path;
  std::string bytes;
  bool pdf;
};

std::vector<Doc> LoadMirror(const fs::path& root) {
  std::vector<Doc> docs;
  std::ifstream manifest(root / "MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  while (std::getline(manifest, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() < 8) continue;
    fs::path p = root / f[7];
    std::ifstream in(p, std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    docs.push_back({p.string(), body.str(), p.extension() == ".pdf"});
  }
  return docs;
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct Rate {
  double seconds = 0;
  size_t bytes = 0, letters = 0;
  double MBps() const { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
  double Lps() const { return seconds > 0 ? letters / seconds : 0; }
};

void Print(const char* name, const Rate& r) {
  std::printf("  %-28s %8.2f MB/s %9.1f letters/s  (%zu letters, %.1f MB, %.2f s)\n", name,
              r.MBps(), r.Lps(), r.letters, r.bytes / 1e6, r.seconds);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = fs::exists("../shared/corpus/edgar/MANIFEST.tsv") ? "../shared/corpus/edgar"
                                                                    : "tests/data/edgar";
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc)
      repeat = std::stoi(argv[++i]);
    else
      root = a;
  }
  std::vector<Doc> docs = LoadMirror(root);
  std::printf("corpus %s: %zu letters, repeat %d\n", root.c_str(), docs.size(), repeat);
  Rate html, gumbo, pdf, pdftotext;
  size_t sink = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const Doc& d : docs) {
      auto t0 = std::chrono::steady_clock::now();
      corresp::Letter l = corresp::ExtractLetter({d.bytes, d.path, std::nullopt});
      Rate& rate = d.pdf ? pdf : html;
      rate.seconds += Seconds(t0);
      rate.bytes += d.bytes.size();
      rate.letters += 1;
      sink += l.comments.size() + l.responses.size();
      if (d.pdf) {
        t0 = std::chrono::steady_clock::now();
        std::string cmd = "pdftotext -q '" + d.path + "' - > /dev/null";
        sink += std::system(cmd.c_str()) == 0;
        pdftotext.seconds += Seconds(t0);
        pdftotext.bytes += d.bytes.size();
        pdftotext.letters += 1;
      } else {
        t0 = std::chrono::steady_clock::now();
        GumboOutput* out =
            gumbo_parse_with_options(&kGumboDefaultOptions, d.bytes.data(), d.bytes.size());
        gumbo_destroy_output(&kGumboDefaultOptions, out);
        gumbo.seconds += Seconds(t0);
        gumbo.bytes += d.bytes.size();
        gumbo.letters += 1;
      }
    }
  }
  std::printf("HTML\n");
  Print("extract (corresp)", html);
  Print("gumbo parse only", gumbo);
  std::printf("  ratio extract/gumbo time: %.2fx\n",
              gumbo.seconds > 0 ? html.seconds / gumbo.seconds : 0);
  std::printf("PDF\n");
  Print("extract (corresp)", pdf);
  Print("pdftotext (process/file)", pdftotext);
  std::printf("  ratio extract/pdftotext time: %.2fx\n",
              pdftotext.seconds > 0 ? pdf.seconds / pdftotext.seconds : 0);
  return sink == 0 ? 1 : 0;
}
