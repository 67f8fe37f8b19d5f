// search-bench CORPUS.jsonl WORKDIR [--repeat R] [--spelling 0|1] [--reuse 0|1] [--facets 0|1]
// [--fts5 0|1] [--exact-facets-up-to N] [--builders N] [--writers N] [--index-baseline 0|1]
// [--batch LETTERS] [--order corpus|accession]: indexes a gen-corpus corpus with the real index
// writer and, over the same documents, an SQLite FTS5 table (porter stemming, bm25 ranking) with a
// facet table beside it; then runs 50 realistic queries R times against each (warm caches, one
// process), without and with facets (Xapian: sampled above N matches, and exact; FTS5: GROUP BY
// counts), and prints latency p50/p95/p99 with the spread of the per-round p50/p99, indexing
// throughput (items/s, and the memory the writer adds to the loaded corpus), index bytes per
// comment and per item, peak RSS of the query phases, and the Xapian/FTS5 ratios. Both sides return
// the ten best hits with a highlighted snippet. --builders: IndexWriterOptions::builder_threads
// (default 1). --writers: BackfillWriters on an empty index, as `corresp index` fills one (default
// 2; 1 is the single IndexWriter plus compaction). --index-baseline 1 (default) also indexes with
// no builder thread first and prints the items/s ratio. --batch: letters per batch and commit
// (default 200, as `corresp index`).
// --order accession: index the letters in accession order (staff letters of every company
// first, so a company is re-linked in many batches); the default keeps the corpus order (by
// company), as `corresp index` takes them (Catalog::ListToIndex). See README.md.
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
#include <string_view>
#include <vector>

#include "bench/search/bench_queries.h"
#include "core/index_schema.h"
#include "indexer/index/backfill_writers.h"
#include "indexer/index/compact.h"
#include "indexer/index/index_writer.h"
#include "indexer/index/letter_record.h"
#include "query/search.h"

namespace fs = std::filesystem;
using namespace corresp;
using Clock = std::chrono::steady_clock;
using bench::Queries;
using bench::XapianQuery;

