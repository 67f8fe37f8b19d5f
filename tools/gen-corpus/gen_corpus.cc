// gen-corpus N [--source DIR]... [--out FILE] [--seed S]: builds a synthetic corpus of N staff
// comments by recombining real comment paragraphs, for benchmarks. Real letters under each
// source folder (.pdf/.htm/.txt, searched recursively; default tests/data) are extracted with
// the project's extractor; their comment paragraphs and heading paths are the material. Each
// synthetic comment joins 1-3 paragraphs drawn from different real comments under a real
// heading path; comments are grouped into letters of 3-12 comments, letters into companies
// (about 40 comments per company) dated 2005-2025, each letter followed by a company response
// letter answering half of its comments. Output: one LetterRecord JSON per line
// (indexer/index/letter_record.h), deterministic for a given seed.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/extract/extract.h"
#include "indexer/index/letter_record.h"

namespace fs = std::filesystem;
using namespace corresp;

namespace {

struct Material {
  std::vector<std::string> paragraphs;
  std::vector<std::vector<std::string>> headings;
  std::vector<std::string> answers;
  std::vector<std::string> companies;
};

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string p = text.substr(pos, end - pos);
    if (p.size() > 60) out.push_back(p);
    pos = end + 2;
  }
  return out;
}

void Collect(const fs::path& file, Material& m) {
  std::string ext = file.extension().string();
  if (ext != ".pdf" && ext != ".htm" && ext != ".txt") return;
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (bytes.size() > (8u << 20)) return;
  Letter letter = ExtractLetter({bytes, file.string(), std::nullopt});
  for (const Comment& c : letter.comments) {
    for (std::string& p : Paragraphs(c.text)) m.paragraphs.push_back(std::move(p));
    if (!c.headings.empty()) m.headings.push_back(c.headings);
  }
  for (const Response& r : letter.responses)
    for (std::string& p : Paragraphs(r.text)) m.answers.push_back(std::move(p));
  if (!letter.company.empty()) m.companies.push_back(letter.company);
}

template <typename T>
const T& Pick(const std::vector<T>& v, std::mt19937_64& rng) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

std::string Accession(const char* filer, int year, long seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d-%06ld", filer, year % 100, seq % 1000000);
  return buf;
}

LetterRecord StaffLetter(const Material& m, std::mt19937_64& rng, long& comments_left, long cik,
                         const std::string& company, Date date, long seq) {
  LetterRecord r;
  r.accession = *corresp::Accession::Parse(Accession("0000000000", date.year, seq));
  r.cik = Cik{static_cast<std::uint64_t>(cik)};
  r.company = company;
  r.form = "UPLOAD";
  r.date_filed = date;
  r.document = "filename1.pdf";
  r.letter.kind = LetterKind::kCommentLetter;
  r.letter.letter_date = date;
  r.letter.references.push_back(Reference{"10-K", Date{date.year - 1, 12, 31}, std::nullopt, {}});
  int n = std::uniform_int_distribution<int>(3, 12)(rng);
  for (int i = 1; i <= n && comments_left > 0; ++i, --comments_left) {
    Comment c;
    c.number = i;
    if (!m.headings.empty()) c.headings = Pick(m.headings, rng);
    int parts = std::uniform_int_distribution<int>(1, 3)(rng);
    for (int p = 0; p < parts; ++p) c.text += (p ? "\n\n" : "") + Pick(m.paragraphs, rng);
    r.letter.comments.push_back(std::move(c));
  }
  return r;
}

LetterRecord ResponseLetter(const Material& m, std::mt19937_64& rng, const LetterRecord& staff,
                            long seq) {
  LetterRecord r = staff;
  Date date = staff.SortDate().AddDays(std::uniform_int_distribution<int>(7, 30)(rng));
  r.accession = *corresp::Accession::Parse(Accession("0000000001", date.year, seq));
  r.form = "CORRESP";
  r.date_filed = date;
  r.document = "filename1.htm";
  r.letter.kind = LetterKind::kResponse;
  r.letter.letter_date = date;
  r.letter.comments.clear();
  for (const Comment& c : staff.letter.comments) {
    if (rng() % 2 || m.answers.empty()) continue;
    r.letter.responses.push_back(Response{c.number, c.headings, c.text, Pick(m.answers, rng)});
  }
  return r;
}

int Usage() {
  std::cerr << "usage: gen-corpus N [--source DIR]... [--out FILE] [--seed S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  long total = std::atol(argv[1]);
  std::vector<fs::path> sources;
  std::string out_path = "-";
  unsigned long seed = 42;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--source")
      sources.emplace_back(argv[i + 1]);
    else if (flag == "--out")
      out_path = argv[i + 1];
    else if (flag == "--seed")
      seed = std::stoul(argv[i + 1]);
    else
      return Usage();
  }
  if (total <= 0) return Usage();
  if (sources.empty()) sources.emplace_back(CORRESP_TEST_DATA);
  Material m;
  for (const fs::path& dir : sources)
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file()) Collect(entry.path(), m);
  if (m.paragraphs.empty()) {
    std::cerr << "gen-corpus: no comment paragraphs found in the sources\n";
    return 1;
  }
  if (m.companies.empty()) m.companies.push_back("ACME CORP");
  std::cerr << "gen-corpus: " << m.paragraphs.size() << " paragraphs, " << m.answers.size()
            << " answers, " << m.headings.size() << " heading paths\n";
  std::ofstream file;
  if (out_path != "-") file.open(out_path);
  std::ostream& out = out_path == "-" ? std::cout : file;
  std::mt19937_64 rng(seed);
  long left = total, seq = 0, cik = 9000000;
  while (left > 0) {
    ++cik;
    std::string company = Pick(m.companies, rng) + " " + std::to_string(cik);
    long per_company = std::min(left, 40L);
    long company_left = per_company;
    Date date{2005 + static_cast<int>(rng() % 20), 1 + static_cast<int>(rng() % 12),
              1 + static_cast<int>(rng() % 28)};
    while (company_left > 0) {
      LetterRecord staff = StaffLetter(m, rng, company_left, cik, company, date, ++seq);
      out << LetterRecordToJson(staff).dump() << "\n";
      out << LetterRecordToJson(ResponseLetter(m, rng, staff, ++seq)).dump() << "\n";
      date = date.AddDays(std::uniform_int_distribution<int>(40, 400)(rng));
    }
    left -= per_company;
  }
  return 0;
}
