#include "pipeline/add_letters.h"

#include <fstream>
#include <sstream>

#include "core/submission.h"
#include "indexer/extract/extract.h"
#include "store/catalog.h"
#include "store/catalog_transaction.h"
#include "store/document_store.h"
#include "store/sha256.h"

namespace corresp {

namespace {

namespace fs = std::filesystem;

Result<std::string> ReadBytes(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return NotFound(file.string() + ": no such file");
  if (!fs::is_regular_file(file, ec))
    return InvalidArgument(file.string() + ": not a regular file");
  std::ifstream in(file, std::ios::binary);
  if (!in) return IoError(file.string() + ": cannot be read");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return IoError(file.string() + ": read error");
  return bytes.str();
}

// The content type of the letter document: by extension, else by the first bytes (a PDF
// always starts with "%PDF", HTML with a tag).
std::string ContentTypeOf(const fs::path& file, std::string_view bytes) {
  std::string by_name = ContentTypeForFilename(file.filename().string());
  if (by_name != "application/octet-stream") return by_name;
  if (bytes.rfind("%PDF", 0) == 0) return "application/pdf";
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '<') return "text/html";
  return "text/plain";
}

// The document's name in the catalog: the file's own name, so `show` says what was added.
std::string DocumentName(const fs::path& file, const std::string& content_type) {
  std::string name = file.filename().string();
  if (ContentTypeForFilename(name) == content_type) return name;
  if (content_type == "application/pdf") return name + ".pdf";
  return name + (content_type == "text/html" ? ".htm" : ".txt");
}

// The company's name on its threads already in the catalog (its EDGAR letters), if any.
Result<std::string> KnownCompany(const Catalog& catalog, Cik cik) {
  CORRESP_ASSIGN_OR_RETURN(std::vector<ReviewThread> threads, catalog.ListThreads(cik));
  for (const ReviewThread& t : threads)
    if (!t.company.empty()) return t.company;
  return std::string();
}

bool SameMetadata(const Filing& a, const Filing& b) {
  return a.cik == b.cik && a.form == b.form && a.company == b.company &&
         a.date_filed == b.date_filed && a.fetch_state == FetchState::kFetched &&
         a.documents.size() == 1 && a.documents[0].sha256 == b.documents[0].sha256;
}

// One file: a failure message (naming the file) or the filing to catalogue.
Result<Filing> PrepareFiling(const AddLettersRequest& request, const fs::path& file,
                             const std::string& bytes, const std::string& known_company) {
  const std::string name = file.string();
  if (bytes.empty()) return InvalidArgument(name + ": empty file");
  std::string content_type = ContentTypeOf(file, bytes);
  Letter letter = ExtractLetter({bytes, DocumentName(file, content_type), request.form});
  if (letter.unreadable) return InvalidArgument(name + ": no letter text: " + *letter.unreadable);
  std::optional<Date> date = request.date ? request.date : letter.letter_date;
  if (!date) return InvalidArgument(name + ": no letter date found in the text; pass --date");
  std::string company = !request.company.empty() ? request.company
                        : !known_company.empty() ? known_company
                                                 : letter.company;
  if (company.empty())
    return InvalidArgument(name + ": no company name in the catalog or the letter; pass --company");
  Filing f;
  f.accession = *Accession::OutsideEdgar(Sha256Hex(bytes));
  f.cik = request.cik;
  f.company = company;
  f.form = request.form;
  f.date_filed = date;
  f.source_url = "file://" + fs::absolute(file).lexically_normal().string();
  f.total_bytes = bytes.size();
  f.fetch_state = FetchState::kFetched;
  DocumentInfo doc;
  doc.sequence = 1;
  doc.type = request.form;
  doc.filename = DocumentName(file, content_type);
  doc.description = "added from outside EDGAR";
  doc.content_type = content_type;
  doc.size = bytes.size();
  f.documents = {doc};
  return f;
}

}  // namespace

Result<AddLettersReport> AddOutsideLetters(const AddLettersRequest& request, Catalog& catalog,
                                           DocumentStore& store) {
  if (request.files.empty()) return InvalidArgument("add: no files given");
  if (request.form != "UPLOAD" && request.form != "CORRESP")
    return InvalidArgument("add: --form must be UPLOAD or CORRESP, got \"" + request.form + "\"");
  CORRESP_ASSIGN_OR_RETURN(std::string known_company, KnownCompany(catalog, request.cik));
  AddLettersReport report;
  for (const fs::path& file : request.files) {
    Result<std::string> bytes = ReadBytes(file);
    Result<Filing> filing = bytes.ok() ? PrepareFiling(request, file, *bytes, known_company)
                                       : Result<Filing>(bytes.status());
    if (!filing.ok()) {
      report.failures.push_back({file, filing.status().message()});
      continue;
    }
    CORRESP_ASSIGN_OR_RETURN(filing->documents[0].sha256, store.Put(*bytes));
    CORRESP_ASSIGN_OR_RETURN(std::optional<Filing> before, catalog.GetFiling(filing->accession));
    AddedLetter added{file, filing->accession, *filing->date_filed, filing->company, true};
    if (before && SameMetadata(*before, *filing)) {
      added.changed = false;
    } else {
      CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
      CORRESP_RETURN_IF_ERROR(catalog.SaveFetched(*filing));
      CORRESP_RETURN_IF_ERROR(catalog.MarkIndexed(filing->accession, 0));  // due for `index`
      CORRESP_RETURN_IF_ERROR(txn.Commit());
    }
    report.added.push_back(std::move(added));
  }
  return report;
}

}  // namespace corresp
