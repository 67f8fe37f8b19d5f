#include "web_fixture.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include "config/options.h"
#include "core/filing.h"
#include "index_fixture.h"
#include "indexer/index/index_pipeline.h"
#include "store/catalog.h"
#include "store/document_store.h"

namespace corresp::testing {

namespace fs = std::filesystem;

namespace {

std::string ContentType(const std::string& name) {
  if (name.ends_with(".pdf")) return "application/pdf";
  if (name.ends_with(".htm")) return "text/html";
  return "text/plain";
}

Status Store(Catalog& catalog, DocumentStore& store, Filing filing, const std::string& name,
             const std::string& bytes) {
  Result<std::string> sha = store.Put(bytes);
  if (!sha.ok()) return sha.status();
  DocumentInfo doc;
  doc.sequence = 1;
  doc.type = filing.form;
  doc.filename = name;
  doc.content_type = ContentType(name);
  doc.sha256 = *sha;
  doc.size = bytes.size();
  filing.documents = {doc};
  filing.fetch_state = FetchState::kFetched;
  return catalog.SaveFetched(filing);
}

Filing MakeFiling(const std::string& accession, const std::string& cik, const std::string& company,
                  const std::string& form, Date date) {
  Filing f;
  f.accession = *Accession::Parse(accession);
  f.cik = *Cik::Parse(cik);
  f.company = company;
  f.form = form;
  f.date_filed = date;
  return f;
}

std::string XssUploadLetter() {
  return std::string(
             "Mail Stop 4561\n\nMarch 2, 2009\n\nJohn Doe\nChief Financial Officer\nEvil Corp\n\n"
             "Re: Evil Corp\nForm 10-K for Fiscal Year Ended December 31, 2008\nFiled February 20, "
             "2009\n"
             "File No. 001-66666\n\nDear Mr. Doe:\n\nWe have reviewed your filing and have the "
             "following "
             "comments.\n\nFinancial Statements\n\nNote 7. Derivatives, page 60\n\n"
             "1. Please explain your hedge accounting for the interest rate swaps described as ") +
         kXssScript +
         " in your filing, and tell us how you tested effectiveness under SFAS 133.\n\n"
         "2. Please tell us why the table labelled <b onmouseover=alert(2)>Totals</b> omits the "
         "fair value of the swaps & caps.\n\nSincerely,\n\nJane Roe\nBranch Chief\n";
}

std::string XssCorrespLetter() {
  return "<html><body><p>April 1, 2009</p><p>Securities and Exchange Commission</p>"
         "<p>Re: Evil Corp Form 10-K for Fiscal Year Ended December 31, 2008 File No. 001-66666</p>"
         "<p>Dear Ms. Roe:</p><p>We respond to the comments of the staff in its letter dated March "
         "2, 2009.</p>"
         "<p><b>1. Please explain your hedge accounting for the interest rate swaps.</b></p>"
         "<p>Response: Our hedge accounting documentation names the swaps "
         "&lt;script&gt;alert('r')&lt;/script&gt; "
         "as cash flow hedges under SFAS 133.</p>"
         "<p><b>2. Please tell us why the table omits the fair value.</b></p>"
         "<p>Response: The table now includes it.</p><p>Sincerely, John Doe</p></body></html>";
}

Status Build(const fs::path& data_dir) {
  std::error_code ec;
  fs::remove_all(data_dir, ec);
  fs::create_directories(data_dir, ec);
  Config config;
  config.data_dir = data_dir;
  CORRESP_ASSIGN_OR_RETURN(std::unique_ptr<Catalog> catalog, Catalog::Open(CatalogPath(config)));
  CORRESP_ASSIGN_OR_RETURN(std::unique_ptr<DocumentStore> store,
                           DocumentStore::Open(StorePath(config)));
  for (const ManifestRow& row : ReadManifest()) {
    std::string bytes = ReadFileBytes(fs::path(CORRESP_TEST_DATA) / "edgar" / row.document);
    if (bytes.empty()) return NotFound("test data: " + row.document);
    Filing f =
        MakeFiling(row.accession, row.cik, row.company, row.form, *Date::Parse(row.date_filed));
    CORRESP_RETURN_IF_ERROR(
        Store(*catalog, *store, f, fs::path(row.document).filename().string(), bytes));
  }
  Filing seed =
      MakeFiling("0000000000-07-000703", "831001", "CITIGROUP INC", "UPLOAD", Date{2007, 7, 3});
  seed.sic = "6021";
  seed.state = "DE";
  CORRESP_RETURN_IF_ERROR(Store(
      *catalog, *store, seed, "citigroup-2007-07-03-UPLOAD.txt",
      ReadFileBytes(fs::path(CORRESP_TEST_DATA) / "seed" / "citigroup-2007-07-03-UPLOAD.txt")));
  CORRESP_RETURN_IF_ERROR(
      Store(*catalog, *store,
            MakeFiling(kXssUploadAccession, kXssCik, kXssCompany, "UPLOAD", Date{2009, 3, 2}),
            "filename1.txt", XssUploadLetter()));
  CORRESP_RETURN_IF_ERROR(
      Store(*catalog, *store,
            MakeFiling(kXssCorrespAccession, kXssCik, kXssCompany, "CORRESP", Date{2009, 4, 1}),
            "filename1.htm", XssCorrespLetter()));
  Result<IndexReport> report = IndexPending(config, *catalog, *store);
  return report.ok() ? Status::Ok() : report.status();
}

// Identifies this test binary's build: the index is rebuilt when the binary (and so the
// indexer linked into it) changes.
std::string BinaryStamp() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  auto size = fs::file_size(exe, ec);
  auto time = fs::last_write_time(exe, ec).time_since_epoch().count();
  return exe.string() + " " + std::to_string(size) + " " + std::to_string(time);
}

// Test processes run in parallel (ctest -j, one process per test): the first builds the
// index under an flock, the others wait and reuse it when its stamp matches. Each test binary
// has its own data dir, so one binary's rebuild never pulls the index from under another.
Status BuildOnce() {
  fs::path dir = WebTestDataDir();
  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  int fd = ::open((dir.string() + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
  if (fd < 0) return IoError("cannot open the fixture lock");
  ::flock(fd, LOCK_EX);
  fs::path ready = dir.string() + ".ready";
  std::string stamp = BinaryStamp();
  Status status = Status::Ok();
  if (ReadFileBytes(ready) != stamp) {
    fs::remove(ready, ec);
    status = Build(dir);
    if (status.ok()) std::ofstream(ready, std::ios::binary) << stamp;
  }
  ::flock(fd, LOCK_UN);
  ::close(fd);
  return status;
}

}  // namespace

fs::path WebTestDataDir() {
  std::error_code ec;
  std::string exe = fs::read_symlink("/proc/self/exe", ec).filename().string();
  return fs::path(CORRESP_BINARY_DIR) / "test-data-dirs" / ("web-" + (exe.empty() ? "test" : exe));
}

Result<fs::path> WebTestIndex() {
  static std::once_flag once;
  static Status built;
  std::call_once(once, [] { built = BuildOnce(); });
  if (!built.ok()) return built;
  return WebTestDataDir() / "index";
}

}  // namespace corresp::testing
