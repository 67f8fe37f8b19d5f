#include "tests/e2e/state_snapshot.h"

#include <sqlite3.h>
#include <xapian.h>

#include <functional>
#include <sstream>

#include "core/index_schema.h"

namespace corresp::test {
namespace {

void Query(sqlite3* db, const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return;
  while (sqlite3_step(stmt) == SQLITE_ROW) row(stmt);
  sqlite3_finalize(stmt);
}

std::string Col(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

}  // namespace

StateSnapshot Snapshot(const std::filesystem::path& data_dir) {
  StateSnapshot snap;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2((data_dir / "catalog.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
      SQLITE_OK) {
    Query(db,
          "SELECT f.accession, f.form, f.fetch_state, COALESCE(f.indexed_version, 0), "
          "COALESCE((SELECT group_concat(sha256, ',') FROM (SELECT sha256 FROM documents d "
          "WHERE d.accession = f.accession ORDER BY sequence)), '') FROM filings f",
          [&](sqlite3_stmt* s) {
            snap.filings[Col(s, 0)] =
                Col(s, 1) + "|" + Col(s, 2) + "|" + Col(s, 3) + "|" + Col(s, 4);
          });
    Query(db,
          "SELECT t.id, t.status, COALESCE(t.start, ''), COALESCE(t.end, ''), "
          "COALESCE((SELECT group_concat(accession, ',') FROM (SELECT accession FROM "
          "thread_letters l WHERE l.thread_id = t.id ORDER BY position)), '') FROM threads t",
          [&](sqlite3_stmt* s) {
            snap.threads[Col(s, 0)] =
                Col(s, 1) + "|" + Col(s, 2) + "|" + Col(s, 3) + "|" + Col(s, 4);
          });
    Query(db, "SELECT value FROM state WHERE key='refresh.watermark'",
          [&](sqlite3_stmt* s) { snap.watermark = Col(s, 0); });
    Query(db, "SELECT subject, stage FROM failures ORDER BY 1, 2",
          [&](sqlite3_stmt* s) { snap.failures.push_back(Col(s, 0) + "|" + Col(s, 1)); });
    std::set<std::string> referenced;
    Query(db, "SELECT sha256 FROM documents UNION SELECT submission_sha256 FROM filings",
          [&](sqlite3_stmt* s) { referenced.insert(Col(s, 0)); });
    std::error_code ec;
    for (auto it =
             std::filesystem::recursive_directory_iterator(data_dir / "store" / "objects", ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::string key = it->path().filename().string().substr(0, 64);
      if (!referenced.count(key)) ++snap.unreferenced_objects;
    }
    for (auto it = std::filesystem::directory_iterator(data_dir / "store" / "tmp", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
      ++snap.orphan_temp_files;
  }
  sqlite3_close(db);
  try {
    Xapian::Database index((data_dir / "index").string());
    snap.index_documents = static_cast<long>(index.get_doccount());
    for (auto t = index.allterms_begin("Q"); t != index.allterms_end("Q"); ++t)
      snap.index_ids.insert(*t);
    snap.index_totals = index.get_metadata(std::string(schema::kMetaCountLetters)) + "/" +
                        index.get_metadata(std::string(schema::kMetaCountThreadsOpen)) + "/" +
                        index.get_metadata(std::string(schema::kMetaCountThreadsClosed));
  } catch (const Xapian::Error&) {
  }
  return snap;
}

std::string Describe(const StateSnapshot& a, const StateSnapshot& b) {
  std::ostringstream out;
  out << "filings " << a.filings.size() << " vs " << b.filings.size() << "; threads "
      << a.threads.size() << " vs " << b.threads.size() << "; index ids " << a.index_ids.size()
      << " vs " << b.index_ids.size() << "; index docs " << a.index_documents << " vs "
      << b.index_documents << "; index totals " << a.index_totals << " vs " << b.index_totals
      << "; watermark " << a.watermark << " vs " << b.watermark << "; failures "
      << a.failures.size() << " vs " << b.failures.size() << "; temp files " << a.orphan_temp_files
      << " vs " << b.orphan_temp_files << "; unreferenced " << a.unreferenced_objects << " vs "
      << b.unreferenced_objects;
  for (const auto& [k, v] : a.filings) {
    auto it = b.filings.find(k);
    if (it == b.filings.end())
      out << "\n  only in first: " << k;
    else if (it->second != v)
      out << "\n  differs: " << k << " " << v << " vs " << it->second;
  }
  for (const auto& [k, v] : a.threads) {
    auto it = b.threads.find(k);
    if (it == b.threads.end() || it->second != v) out << "\n  thread " << k << ": " << v;
  }
  return out.str();
}

}  // namespace corresp::test
