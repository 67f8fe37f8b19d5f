// search-bench CORPUS.jsonl WORKDIR [--repeat R] [--spelling 0|1] [--reuse 0|1] [--builders N]
// [--index-baseline 0|1] [--batch LETTERS] [--order corpus|accession]: indexes a
// gen-corpus corpus with the real index writer and, over the same documents, an SQLite FTS5 table
// (porter stemming, bm25 ranking); then runs 50 realistic queries R times against each (warm
// caches, one process) and prints latency p50/p95/p99, indexing throughput and index bytes per
// comment, with the Xapian/FTS5 ratios. Both sides return the ten best hits with a highlighted
// snippet. --builders: IndexWriterOptions::builder_threads (default 1). --index-baseline 1
// (default) also indexes with no builder thread first and prints the items/s ratio. --batch:
// letters per batch and commit (default 200, as `corresp index`). --order accession: index the
// letters in accession order, as `corresp index` does (staff letters of every company first, so
// a company is re-linked in many batches); the default keeps the corpus order (by company).
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "indexer/index/compact.h"
#include "indexer/index/index_writer.h"
#include "indexer/index/letter_record.h"
#include "query/search.h"

namespace fs = std::filesystem;
using namespace corresp;
using Clock = std::chrono::steady_clock;

namespace {

// Each query: terms/phrases that must all match (Xapian: default AND; FTS5: AND of quoted).
const std::vector<std::vector<std::string>>& Queries() {
  static const std::vector<std::vector<std::string>> q = {
      {"\"hedge accounting\""},
      {"\"loans held for sale\""},
      {"revenue", "recognition"},
      {"\"non-GAAP\"", "measures"},
      {"goodwill", "impairment"},
      {"\"critical accounting estimates\""},
      {"\"reportable segments\""},
      {"liquidity", "\"capital resources\""},
      {"\"material weakness\""},
      {"subprime"},
      {"\"allowance for loan losses\""},
      {"restructuring", "charges"},
      {"\"fair value\"", "hierarchy"},
      {"\"Level 3\""},
      {"\"income taxes\""},
      {"\"valuation allowance\""},
      {"\"deferred tax assets\""},
      {"contingencies", "\"reasonably possible\""},
      {"\"business combination\""},
      {"cybersecurity"},
      {"climate"},
      {"Syria", "Sudan"},
      {"\"state sponsors of terrorism\""},
      {"China"},
      {"\"variable interest entity\""},
      {"leases", "\"right-of-use\""},
      {"\"stock-based compensation\""},
      {"pension", "assumptions"},
      {"inventory", "reserves"},
      {"\"earnings per share\""},
      {"\"cash flows\"", "operating"},
      {"securitization"},
      {"\"available-for-sale\""},
      {"\"risk factors\""},
      {"\"executive compensation\""},
      {"\"related party\""},
      {"\"discontinued operations\""},
      {"\"proved reserves\""},
      {"\"foreign currency\""},
      {"covenants"},
      {"pandemic"},
      {"\"please tell us\"", "basis"},
      {"\"in future filings\"", "revise"},
      {"disclose", "quantify"},
      {"\"revise your disclosure\""},
      {"\"results of operations\"", "trends"},
      {"derivative", "instruments"},
      {"\"performance obligations\""},
      {"\"operating segments\"", "aggregation"},
      {"\"critical audit matter\""}};
  return q;
}

std::string XapianQuery(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : " ") + p;
  return s;
}

std::string Fts5Query(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) {
    std::string quoted = p.front() == '"' ? p : "\"" + p + "\"";
    s += (s.empty() ? "" : " AND ") + quoted;
  }
  return s;
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))];
}

uint64_t DirBytes(const fs::path& p) {
  uint64_t total = 0;
  if (fs::is_regular_file(p)) return fs::file_size(p);
  for (const auto& e : fs::recursive_directory_iterator(p))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

struct Corpus {
  std::vector<LetterRecord> letters;
  long comments = 0;
  long items = 0;
  long skipped = 0;
  uint64_t text_bytes = 0;
};

Corpus Load(const std::string& path) {
  Corpus c;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto r = LetterRecordFromJson(nlohmann::json::parse(line));
    if (!r.ok()) {
      if (c.skipped++ == 0)
        std::cerr << "search-bench: skipping: " << r.status().ToString() << "\n";
      continue;
    }
    c.comments += r->letter.comments.size();
    c.items += r->letter.comments.size() + r->letter.responses.size();
    for (const auto& x : r->letter.comments) c.text_bytes += x.text.size();
    for (const auto& x : r->letter.responses) c.text_bytes += x.text.size() + x.comment_text.size();
    c.letters.push_back(std::move(r).value());
  }
  return c;
}

