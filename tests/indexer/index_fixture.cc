#include "index_fixture.h"

#include <unistd.h>

#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

namespace corresp::testing {

namespace fs = std::filesystem;

std::string ReadFileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<ManifestRow> ReadManifest() {
  std::ifstream in(fs::path(CORRESP_TEST_DATA) / "edgar" / "MANIFEST.tsv");
  std::vector<ManifestRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (f.size() < 9) continue;
    rows.push_back(ManifestRow{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]});
  }
  return rows;
}

static std::string ContentType(const std::string& name) {
  if (name.size() > 4 && name.substr(name.size() - 4) == ".pdf") return "application/pdf";
  if (name.size() > 4 && name.substr(name.size() - 4) == ".htm") return "text/html";
  return "text/plain";
}

Status StoreFiling(TestDataDir& dir, Filing filing, const std::string& document_name,
                   const std::string& bytes) {
  CORRESP_ASSIGN_OR_RETURN(std::string sha, dir.store->Put(bytes));
  DocumentInfo doc;
  doc.sequence = 1;
  doc.type = filing.form;
  doc.filename = document_name;
  doc.content_type = ContentType(document_name);
  doc.sha256 = sha;
  doc.size = bytes.size();
  filing.documents = {doc};
  filing.fetch_state = FetchState::kFetched;
  return dir.catalog->SaveFetched(filing);
}

namespace {

// ctest runs every test case in its own process, two at a time: each process gets its own data
// dirs (named with its pid) and removes them when it exits.
class ProcessDataDirs {
 public:
  fs::path Make(const std::string& name) {
    fs::path dir =
        fs::path(CORRESP_BINARY_DIR) / "test-data-dirs" / (name + "-" + std::to_string(::getpid()));
    std::lock_guard<std::mutex> lock(mutex_);
    dirs_.push_back(dir);
    return dir;
  }
  ~ProcessDataDirs() {
    std::error_code ec;
    for (const fs::path& d : dirs_) fs::remove_all(d, ec);
  }

 private:
  std::mutex mutex_;
  std::vector<fs::path> dirs_;
};

ProcessDataDirs& DataDirs() {
  static ProcessDataDirs dirs;
  return dirs;
}

}  // namespace

Result<TestDataDir> MakeTestDataDir(const std::string& name, bool with_seed) {
  TestDataDir dir;
  dir.config.data_dir = DataDirs().Make(name);
  std::error_code ec;
  fs::remove_all(dir.config.data_dir, ec);
  fs::create_directories(dir.config.data_dir, ec);
  CORRESP_ASSIGN_OR_RETURN(dir.catalog, Catalog::Open(CatalogPath(dir.config)));
  CORRESP_ASSIGN_OR_RETURN(dir.store, DocumentStore::Open(StorePath(dir.config)));
  for (const ManifestRow& row : ReadManifest()) {
    Filing f;
    f.accession = *Accession::Parse(row.accession);
    f.cik = *Cik::Parse(row.cik);
    f.company = row.company;
    f.form = row.form;
    f.date_filed = Date::Parse(row.date_filed);
    f.index_day = Date::Parse(row.released);
    std::string bytes = ReadFileBytes(fs::path(CORRESP_TEST_DATA) / "edgar" / row.document);
    if (bytes.empty()) return NotFound("test data: " + row.document);
    std::string doc_name = fs::path(row.document).filename().string();
    CORRESP_RETURN_IF_ERROR(StoreFiling(dir, f, doc_name, bytes));
  }
  if (with_seed) CORRESP_RETURN_IF_ERROR(AddSeedFiling(dir));
  return dir;
}

Status AddSeedFiling(TestDataDir& dir) {
  Filing f;
  f.accession = *Accession::Parse(kSeedAccession);
  f.cik = *Cik::Parse(kSeedCik);
  f.company = "CITIGROUP INC";
  f.form = "UPLOAD";
  f.date_filed = Date{2007, 7, 3};
  f.sic = "6021";
  f.state = "DE";
  std::string bytes =
      ReadFileBytes(fs::path(CORRESP_TEST_DATA) / "seed" / "citigroup-2007-07-03-UPLOAD.txt");
  return StoreFiling(dir, f, "citigroup-2007-07-03-UPLOAD.txt", bytes);
}

}  // namespace corresp::testing