namespace {

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

// The same index written by `writers` BackfillWriters, as `corresp index` fills an empty index:
// the corpus (in company order) split into contiguous parts at company changes, each part's
// letters in batches of --batch letters for its writer (BackfillSchedule), the partials merged
// (and so compacted) at the end.
XapianBuild BuildXapianParallel(const Corpus& c, const fs::path& dir, bool spelling, int builders,
                                int writers) {
  fs::remove_all(dir);
  auto start = Clock::now();
  double cpu0 = CpuSeconds(RUSAGE_SELF);
  BackfillWritersOptions options;
  options.writers = writers;
  options.writer.spelling = spelling;
  options.builder_threads = builders;
  std::vector<Cik> order;
  for (const LetterRecord& r : c.letters) order.push_back(r.cik);
  std::vector<size_t> bounds = SplitCompanies(order, writers);
  options.writers = static_cast<int>(bounds.size()) - 1;
  auto bw = BackfillWriters::Start(dir, options);
  if (!bw.ok()) throw std::runtime_error(bw.status().ToString());
  BackfillSchedule schedule(bounds, options.max_queued_batches);
  auto take = [&](bool wait) {
    std::optional<BackfillBatchDone> done = (*bw)->Next(wait);
    if (!done) return false;
    if (!done->threads.ok()) throw std::runtime_error(done->threads.status().ToString());
    schedule.Finished(done->tag);
    return true;
  };
  size_t k = 0;
  for (uint64_t tag = 1;; ++tag) {
    BackfillSchedule::Step step = schedule.Next(k);
    if (step == BackfillSchedule::Step::kDone) break;
    if (step == BackfillSchedule::Step::kWait) {
      take(true);
      continue;
    }
    size_t begin = schedule.Begin(k), end = std::min(schedule.End(k), begin + batch_letters);
    BackfillBatch batch{static_cast<int>(k), tag, {}};
    batch.letters.assign(c.letters.begin() + static_cast<long>(begin),
                         c.letters.begin() + static_cast<long>(end));
    schedule.Submitted(k, end, tag);
    Status st = (*bw)->Submit(std::move(batch));
    if (!st.ok()) throw std::runtime_error(st.ToString());
    while (take(false)) {
    }
  }
  while (take(true)) {
  }
  auto written = Clock::now();
  auto merged = (*bw)->Finish();
  if (!merged.ok()) throw std::runtime_error(merged.status().ToString());
  const BackfillWritersStats& stats = (*bw)->stats();
  std::string cpus;
  for (double s : stats.cpu_seconds) cpus += fmt::format("{}{:.1f}s", cpus.empty() ? "" : " + ", s);
  std::cerr << fmt::format(
      "xapian ({} writers, {} builder thread(s) each): writing {:.1f}s, merge {:.1f}s; cpu "
      "{:.1f}s of which the writing threads {}; {} letters built, {} unchanged, {} documents\n",
      stats.cpu_seconds.size(), builders, std::chrono::duration<double>(written - start).count(),
      merged->seconds, CpuSeconds(RUSAGE_SELF) - cpu0, cpus, stats.writer.letters_built,
      stats.writer.letters_unchanged, stats.writer.documents_written);
  std::cerr << fmt::format("xapian: merged {} partials -> {:.1f} MB ({} documents) in {:.1f}s\n",
                           stats.cpu_seconds.size(), merged->bytes_after / 1e6, merged->documents,
                           merged->seconds);
  XapianBuild out;
  out.stats = stats.writer;
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

// FTS5's side of the facets: a table keyed by the FTS5 rowid with the facet fields of each item
// (single values as columns, topics and standards as JSON arrays), so a search counts its
// matches' values with GROUP BY. The values are those the Xapian index holds (its packed facet
// slot, read by the item's id), so both engines count the same fields. Skipped when the table
// is already filled (--reuse 1). Returns the seconds it took.
double AddFts5Facets(sqlite3* db, const fs::path& xapian_dir) {
  auto start = Clock::now();
  Exec(db,
       "CREATE TABLE IF NOT EXISTS item_facets(item INTEGER PRIMARY KEY, form TEXT, year TEXT, "
       "company TEXT, status TEXT, office TEXT, topics TEXT, standards TEXT)");
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM item_facets", -1, &st, nullptr);
  long have = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  if (have > 0) return 0;
  Xapian::Database xdb(xapian_dir.string());
  Exec(db, "BEGIN");
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO item_facets VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1,
                     &ins, nullptr);
  // The content table's id column (c0) comes first, so the text is not read.
  sqlite3_prepare_v2(db, "SELECT id, c0 FROM items_content", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::string id = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    auto post = xdb.postlist_begin(std::string(schema::kPrefixId) + id);
    if (post == xdb.postlist_end(std::string(schema::kPrefixId) + id)) continue;
    std::string packed =
        xdb.get_document(*post, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotFacets);
    std::map<char, std::string> single;
    nlohmann::json topics = nlohmann::json::array(), standards = nlohmann::json::array();
    std::string_view rest = packed;
    while (!rest.empty()) {
      size_t end = rest.find('\t');
      std::string_view token = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      if (token.size() < 2 || token[1] != '=') continue;
      std::string value(token.substr(2));
      if (token[0] == schema::kFacetTopic)
        topics.push_back(value);
      else if (token[0] == schema::kFacetStandard)
        standards.push_back(value);
      else
        single[token[0]] = value;
    }
    sqlite3_bind_int64(ins, 1, sqlite3_column_int64(st, 0));
    int column = 2;
    for (char field : {schema::kFacetForm, schema::kFacetYear, schema::kFacetCompany,
                       schema::kFacetStatus, schema::kFacetOffice}) {
      auto it = single.find(field);
      if (it == single.end())
        sqlite3_bind_null(ins, column++);
      else
        sqlite3_bind_text(ins, column++, it->second.c_str(), -1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_text(ins, 7, topics.dump().c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 8, standards.dump().c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(st);
  sqlite3_finalize(ins);
  Exec(db, "COMMIT");
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Latencies of R measured rounds of the 50 queries (after one warm-up round), with each
// round's p50 and p99 for the run-to-run spread.
struct Timing {
  std::vector<double> ms;
  std::vector<double> round_p50, round_p99;
  long hits = 0;
  std::map<std::string, double> worst;  // query -> slowest measured time
};

// `one(parts)` runs one query and returns its hit count.
template <typename F>
Timing TimeQueries(int repeat, F&& one) {
  Timing t;
  for (int round = -1; round < repeat; ++round) {  // round -1 warms the caches
    std::vector<double> this_round;
    for (const auto& q : Queries()) {
      auto start = Clock::now();
      long n = one(q);
      double ms = Ms(Clock::now() - start);
      if (round < 0) continue;
      t.ms.push_back(ms);
      this_round.push_back(ms);
      t.hits += n;
      std::string key = XapianQuery(q);
      t.worst[key] = std::max(t.worst[key], ms);
    }
    if (round < 0) continue;
    t.round_p50.push_back(Percentile(this_round, .5));
    t.round_p99.push_back(Percentile(this_round, .99));
  }
  return t;
}

void PrintSlowest(const std::string& label, const Timing& t) {
  std::vector<std::pair<double, std::string>> slow;
  for (const auto& [q, ms] : t.worst) slow.emplace_back(ms, q);
  std::sort(slow.rbegin(), slow.rend());
  std::cerr << label << ": slowest queries:";
  for (size_t i = 0; i < slow.size() && i < 5; ++i)
    std::cerr << fmt::format(" [{}] {:.1f} ms", slow[i].second, slow[i].first);
  std::cerr << "\n";
}

// A Xapian run: the product's Search() on a reader without a facet cache (each query counts
// its facets afresh, as a user's first page does).
Timing TimeXapian(IndexReader& reader, int repeat, bool facets, long exact_facets_up_to) {
  return TimeQueries(repeat, [&](const std::vector<std::string>& q) {
    SearchRequest r;
    r.query = XapianQuery(q);
    r.facets = facets;
    r.exact_facets_up_to = exact_facets_up_to;
    auto res = Search(reader, r);
    if (!res.ok()) throw std::runtime_error(res.status().ToString());
    return static_cast<long>(res->hits.size());
  });
}

// The ten best hits with a snippet; with `facets`, also the counts of every facet value over
// all matches (the GROUP BY equivalent of the Xapian facets).
Timing TimeFts5(sqlite3* db, int repeat, bool facets) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT id, company, snippet(items, 3, '<b>', '</b>', '...', 40) FROM items "
                     "WHERE items MATCH ?1 ORDER BY rank LIMIT 10",
                     -1, &st, nullptr);
  sqlite3_stmt* ft = nullptr;
  const char* kFacets =
      "WITH m AS MATERIALIZED (SELECT f.* FROM items JOIN item_facets f ON f.item = items.rowid "
      "WHERE items MATCH ?1) "
      "SELECT 'form', form, count(*) FROM m WHERE form IS NOT NULL GROUP BY form "
      "UNION ALL SELECT 'year', year, count(*) FROM m WHERE year IS NOT NULL GROUP BY year "
      "UNION ALL SELECT 'company', company, count(*) FROM m WHERE company IS NOT NULL "
      "GROUP BY company "
      "UNION ALL SELECT 'status', status, count(*) FROM m WHERE status IS NOT NULL "
      "GROUP BY status "
      "UNION ALL SELECT 'office', office, count(*) FROM m WHERE office IS NOT NULL "
      "GROUP BY office "
      "UNION ALL SELECT 'topic', j.value, count(*) FROM m, json_each(m.topics) j GROUP BY 2 "
      "UNION ALL SELECT 'standard', j.value, count(*) FROM m, json_each(m.standards) j "
      "GROUP BY 2";
  if (facets && sqlite3_prepare_v2(db, kFacets, -1, &ft, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("fts5 facets: ") + sqlite3_errmsg(db));
  Timing t = TimeQueries(repeat, [&](const std::vector<std::string>& q) {
    std::string fts = Fts5Query(q);
    sqlite3_bind_text(st, 1, fts.c_str(), -1, SQLITE_TRANSIENT);
    long n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) ++n;
    sqlite3_reset(st);
    if (ft) {
      sqlite3_bind_text(ft, 1, fts.c_str(), -1, SQLITE_TRANSIENT);
      while (sqlite3_step(ft) == SQLITE_ROW) {
      }
      sqlite3_reset(ft);
    }
    return n;
  });
  sqlite3_finalize(st);
  sqlite3_finalize(ft);
  return t;
}

// How far the sampled facet counts (the default exact_facets_up_to) are from the exact ones,
// over the values counted at least kMinCount times exactly: the largest and the median
// relative error, and how many of the 50 queries were sampled.
struct SampleError {
  int sampled_queries = 0;
  double max_error = 0, median_error = 0;
  long values = 0;
  double max_total_error = 0;  // of the estimated match counts
  // Of each query (exact facets): its match count, its facet counts and its ten hits' ids, to
  // compare two indexes of the same corpus (e.g. written by one writer and by two).
  std::vector<long> totals;
  std::vector<std::string> pages;
};
constexpr long kMinCount = 1000;  // values rarer than this are sampled too thinly to compare

SampleError MeasureSampleError(IndexReader& reader, long exact_facets_up_to) {
  SampleError out;
  std::vector<double> errors;
  for (const auto& q : Queries()) {
    SearchRequest r;
    r.query = XapianQuery(q);
    r.facets = true;
    r.exact_facets_up_to = 0;
    auto exact = Search(reader, r);
    r.exact_facets_up_to = exact_facets_up_to;
    auto sampled = Search(reader, r);
    if (!exact.ok() || !sampled.ok()) throw std::runtime_error("facet sample check failed");
    out.totals.push_back(exact->total);
    std::string page;
    for (const auto& [facet, counts] : exact->facets)
      for (const auto& [value, n] : counts) page += fmt::format("{}={}:{} ", facet, value, n);
    for (const SearchHit& h : exact->hits) page += h.id + " ";
    out.pages.push_back(std::move(page));
    if (sampled->facets_exact) continue;
    ++out.sampled_queries;
    out.max_total_error = std::max(out.max_total_error,
                                   std::abs(double(sampled->total - exact->total)) / exact->total);
    for (const auto& [facet, counts] : exact->facets)
      for (const auto& [value, n] : counts) {
        if (n < kMinCount) continue;
        auto f = sampled->facets.find(facet);
        long got = 0;
        if (f != sampled->facets.end() && f->second.count(value)) got = f->second.at(value);
        errors.push_back(std::abs(double(got - n)) / n);
      }
  }
  out.values = errors.size();
  if (!errors.empty()) {
    out.max_error = *std::max_element(errors.begin(), errors.end());
    out.median_error = Percentile(errors, .5);
  }
  return out;
}

// A memory figure of /proc/self/status ("VmHWM": the peak since the last ResetPeakRss();
// "VmRSS": now), in MB; 0 when unknown.
double StatusMb(std::string_view key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0 && line.size() > key.size() && line[key.size()] == ':')
      return std::atof(line.c_str() + key.size() + 1) / 1024;
  return 0;
}
double PeakRssMb() { return StatusMb("VmHWM"); }
double CurrentRssMb() { return StatusMb("VmRSS"); }

// Starts a new peak (Linux: writing 5 to clear_refs resets VmHWM to the current RSS).
void ResetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }

nlohmann::json Stats(const Timing& t) {
  auto [p50min, p50max] = std::minmax_element(t.round_p50.begin(), t.round_p50.end());
  auto [p99min, p99max] = std::minmax_element(t.round_p99.begin(), t.round_p99.end());
  return {{"p50_ms", Percentile(t.ms, .5)},     {"p95_ms", Percentile(t.ms, .95)},
          {"p99_ms", Percentile(t.ms, .99)},    {"round_p50_ms", {*p50min, *p50max}},
          {"round_p99_ms", {*p99min, *p99max}}, {"hits", t.hits}};
}

std::string Row(const std::string& label, const nlohmann::json& s) {
  return fmt::format("{:22} {:8.2f} {:8.2f} {:8.2f}   {:6.2f}-{:<6.2f} {:7.2f}-{:<7.2f}\n", label,
                     s["p50_ms"].get<double>(), s["p95_ms"].get<double>(),
                     s["p99_ms"].get<double>(), s["round_p50_ms"][0].get<double>(),
                     s["round_p50_ms"][1].get<double>(), s["round_p99_ms"][0].get<double>(),
                     s["round_p99_ms"][1].get<double>());
}

struct CorpusStats {
  long comments = 0, items = 0, letters = 0;
  double text_mb = 0;
};

struct Flags {
  int repeat = 5;
  bool spelling = true, reuse = false, facets = true, fts5 = true;
  long exact_facets_up_to = SearchOptions{}.exact_facets_up_to;
  int builders = -1;  // --builders; -1: the writer's default (1 for one, 0 for two writers)
  int writers = BackfillWritersOptions{}.writers;
  bool index_baseline = true, by_accession = false;
};

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 3; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--repeat") f.repeat = std::max(1, std::atoi(value.c_str()));
    if (flag == "--spelling") f.spelling = value != "0";
    if (flag == "--reuse") f.reuse = value != "0";
    if (flag == "--facets") f.facets = value != "0";
    if (flag == "--fts5") f.fts5 = value != "0";
    if (flag == "--exact-facets-up-to") f.exact_facets_up_to = std::atol(value.c_str());
    if (flag == "--builders") f.builders = std::max(0, std::atoi(value.c_str()));
    if (flag == "--writers") f.writers = std::max(1, std::atoi(value.c_str()));
    if (flag == "--index-baseline") f.index_baseline = value != "0";
    if (flag == "--batch") batch_letters = std::max(1, std::atoi(value.c_str()));
    if (flag == "--order") f.by_accession = value == "accession";
  }
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: search-bench CORPUS.jsonl WORKDIR [--repeat R] [--spelling 0|1] "
                 "[--reuse 0|1] [--facets 0|1] [--fts5 0|1] [--exact-facets-up-to N] "
                 "[--builders N] [--writers N] [--index-baseline 0|1] [--batch LETTERS] "
                 "[--order corpus|accession]\n";
    return 2;
  }
  Flags flags = ParseFlags(argc, argv);
  int repeat = flags.repeat;
  fs::path work = argv[2];
  fs::create_directories(work);
  try {
    // --reuse 1: query the indexes a previous run left in WORKDIR (its build times and corpus
    // figures are kept in WORKDIR/build.json, so the corpus is not loaded and the peak RSS is
    // the query side's), e.g. to measure latency again on a quiet machine.
    double xs = 0, fs5 = 0;
    CorpusStats c;
    nlohmann::json build_record;  // the Xapian build's figures (kept in build.json for --reuse)
    sqlite3* fts = nullptr;
    fs::path times = work / "build.json";
    nlohmann::json t = nlohmann::json::object();
    if (flags.reuse && fs::exists(times)) {
      std::ifstream in(times);
      t = nlohmann::json::parse(in);
      xs = t.at("xapian_s"), fs5 = t.at("fts5_s");
      sqlite3_open((work / "fts5.sqlite").c_str(), &fts);
    }
    if (t.contains("items")) {
      c = {t["comments"].get<long>(), t["items"].get<long>(), t["letters"].get<long>(),
           t["text_mb"].get<double>()};
    } else {
      auto load_start = Clock::now();
      Corpus corpus = Load(argv[1]);
      if (flags.by_accession)
        std::sort(corpus.letters.begin(), corpus.letters.end(),
                  [](const LetterRecord& a, const LetterRecord& b) {
                    return a.accession.text < b.accession.text;
                  });
      // Parsing a record is what re-linking a company costs per letter.
      std::cerr << fmt::format("corpus: {} letters parsed in {:.2f}s\n", corpus.letters.size(),
                               std::chrono::duration<double>(Clock::now() - load_start).count());
      c = {corpus.comments, corpus.items, static_cast<long>(corpus.letters.size()),
           corpus.text_bytes / 1e6};
      if (!fts) {
        double baseline_s = 0;
        if (flags.index_baseline) {  // the same writer with documents built on the writing thread
          baseline_s = BuildXapian(corpus, work / "xapian", flags.spelling, 0).seconds;
          std::cerr << fmt::format("xapian: 0 builder threads {:.0f} items/s\n",
                                   c.items / baseline_s);
        }
        // The memory the writer needs beyond the loaded corpus (which `corresp index` never
        // holds: it reads letters batch by batch).
        double corpus_rss = CurrentRssMb();
        ResetPeakRss();
        bool parallel = flags.writers > 1 && !flags.by_accession;  // parts keep companies whole
        int writers = parallel ? flags.writers : 1;
        int builders = flags.builders >= 0 ? flags.builders
                       : parallel          ? BackfillWritersOptions{}.builder_threads
                                           : IndexWriterOptions{}.builder_threads;
        XapianBuild built =
            parallel
                ? BuildXapianParallel(corpus, work / "xapian", flags.spelling, builders, writers)
                : BuildXapian(corpus, work / "xapian", flags.spelling, builders);
        xs = built.seconds;
        build_record = {{"builder_threads", builders},
                        {"writers", writers},
                        {"items_per_s", c.items / xs},
                        {"baseline_items_per_s",
                         baseline_s > 0 ? nlohmann::json(c.items / baseline_s) : nullptr},
                        {"writer_rss_mb", PeakRssMb() - corpus_rss},
                        {"corpus_rss_mb", corpus_rss}};
        std::cout << fmt::format(
            "xapian indexing: {:.0f} items/s with {} writer(s) and {} builder thread(s) each, "
            "writer "
            "peak {:.0f} MB above the loaded corpus ({:.0f} MB)",
            c.items / xs, writers, builders, PeakRssMb() - corpus_rss, corpus_rss);
        if (baseline_s > 0)
          std::cout << fmt::format(", {:.0f} items/s with none: ratio {:.2f}x",
                                   c.items / baseline_s, baseline_s / xs);
        std::cout << "\n";
        fs5 = BuildFts5(corpus, work / "fts5.sqlite", &fts);
      }
    }
    if (build_record.is_null() && t.contains("xapian_build")) build_record = t["xapian_build"];
    // The facet table is part of FTS5's build (timed) unless a reused WORKDIR already has it.
    double facet_s = AddFts5Facets(fts, work / "xapian");
    if (facet_s > 0) std::cerr << fmt::format("fts5: facet table filled in {:.1f}s\n", facet_s);
    fs5 += facet_s;
    std::ofstream(times)
        << nlohmann::json{{"xapian_s", xs},           {"fts5_s", fs5},
                          {"fts5_facets_s", facet_s}, {"comments", c.comments},
                          {"items", c.items},         {"letters", c.letters},
                          {"text_mb", c.text_mb},     {"xapian_build", build_record}}
               .dump()
        << "\n";
    double mb = c.text_mb;
    uint64_t xbytes = DirBytes(work / "xapian"), fbytes = DirBytes(work / "fts5.sqlite");

    ResetPeakRss();
    IndexReaderOptions no_cache;
    no_cache.facet_cache_entries = 0;
    auto reader = IndexReader::Open(work / "xapian", no_cache);
    if (!reader.ok()) throw std::runtime_error(reader.status().ToString());
    nlohmann::json out = {{"comments", c.comments},
                          {"items", c.items},
                          {"letters", c.letters},
                          {"text_mb", mb},
                          {"queries", Queries().size()},
                          {"repeat", repeat},
                          {"exact_facets_up_to", flags.exact_facets_up_to}};
    std::string table = fmt::format(
        "{} comments ({} items, {:.1f} MB text), {} queries x {} rounds (after a warm-up)\n"
        "{:22} {:>8} {:>8} {:>8}   {:>13} {:>15}\n",
        c.comments, c.items, mb, Queries().size(), repeat, "", "p50 ms", "p95 ms", "p99 ms",
        "round p50", "round p99");
    Timing x = TimeXapian(**reader, repeat, false, 0);
    PrintSlowest("xapian", x);
    out["xapian"] = Stats(x);
    table += Row("xapian", out["xapian"]);
    if (flags.facets) {
      Timing xf = TimeXapian(**reader, repeat, true, flags.exact_facets_up_to);
      PrintSlowest("xapian+facets", xf);
      out["xapian_facets"] = Stats(xf);
      table +=
          Row(fmt::format("xapian+facets (~{})", flags.exact_facets_up_to), out["xapian_facets"]);
      Timing xe = TimeXapian(**reader, repeat, true, 0);
      PrintSlowest("xapian+facets exact", xe);
      out["xapian_facets_exact"] = Stats(xe);
      table += Row("xapian+facets exact", out["xapian_facets_exact"]);
      SampleError e = MeasureSampleError(**reader, flags.exact_facets_up_to);
      out["facet_sample"] = {{"sampled_queries", e.sampled_queries},
                             {"values_compared", e.values},
                             {"min_count", kMinCount},
                             {"max_error", e.max_error},
                             {"median_error", e.median_error},
                             {"max_total_error", e.max_total_error},
                             {"exact_totals", e.totals},
                             {"exact_pages", e.pages}};
    }
    double xrss = PeakRssMb();
    out["xapian"]["peak_rss_mb"] = xrss;
    out["xapian"]["index_seconds"] = xs;
    out["xapian"]["comments_per_s"] = c.comments / xs;
    out["xapian"]["items_per_s"] = c.items / xs;
    if (!build_record.is_null()) out["xapian"]["build"] = build_record;
    out["xapian"]["mb_per_s"] = mb / xs;
    out["xapian"]["bytes_per_comment"] = double(xbytes) / c.comments;
    out["xapian"]["bytes_per_item"] = double(xbytes) / c.items;
    std::string build =
        fmt::format("{:8} {:>9} {:>11} {:>7} {:>13} {:>10} {:>12}\n", "", "index s", "comments/s",
                    "MB/s", "bytes/comment", "bytes/item", "peak RSS MB");
    auto build_row = [&](const char* label, const nlohmann::json& s) {
      return fmt::format("{:8} {:9.1f} {:11.0f} {:7.2f} {:13.0f} {:10.0f} {:12.0f}\n", label,
                         s["index_seconds"].get<double>(), s["comments_per_s"].get<double>(),
                         s["mb_per_s"].get<double>(), s["bytes_per_comment"].get<double>(),
                         s["bytes_per_item"].get<double>(), s["peak_rss_mb"].get<double>());
    };
    build += build_row("xapian", out["xapian"]);
    if (flags.fts5) {
      ResetPeakRss();
      Timing f = TimeFts5(fts, repeat, false);
      out["fts5"] = Stats(f);
      table += Row("fts5", out["fts5"]);
      if (flags.facets) {
        Timing ff = TimeFts5(fts, repeat, true);
        out["fts5_facets"] = Stats(ff);
        table += Row("fts5+facets (GROUP BY)", out["fts5_facets"]);
      }
      out["fts5"]["peak_rss_mb"] = PeakRssMb();
      out["fts5"]["index_seconds"] = fs5;
      out["fts5"]["comments_per_s"] = c.comments / fs5;
      out["fts5"]["mb_per_s"] = mb / fs5;
      out["fts5"]["bytes_per_comment"] = double(fbytes) / c.comments;
      out["fts5"]["bytes_per_item"] = double(fbytes) / c.items;
      build += build_row("fts5", out["fts5"]);
    }
    sqlite3_close(fts);
    std::cout << table << build;
    auto ratio = [&](const char* a, const char* b, const char* p) {
      if (!out.contains(a) || !out.contains(b)) return std::string();
      double r = out[a][p].get<double>() / out[b][p].get<double>();
      out["ratios"][std::string(a) + "/" + b + " " + p] = r;
      return fmt::format("{}/{} {}: {:.2f}x\n", a, b, p, r);
    };
    std::string ratios;
    for (const char* p : {"p50_ms", "p99_ms"}) {
      ratios += ratio("xapian", "fts5", p);
      ratios += ratio("xapian_facets", "fts5_facets", p);
      ratios += ratio("xapian_facets", "xapian_facets_exact", p);
    }
    std::cout << "ratios (below 1: the first is faster):\n" << ratios;
    if (out.contains("facet_sample"))
      std::cout << fmt::format(
          "sampled facets: {} of {} queries above {} matches; over the {} values counted >= {} "
          "times: median error {:.1f}%, max {:.1f}%; totals within {:.1f}%\n",
          out["facet_sample"]["sampled_queries"].get<int>(), Queries().size(),
          flags.exact_facets_up_to, out["facet_sample"]["values_compared"].get<long>(), kMinCount,
          100 * out["facet_sample"]["median_error"].get<double>(),
          100 * out["facet_sample"]["max_error"].get<double>(),
          100 * out["facet_sample"]["max_total_error"].get<double>());
    std::cout << out.dump() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "search-bench: " << e.what() << "\n";
    return 1;
  } catch (const Xapian::Error& e) {
    std::cerr << "search-bench: " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