// Letters per batch, as `corresp index` (IndexOptions::batch_size): each batch stores its
// letters, rebuilds its companies (a company spanning two batches is rebuilt twice; its
// unchanged letters keep their documents) and commits.
size_t batch_letters = 200;  // --batch

struct XapianBuild {
  double seconds = 0;
  IndexWriterStats stats;
};

// CPU seconds used so far by the process (`who` RUSAGE_SELF) or the calling thread
// (RUSAGE_THREAD): on a shared machine they show the work when wall time shows the load.
double CpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

XapianBuild BuildXapian(const Corpus& c, const fs::path& dir, bool spelling, int builders) {
  fs::remove_all(dir);
  auto start = Clock::now();
  double cpu0 = CpuSeconds(RUSAGE_SELF), writer_cpu0 = CpuSeconds(RUSAGE_THREAD);
  IndexWriterOptions options;
  options.spelling = spelling;
  options.builder_threads = builders;
  auto writer = IndexWriter::Open(dir, options);
  if (!writer.ok()) throw std::runtime_error(writer.status().ToString());
  double put_s = 0, rebuild_s = 0, commit_s = 0;
  for (size_t begin = 0; begin < c.letters.size(); begin += batch_letters) {
    size_t end = std::min(c.letters.size(), begin + batch_letters);
    std::vector<Cik> companies;
    auto t0 = Clock::now();
    for (size_t i = begin; i < end; ++i) {
      (void)(*writer)->PutLetter(c.letters[i]);
      if (companies.empty() || !(companies.back() == c.letters[i].cik))
        companies.push_back(c.letters[i].cik);
    }
    auto t1 = Clock::now();
    auto threads = (*writer)->RebuildCompanies(companies);
    if (!threads.ok()) throw std::runtime_error(threads.status().ToString());
    auto t2 = Clock::now();
    (void)(*writer)->Commit();
    put_s += std::chrono::duration<double>(t1 - t0).count();
    rebuild_s += std::chrono::duration<double>(t2 - t1).count();
    commit_s += std::chrono::duration<double>(Clock::now() - t2).count();
  }
  XapianBuild out;
  out.stats = (*writer)->stats();
  writer->reset();
  std::cerr << fmt::format(
      "xapian ({} builder threads): letters {:.1f}s, documents {:.1f}s, commits {:.1f}s; cpu "
      "{:.1f}s of which the writing thread {:.1f}s; {} letters built, {} unchanged, {} "
      "documents\n",
      builders, put_s, rebuild_s, commit_s, CpuSeconds(RUSAGE_SELF) - cpu0,
      CpuSeconds(RUSAGE_THREAD) - writer_cpu0, out.stats.letters_built, out.stats.letters_unchanged,
      out.stats.documents_written);
  // As `corresp index --compact` does after a rebuild (FTS5's side runs 'optimize').
  auto compacted = CompactIndex(dir);
  if (!compacted.ok()) throw std::runtime_error(compacted.status().ToString());
  std::cerr << fmt::format("xapian: compacted {:.1f} -> {:.1f} MB in {:.1f}s\n",
                           compacted->bytes_before / 1e6, compacted->bytes_after / 1e6,
                           compacted->seconds);
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return out;
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(m);
  }
}

