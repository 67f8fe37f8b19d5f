#include "pipeline/verify.h"

#include <xapian.h>

#include <algorithm>
#include <set>

#include "core/index_schema.h"
#include "crawler/crawler.h"
#include "indexer/index/index_pipeline.h"
#include "store/catalog.h"
#include "store/catalog_transaction.h"
#include "store/document_store.h"

namespace corresp {
namespace {
namespace s = schema;

void CheckObjects(const Catalog& catalog, const DocumentStore& store,
                  const std::vector<Filing>& fetched, VerifyReport& report,
                  std::set<std::string>& broken_filings) {
  for (const Filing& summary : fetched) {
    Result<std::optional<Filing>> filing = catalog.GetFiling(summary.accession);
    if (!filing.ok() || !filing->has_value()) continue;
    ++report.filings_checked;
    if ((*filing)->documents.empty()) {
      report.problems.push_back({"no_documents", summary.accession.text,
                                 "filing is marked fetched but has no documents", false});
      broken_filings.insert(summary.accession.text);
    }
    for (const DocumentInfo& d : (*filing)->documents) {
      ++report.objects_checked;
      Status st = store.Verify(d.sha256);
      if (st.ok()) continue;
      bool missing = st.code() == StatusCode::kNotFound;
      report.problems.push_back({missing ? "missing_object" : "corrupt_object",
                                 summary.accession.text,
                                 d.filename + " (" + d.sha256 + "): " + st.message(), false});
      broken_filings.insert(summary.accession.text);
    }
  }
}

// The documents of `accession` whose stored object fails verification.
std::vector<DocumentInfo> CorruptDocuments(const Catalog& catalog, const DocumentStore& store,
                                           const std::string& accession) {
  std::vector<DocumentInfo> out;
  Result<std::optional<Filing>> filing = catalog.GetFiling(Accession{accession});
  if (!filing.ok() || !filing->has_value()) return out;
  for (const DocumentInfo& d : (*filing)->documents)
    if (store.Verify(d.sha256).code() == StatusCode::kCorruption) out.push_back(d);
  return out;
}

Result<std::set<std::string>> IndexedAccessions(const std::filesystem::path& index_path) {
  std::set<std::string> out;
  std::error_code ec;
  if (!std::filesystem::exists(index_path, ec)) return out;
  try {
    Xapian::Database db(index_path.string());
    std::string prefix(s::kPrefixAccession);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      out.insert((*t).substr(prefix.size()));
  } catch (const Xapian::Error& e) {
    return Corruption("index " + index_path.string() + ": " + e.get_description());
  }
  return out;
}

Status DeleteFromIndex(const std::filesystem::path& index_path,
                       const std::vector<std::string>& accessions) {
  try {
    Xapian::WritableDatabase db(index_path.string(), Xapian::DB_OPEN);
    for (const std::string& acc : accessions) db.delete_document(s::Term(s::kPrefixAccession, acc));
    db.commit();
  } catch (const Xapian::DatabaseLockError& e) {
    return Unavailable("index " + index_path.string() + " is locked: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return IoError("index " + index_path.string() + ": " + e.get_description());
  }
  return Status::Ok();
}

}  // namespace

bool VerifyReport::ok() const {
  return std::all_of(problems.begin(), problems.end(), [](const VerifyProblem& p) {
    return p.kind == "unreferenced_object" || p.repaired;
  });
}

Result<VerifyReport> Verify(Catalog& catalog, DocumentStore& store,
                            const std::filesystem::path& index_path, bool repair) {
  VerifyReport report;
  CORRESP_ASSIGN_OR_RETURN(std::vector<Filing> fetched, catalog.ListFilings(FetchState::kFetched));
  std::set<std::string> broken;
  CheckObjects(catalog, store, fetched, report, broken);

  // Catalog <-> index.
  CORRESP_ASSIGN_OR_RETURN(std::set<std::string> in_index, IndexedAccessions(index_path));
  report.letters_in_index = in_index.size();
  CORRESP_ASSIGN_OR_RETURN(std::vector<FailureRecord> failures, catalog.ListFailures());
  std::set<std::string> extract_failed;
  for (const FailureRecord& f : failures)
    if (f.stage == "extract") extract_failed.insert(f.subject);
  CORRESP_ASSIGN_OR_RETURN(std::vector<Filing> all, catalog.ListFilings());
  std::set<std::string> in_catalog;
  for (const Filing& f : all) in_catalog.insert(f.accession.text);

  std::vector<Accession> missing_from_index;
  if (!in_index.empty() || std::filesystem::exists(index_path)) {
    for (const Filing& f : fetched) {
      if (f.indexed_version == 0 || in_index.count(f.accession.text) ||
          extract_failed.count(f.accession.text) || broken.count(f.accession.text))
        continue;
      report.problems.push_back({"not_in_index", f.accession.text,
                                 "catalog marks it indexed (extractor v" +
                                     std::to_string(f.indexed_version) +
                                     ") but the index holds none of its items",
                                 false});
      missing_from_index.push_back(f.accession);
    }
  }
  std::vector<std::string> orphans;
  for (const std::string& acc : in_index) {
    if (in_catalog.count(acc)) continue;
    report.problems.push_back(
        {"orphan_in_index", acc, "letter in the index but not in the catalog", false});
    orphans.push_back(acc);
  }

  // Objects nothing references.
  CORRESP_ASSIGN_OR_RETURN(std::vector<std::string> objects, store.List());
  CORRESP_ASSIGN_OR_RETURN(std::vector<std::string> referenced, catalog.ReferencedObjects());
  for (const std::string& key : objects)
    if (!std::binary_search(referenced.begin(), referenced.end(), key))
      report.problems.push_back({"unreferenced_object", key,
                                 store.ObjectPath(key).string() + " is referenced by no filing "
                                                                  "(corresp gc removes it)",
                                 false});

  if (repair) {
    for (const Accession& acc : missing_from_index) {
      CORRESP_RETURN_IF_ERROR(catalog.MarkIndexed(acc, 0));
      ++report.reindex_needed;
    }
    for (VerifyProblem& p : report.problems)
      if (p.kind == "not_in_index") p.repaired = true;
  }
  if (repair && !orphans.empty()) {
    CORRESP_RETURN_IF_ERROR(DeleteFromIndex(index_path, orphans));
    for (VerifyProblem& p : report.problems)
      if (p.kind == "orphan_in_index") p.repaired = true;
  }
  if (repair) {
    for (const VerifyProblem& p : report.problems)
      if (p.kind == "corrupt_object")
        for (const DocumentInfo& d : CorruptDocuments(catalog, store, p.subject))
          CORRESP_RETURN_IF_ERROR(store.Remove(d.sha256));
    CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
    for (const std::string& acc : broken)
      CORRESP_RETURN_IF_ERROR(catalog.SaveFetchFailure(
          txn, Accession{acc}, Corruption("verify: stored documents missing or corrupt"), false));
    CORRESP_RETURN_IF_ERROR(txn.Commit());
    report.refetch_needed += broken.size();
    for (VerifyProblem& p : report.problems)
      if (broken.count(p.subject)) p.repaired = true;
  }
  return report;
}

Result<long> RefetchAndReindex(const Config& config, Catalog& catalog, DocumentStore& store) {
  Crawler crawler(config, catalog, store, nullptr, nullptr);
  CORRESP_ASSIGN_OR_RETURN(std::vector<IndexEntry> pending,
                           crawler.PendingFromCatalog(FilingFilter{config.crawl.forms, {}}));
  CORRESP_RETURN_IF_ERROR(crawler.FetchFilings(pending));
  CORRESP_RETURN_IF_ERROR(IndexPending(config, catalog, store).status());
  return crawler.report().fetched;
}

}  // namespace corresp
