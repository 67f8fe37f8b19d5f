// Shared pieces of the crawler's end-to-end tests: a temp data dir, a config pointing at a
// mirror, the slice's MANIFEST, and a check that the catalog + store hold what the mirror
// serves.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/submission.h"
#include "crawler/crawl.h"
#include "store/catalog.h"
#include "store/document_store.h"
#include "store/sha256.h"
#include "tests/crawler/test_files.h"
#include "tests/mirror/mirror_process.h"
#include "tests/store/temp_dir.h"

namespace corresp::testing {

struct ManifestRow {
  std::string cik, form, accession, released, document;
};

inline std::vector<ManifestRow> ReadManifest() {
  std::vector<ManifestRow> rows;
  std::istringstream in(ReadFile(EdgarRoot() / "MANIFEST.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream cols(line);
    std::string col;
    while (std::getline(cols, col, '\t')) f.push_back(col);
    if (f.size() >= 8) rows.push_back({std::to_string(std::stoull(f[2])), f[3], f[4], f[6], f[7]});
  }
  return rows;
}

// Letters of tests/data/edgar (its MANIFEST.tsv rows), pinned so that a change of the slice
// (tools/make-test-slice lists its threads) shows in every test that counts them.
inline constexpr int kSliceLetters = 54, kSliceUploads = 32, kSliceCorresp = 22;
// Companies (CIK folders) of the MANIFEST.tsv letters.
inline constexpr int kSliceCompanies = 13;

// Manifest rows released within [since, until] (ISO dates compare as strings).
inline std::vector<ManifestRow> ReleasedBetween(const std::string& since,
                                                const std::string& until) {
  std::vector<ManifestRow> out;
  for (auto& row : ReadManifest()) {
    if (row.released >= since && row.released <= until) out.push_back(row);
  }
  return out;
}

inline Config MirrorConfig(const std::string& base_url, const std::filesystem::path& data_dir) {
  Config config;
  config.data_dir = data_dir;
  config.crawl.base_url = base_url;
  config.crawl.user_agent = "Corresp Tests tests@example.com";
  config.crawl.requests_per_second = 200;
  config.crawl.max_connections = 8;
  config.crawl.backoff_initial_ms = 20;
  config.crawl.backoff_max_ms = 200;
  config.crawl.block_pause_seconds = 2;
  config.crawl.transfer_timeout_ms = 10'000;
  return config;
}

struct OpenedData {
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<DocumentStore> store;
};

inline OpenedData OpenData(const Config& config) {
  auto catalog = Catalog::Open(CatalogPath(config));
  auto store = DocumentStore::Open(StorePath(config));
  EXPECT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!catalog.ok() || !store.ok()) return {};
  return {std::move(catalog).value(), std::move(store).value()};
}

// The bytes a crawl must have stored for a mirror document: a PDF as is; an .htm without the
// SGML wrapper EDGAR leaves on it (and without leading blank lines, which the reconstructed
// .txt of two slice filings lacks).
inline std::string ExpectedLetterBytes(const std::filesystem::path& file) {
  std::string bytes = ReadFile(file);
  if (!bytes.starts_with("<DOCUMENT>")) return bytes;
  auto blocks = ParseDocumentBlocks(bytes);
  if (!blocks.ok() || blocks->empty()) return bytes;
  std::string body = (*blocks)[0].body;
  return body.substr(std::min(body.find_first_not_of('\n'), body.size()));
}

inline std::string StripLeadingNewlines(std::string s) {
  return s.substr(std::min(s.find_first_not_of('\n'), s.size()));
}

// Every row is fetched in the catalog with its letter stored byte-identical to the mirror's
// file and verifying in the store. Returns how many rows were checked.
inline int ExpectLettersStored(const Catalog& catalog, const DocumentStore& store,
                               const std::vector<ManifestRow>& rows,
                               const std::filesystem::path& root = EdgarRoot()) {
  int checked = 0;
  for (const ManifestRow& row : rows) {
    auto accession = Accession::Parse(row.accession);
    auto filing = catalog.GetFiling(*accession);
    EXPECT_TRUE(filing.ok() && filing->has_value()) << row.accession;
    if (!filing.ok() || !filing->has_value()) continue;
    const Filing& f = **filing;
    EXPECT_EQ(f.fetch_state, FetchState::kFetched) << row.accession << " " << f.last_error;
    EXPECT_EQ(f.form, row.form);
    EXPECT_EQ(f.cik.ToString(), row.cik);
    std::string filename = std::filesystem::path(row.document).filename().string();
    const DocumentInfo* doc = nullptr;
    for (const DocumentInfo& d : f.documents) {
      if (d.filename == filename) doc = &d;
    }
    EXPECT_NE(doc, nullptr) << row.accession << " lacks " << filename;
    if (doc == nullptr) continue;
    EXPECT_TRUE(store.Verify(doc->sha256).ok()) << row.accession;
    auto stored = store.Get(doc->sha256);
    EXPECT_TRUE(stored.ok()) << row.accession;
    if (!stored.ok()) continue;
    std::string expected = ExpectedLetterBytes(root / row.document);
    EXPECT_EQ(Sha256Hex(StripLeadingNewlines(*stored)), Sha256Hex(expected)) << row.accession;
    if (filename.ends_with(".pdf")) {
      EXPECT_EQ(*stored, ReadFile(root / row.document)) << row.accession;
    }
    ++checked;
  }
  return checked;
}

// "Today" of the crawl tests: the slice's indexes end before it.
inline constexpr Date kCrawlToday{2026, 11, 27};

// A crawl of index days since..until, today being kCrawlToday.
inline CrawlRequest CrawlRange(Date since, Date until) {
  CrawlRequest request;
  request.since = since;
  request.until = until;
  request.today = kCrawlToday;
  return request;
}

// The mirror's request log (empty, with a test failure, when unreadable).
inline std::vector<test::MirrorLogRow> MirrorLog(const test::MirrorProcess& mirror) {
  auto rows = mirror.ReadLog();
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  return rows.ok() ? *rows : std::vector<test::MirrorLogRow>{};
}

// Crawls the index days of `year` from `mirror` into a fresh data dir, with the mirror config
// adjusted by `tune`, and expects nothing failed and every letter released that year stored
// intact. Returns the report (or the crawl's error, with a test failure).
inline Result<CrawlReport> CrawlYearIntact(const test::MirrorProcess& mirror, int year,
                                           const std::function<void(Config&)>& tune = {}) {
  TempDir dir;
  Config config = MirrorConfig(mirror.base_url(), dir.path());
  if (tune) tune(config);
  auto data = OpenData(config);
  if (!data.catalog) return Internal("cannot open the data dir");
  auto report = RunCrawl(CrawlRange({year, 1, 1}, {year, 12, 31}), config, *data.catalog,
                         *data.store, nullptr);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  if (!report.ok()) return report;
  std::string y = std::to_string(year);
  auto rows = ReleasedBetween(y + "-01-01", y + "-12-31");
  EXPECT_EQ(report->failed, 0);
  EXPECT_EQ(ExpectLettersStored(*data.catalog, *data.store, rows), static_cast<int>(rows.size()));
  return report;
}

}  // namespace corresp::testing
