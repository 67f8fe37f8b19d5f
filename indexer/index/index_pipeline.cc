#include "indexer/index/index_pipeline.h"

#include <chrono>
#include <exception>
#include <map>
#include <set>

#include "indexer/extract/extract.h"
#include "store/catalog.h"
#include "store/catalog_transaction.h"
#include "store/document_store.h"

namespace corresp {

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsTextual(const DocumentInfo& d) {
  std::string name = d.filename;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return EndsWith(name, ".pdf") || EndsWith(name, ".htm") || EndsWith(name, ".html") ||
         EndsWith(name, ".txt");
}

struct Extracted {
  Accession accession;
  std::optional<LetterRecord> record;  // nullopt on failure
  bool permanent = false;              // failure a retry cannot fix
};

Extracted ExtractOne(Catalog& catalog, const DocumentStore& store, const Accession& acc) {
  Extracted out{acc, std::nullopt, false};
  auto fail = [&](const Status& st, bool permanent) {
    catalog.RecordFailure(acc.text, "extract", st, permanent).IgnoreError();
    out.permanent = permanent;
    return out;
  };
  Result<std::optional<Filing>> filing = catalog.GetFiling(acc);
  if (!filing.ok()) return fail(filing.status(), false);
  if (!filing->has_value()) return fail(NotFound(acc.text + ": not in the catalog"), true);
  const Filing& f = **filing;
  std::optional<DocumentInfo> doc = PickLetterDocument(f);
  if (!doc) return fail(NotFound(acc.text + ": no letter document"), true);
  Result<std::string> bytes = store.Get(doc->sha256);
  if (!bytes.ok())
    return fail(bytes.status().WithContext(acc.text + "/" + doc->filename),
                bytes.status().code() == StatusCode::kCorruption);
  try {
    ExtractInput input{*bytes, doc->filename,
                       f.form.empty() ? std::nullopt : std::optional<std::string>(f.form)};
    Letter letter = ExtractLetter(input);
    if (letter.unreadable)
      return fail(Corruption(acc.text + "/" + doc->filename + ": " + *letter.unreadable), true);
    out.record = MakeLetterRecord(f, doc->filename, std::move(letter));
    catalog.ClearFailure(acc.text, "extract").IgnoreError();
  } catch (const std::exception& e) {
    return fail(Internal(acc.text + ": extractor threw: " + e.what()), true);
  }
  return out;
}

Status MarkBatch(Catalog& catalog, const std::vector<Extracted>& batch) {
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  for (const Extracted& e : batch) {
    if (!e.record && !e.permanent) continue;
    CORRESP_RETURN_IF_ERROR(catalog.MarkIndexed(e.accession, kExtractorVersion));
  }
  return txn.Commit();
}

}  // namespace

std::optional<DocumentInfo> PickLetterDocument(const Filing& filing) {
  for (const DocumentInfo& d : filing.documents)
    if ((d.type == "UPLOAD" || d.type == "CORRESP") && IsTextual(d)) return d;
  for (const DocumentInfo& d : filing.documents)
    if (d.type == "UPLOAD" || d.type == "CORRESP") return d;
  for (const DocumentInfo& d : filing.documents)
    if (IsTextual(d)) return d;
  return std::nullopt;
}

Result<IndexReport> IndexPending(const Config& config, Catalog& catalog, const DocumentStore& store,
                                 const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;
  CORRESP_ASSIGN_OR_RETURN(std::unique_ptr<IndexWriter> writer,
                           IndexWriter::Open(IndexPath(config), options.writer));
  if (options.rebuild) CORRESP_RETURN_IF_ERROR(catalog.ClearIndexed());
  CORRESP_ASSIGN_OR_RETURN(std::vector<Accession> todo, catalog.ListToIndex(kExtractorVersion));
  report.filings = todo.size();
  std::size_t batch_size = std::max<std::size_t>(1, options.batch_size);
  for (std::size_t begin = 0; begin < todo.size(); begin += batch_size) {
    std::vector<Extracted> batch;
    std::set<Cik> companies;
    for (std::size_t i = begin; i < std::min(todo.size(), begin + batch_size); ++i) {
      batch.push_back(ExtractOne(catalog, store, todo[i]));
      if (!batch.back().record) {
        ++report.failed;
        continue;
      }
      CORRESP_RETURN_IF_ERROR(writer->PutLetter(*batch.back().record));
      companies.insert(batch.back().record->cik);
      ++report.indexed;
    }
    for (Cik cik : companies) {
      CORRESP_ASSIGN_OR_RETURN(std::vector<ReviewThread> threads, writer->RebuildCompany(cik));
      CORRESP_RETURN_IF_ERROR(catalog.ReplaceThreads(cik, threads));
      report.threads += threads.size();
    }
    report.companies += companies.size();
    CORRESP_RETURN_IF_ERROR(writer->Commit());
    CORRESP_RETURN_IF_ERROR(MarkBatch(catalog, batch));
    if (options.progress) options.progress(std::min(todo.size(), begin + batch_size), todo.size());
  }
  CORRESP_ASSIGN_OR_RETURN(report.documents, writer->DocumentCount());
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace corresp