double BuildFts5(const Corpus& c, const fs::path& file, sqlite3** out) {
  fs::remove(file);
  auto start = Clock::now();
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  Exec(db,
       "CREATE VIRTUAL TABLE items USING fts5(id UNINDEXED, company, headings, text, "
       "tokenize='porter unicode61')");
  Exec(db, "BEGIN");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO items VALUES (?1, ?2, ?3, ?4)", -1, &st, nullptr);
  auto insert = [&](const std::string& id, const LetterRecord& r, const std::vector<std::string>& h,
                    const std::string& text) {
    std::string headings;
    for (const auto& x : h) headings += x + " / ";
    sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, r.company.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, headings.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_reset(st);
  };
  for (const LetterRecord& r : c.letters) {
    ItemIds ids = MakeItemIds(r);
    for (size_t i = 0; i < ids.comments.size(); ++i)
      insert(ids.comments[i], r, r.letter.comments[i].headings, r.letter.comments[i].text);
    for (size_t i = 0; i < ids.responses.size(); ++i)
      insert(ids.responses[i], r, r.letter.responses[i].headings,
             r.letter.responses[i].text + "\n" + r.letter.responses[i].comment_text);
  }
  sqlite3_finalize(st);
  Exec(db, "COMMIT");
  Exec(db, "INSERT INTO items(items) VALUES('optimize')");
  *out = db;
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<double> TimeXapian(IndexReader& reader, int repeat, long* hits) {
  std::vector<double> ms;
  std::map<std::string, double> worst;             // query -> slowest measured time
  for (int round = -1; round < repeat; ++round) {  // round -1 warms the caches
    for (const auto& q : Queries()) {
      SearchRequest r;
      r.query = XapianQuery(q);
      auto start = Clock::now();
      auto res = Search(reader, r);
      double t = Ms(Clock::now() - start);
      if (!res.ok()) throw std::runtime_error(res.status().ToString());
      if (round >= 0) ms.push_back(t), *hits += res->hits.size();
      if (round >= 0) worst[r.query] = std::max(worst[r.query], t);
    }
  }
  std::vector<std::pair<double, std::string>> slow;
  for (const auto& [q, t] : worst) slow.emplace_back(t, q);
  std::sort(slow.rbegin(), slow.rend());
  std::cerr << "xapian: slowest queries:";
  for (size_t i = 0; i < slow.size() && i < 5; ++i)
    std::cerr << fmt::format(" [{}] {:.1f} ms", slow[i].second, slow[i].first);
  std::cerr << "\n";
  return ms;
}

std::vector<double> TimeFts5(sqlite3* db, int repeat, long* hits) {
  std::vector<double> ms;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT id, company, snippet(items, 3, '<b>', '</b>', '...', 40) FROM items "
                     "WHERE items MATCH ?1 ORDER BY rank LIMIT 10",
                     -1, &st, nullptr);
  for (int round = -1; round < repeat; ++round) {
    for (const auto& q : Queries()) {
      std::string fts = Fts5Query(q);
      auto start = Clock::now();
      sqlite3_bind_text(st, 1, fts.c_str(), -1, SQLITE_TRANSIENT);
      long n = 0;
      while (sqlite3_step(st) == SQLITE_ROW) ++n;
      sqlite3_reset(st);
      double t = Ms(Clock::now() - start);
      if (round >= 0) ms.push_back(t), *hits += n;
    }
  }
  sqlite3_finalize(st);
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: search-bench CORPUS.jsonl WORKDIR [--repeat R] [--spelling 0|1] "
                 "[--reuse 0|1] [--builders N] [--index-baseline 0|1] [--batch LETTERS] "
                 "[--order corpus|accession]\n";
    return 2;
  }
  int repeat = 5;
  bool spelling = true, reuse = false, index_baseline = true, by_accession = false;
  int builders = IndexWriterOptions{}.builder_threads;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--repeat") repeat = std::atoi(argv[i + 1]);
    if (std::string(argv[i]) == "--spelling") spelling = std::string(argv[i + 1]) != "0";
    if (std::string(argv[i]) == "--reuse") reuse = std::string(argv[i + 1]) != "0";
    if (std::string(argv[i]) == "--builders") builders = std::atoi(argv[i + 1]);
    if (std::string(argv[i]) == "--batch") batch_letters = std::max(1, std::atoi(argv[i + 1]));
    if (std::string(argv[i]) == "--order") by_accession = std::string(argv[i + 1]) == "accession";
    if (std::string(argv[i]) == "--index-baseline")
      index_baseline = std::string(argv[i + 1]) != "0";
  }
  fs::path work = argv[2];
  fs::create_directories(work);
  try {
    auto load_start = Clock::now();
    Corpus c = Load(argv[1]);
    if (by_accession)  // as `corresp index` takes them (Catalog::ListToIndex)
      std::sort(c.letters.begin(), c.letters.end(),
                [](const LetterRecord& a, const LetterRecord& b) {
                  return a.accession.text < b.accession.text;
                });
    // Parsing a record is what re-linking a company costs per letter (IndexWriter::PlanCompany).
    std::cerr << fmt::format("corpus: {} letters parsed in {:.2f}s\n", c.letters.size(),
                             std::chrono::duration<double>(Clock::now() - load_start).count());
    double mb = c.text_bytes / 1e6;
    // --reuse 1: query the indexes a previous run left in WORKDIR (its build times are kept in
    // WORKDIR/build.json), e.g. to measure latency again on a quiet machine.
    double xs = 0, fs5 = 0, xapian_base_s = 0;
    sqlite3* fts = nullptr;
    fs::path times = work / "build.json";
    if (reuse && fs::exists(times)) {
      std::ifstream in(times);
      nlohmann::json t = nlohmann::json::parse(in);
      xs = t.at("xapian_s"), fs5 = t.at("fts5_s");
      sqlite3_open((work / "fts5.sqlite").c_str(), &fts);
    } else {
      if (index_baseline) {  // the same writer with documents built on the writing thread
        double base = BuildXapian(c, work / "xapian", spelling, 0).seconds;
        std::cerr << fmt::format("xapian: 0 builder threads {:.0f} items/s\n", c.items / base);
        xapian_base_s = base;
      }
      XapianBuild built = BuildXapian(c, work / "xapian", spelling, builders);
      xs = built.seconds;
      std::cout << fmt::format("xapian indexing: {:.0f} items/s with {} builder thread(s)",
                               c.items / xs, builders);
      if (xapian_base_s > 0)
        std::cout << fmt::format(", {:.0f} items/s with none: ratio {:.2f}x",
                                 c.items / xapian_base_s, xapian_base_s / xs);
      std::cout << "\n";
      fs5 = BuildFts5(c, work / "fts5.sqlite", &fts);
      std::ofstream(times) << nlohmann::json{{"xapian_s", xs}, {"fts5_s", fs5}}.dump() << "\n";
    }
    uint64_t xbytes = DirBytes(work / "xapian"), fbytes = DirBytes(work / "fts5.sqlite");
    auto reader = IndexReader::Open(work / "xapian");
    if (!reader.ok()) throw std::runtime_error(reader.status().ToString());
    long xh = 0, fh = 0;
    std::vector<double> x = TimeXapian(**reader, repeat, &xh);
    std::vector<double> f = TimeFts5(fts, repeat, &fh);
    sqlite3_close(fts);
    nlohmann::json out = {{"comments", c.comments},
                          {"items", c.items},
                          {"letters", c.letters.size()},
                          {"text_mb", mb},
                          {"queries", Queries().size()},
                          {"repeat", repeat},
                          {"xapian",
                           {{"p50_ms", Percentile(x, .5)},
                            {"p95_ms", Percentile(x, .95)},
                            {"p99_ms", Percentile(x, .99)},
                            {"index_seconds", xs},
                            {"comments_per_s", c.comments / xs},
                            {"items_per_s", c.items / xs},
                            {"builder_threads", builders},
                            {"baseline_items_per_s",
                             xapian_base_s > 0 ? nlohmann::json(c.items / xapian_base_s) : nullptr},
                            {"mb_per_s", mb / xs},
                            {"bytes_per_comment", double(xbytes) / c.comments},
                            {"hits", xh}}},
                          {"fts5",
                           {{"p50_ms", Percentile(f, .5)},
                            {"p95_ms", Percentile(f, .95)},
                            {"p99_ms", Percentile(f, .99)},
                            {"index_seconds", fs5},
                            {"comments_per_s", c.comments / fs5},
                            {"mb_per_s", mb / fs5},
                            {"bytes_per_comment", double(fbytes) / c.comments},
                            {"hits", fh}}}};
    std::cout << fmt::format(
        "{} comments ({} items, {:.1f} MB text), {} queries x {}\n"
        "            p50 ms   p95 ms   p99 ms   index s  comments/s  MB/s   bytes/comment\n"
        "xapian   {:8.2f} {:8.2f} {:8.2f} {:9.1f} {:10.0f} {:6.2f} {:10.0f}\n"
        "fts5     {:8.2f} {:8.2f} {:8.2f} {:9.1f} {:10.0f} {:6.2f} {:10.0f}\n"
        "ratio fts5/xapian p99: {:.2f}x\n",
        c.comments, c.items, mb, Queries().size(), repeat, Percentile(x, .5), Percentile(x, .95),
        Percentile(x, .99), xs, c.comments / xs, mb / xs, double(xbytes) / c.comments,
        Percentile(f, .5), Percentile(f, .95), Percentile(f, .99), fs5, c.comments / fs5, mb / fs5,
        double(fbytes) / c.comments, Percentile(f, .99) / Percentile(x, .99));
    std::cout << out.dump() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "search-bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
