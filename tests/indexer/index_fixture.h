// Test fixture for the index tests: a data dir whose catalog and document store hold the
// letters of tests/data/edgar (metadata from its MANIFEST.tsv) and, optionally, the seed letter,
// as if the crawler had fetched them. The MANIFEST's thread column is the ground truth for
// thread grouping.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/filing.h"
#include "core/status.h"
#include "store/catalog.h"
#include "store/document_store.h"

namespace corresp::testing {

struct ManifestRow {
  std::string ticker, company, cik, form, accession, date_filed, released, document, thread;
};

// Rows of tests/data/edgar/MANIFEST.tsv.
std::vector<ManifestRow> ReadManifest();

// The seed letter's made-up filing: Citigroup, UPLOAD, 2007-07-03.
inline constexpr const char* kSeedAccession = "0000000000-07-000703";
inline constexpr const char* kSeedCik = "831001";

struct TestDataDir {
  Config config;
  std::unique_ptr<Catalog> catalog;
  std::unique_ptr<DocumentStore> store;
};

// A fresh data dir under the build folder (removed first), with the corpus stored and
// catalogued. `with_seed` adds the seed letter as a Citigroup UPLOAD filing.
Result<TestDataDir> MakeTestDataDir(const std::string& name, bool with_seed);

// Stores and catalogues the seed letter (the 2007 Citigroup UPLOAD).
Status AddSeedFiling(TestDataDir& dir);

// Stores one document's bytes and records the filing as fetched.
Status StoreFiling(TestDataDir& dir, Filing filing, const std::string& document_name,
                   const std::string& bytes);

std::string ReadFileBytes(const std::filesystem::path& path);

}  // namespace corresp::testing
