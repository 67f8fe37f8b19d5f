// Catalog methods for review threads and summaries.
#include <sqlite3.h>

#include "store/catalog.h"
#include "store/sqlite_statement.h"

namespace corresp {
namespace {

Status LoadLetters(sqlite3* db, ReviewThread& thread) {
  SqliteStatement s(db,
                    "SELECT accession, form, kind, date, comments FROM thread_letters "
                    "WHERE thread_id=?1 ORDER BY position");
  s.Bind(1, thread.id);
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    thread.letters.push_back(ThreadLetter{Accession{s.Text(0)}, s.Text(1), s.Text(2),
                                          DateColumn(s, 3), static_cast<int>(s.Int(4))});
  }
}

Result<std::vector<ReviewThread>> QueryThreads(sqlite3* db, SqliteStatement& s) {
  std::vector<ReviewThread> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ReviewThread t;
    t.id = s.Text(0);
    t.cik = Cik{static_cast<std::uint64_t>(s.Int(1))};
    t.company = s.Text(2);
    t.status = s.Text(3) == "closed" ? ThreadStatus::kClosed : ThreadStatus::kOpen;
    t.start = DateColumn(s, 4);
    t.end = DateColumn(s, 5);
    out.push_back(std::move(t));
  }
  for (ReviewThread& t : out) CORRESP_RETURN_IF_ERROR(LoadLetters(db, t));
  return out;
}

constexpr const char* kThreadColumns = "SELECT id, cik, company, status, start, end FROM threads";

Result<long> CountOf(sqlite3* db, const char* sql) {
  SqliteStatement s(db, sql);
  CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<long>(s.Int(0)) : 0L;
}

}  // namespace

Status Catalog::ReplaceThreads(Cik cik, const std::vector<ReviewThread>& threads) {
  SqliteStatement del(db_, "DELETE FROM threads WHERE cik=?1");
  del.Bind(1, static_cast<std::int64_t>(cik.value));
  CORRESP_RETURN_IF_ERROR(del.Run());
  for (const ReviewThread& t : threads) {
    SqliteStatement ins(db_,
                        "INSERT INTO threads (id, cik, company, status, start, end) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    ins.Bind(1, t.id)
        .Bind(2, static_cast<std::int64_t>(cik.value))
        .Bind(3, t.company)
        .Bind(4, std::string_view(t.status == ThreadStatus::kClosed ? "closed" : "open"))
        .Bind(5, IsoOrNull(t.start))
        .Bind(6, IsoOrNull(t.end));
    CORRESP_RETURN_IF_ERROR(ins.Run());
    for (size_t i = 0; i < t.letters.size(); ++i) {
      const ThreadLetter& l = t.letters[i];
      SqliteStatement li(db_,
                         "INSERT INTO thread_letters (thread_id, position, accession, form, kind, "
                         "date, comments) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      li.Bind(1, t.id)
          .Bind(2, static_cast<std::int64_t>(i))
          .Bind(3, l.accession.text)
          .Bind(4, l.form)
          .Bind(5, l.kind)
          .Bind(6, IsoOrNull(l.date))
          .Bind(7, static_cast<std::int64_t>(l.comments));
      CORRESP_RETURN_IF_ERROR(li.Run());
    }
  }
  return Status::Ok();
}

Result<std::vector<ReviewThread>> Catalog::ListThreads(std::optional<Cik> cik) const {
  std::string sql = std::string(kThreadColumns) + (cik ? " WHERE cik=?1" : "") + " ORDER BY id";
  SqliteStatement s(db_, sql.c_str());
  if (cik) s.Bind(1, static_cast<std::int64_t>(cik->value));
  return QueryThreads(db_, s);
}

Result<std::optional<ReviewThread>> Catalog::GetThread(std::string_view id) const {
  std::string sql = std::string(kThreadColumns) + " WHERE id=?1";
  SqliteStatement s(db_, sql.c_str());
  s.Bind(1, id);
  CORRESP_ASSIGN_OR_RETURN(std::vector<ReviewThread> threads, QueryThreads(db_, s));
  if (threads.empty()) return std::optional<ReviewThread>();
  return std::optional<ReviewThread>(std::move(threads.front()));
}

Result<CatalogCounts> Catalog::Counts() const {
  CatalogCounts c;
  CORRESP_ASSIGN_OR_RETURN(c.filings, CountOf(db_, "SELECT COUNT(*) FROM filings"));
  CORRESP_ASSIGN_OR_RETURN(
      c.fetched, CountOf(db_, "SELECT COUNT(*) FROM filings WHERE fetch_state='fetched'"));
  CORRESP_ASSIGN_OR_RETURN(c.upload,
                           CountOf(db_,
                                   "SELECT COUNT(*) FROM filings WHERE fetch_state='fetched' AND "
                                   "form='UPLOAD'"));
  CORRESP_ASSIGN_OR_RETURN(c.corresp,
                           CountOf(db_,
                                   "SELECT COUNT(*) FROM filings WHERE fetch_state='fetched' AND "
                                   "form='CORRESP'"));
  CORRESP_ASSIGN_OR_RETURN(c.draft,
                           CountOf(db_,
                                   "SELECT COUNT(*) FROM filings WHERE fetch_state='fetched' AND "
                                   "form IN ('DRSLTR','DOSLTR')"));
  CORRESP_ASSIGN_OR_RETURN(c.failures, CountOf(db_, "SELECT COUNT(*) FROM failures"));
  CORRESP_ASSIGN_OR_RETURN(c.threads_open,
                           CountOf(db_, "SELECT COUNT(*) FROM threads WHERE status='open'"));
  CORRESP_ASSIGN_OR_RETURN(c.threads_closed,
                           CountOf(db_, "SELECT COUNT(*) FROM threads WHERE status='closed'"));
  return c;
}

Result<std::vector<std::string>> Catalog::ReferencedObjects() const {
  SqliteStatement s(db_,
                    "SELECT sha256 FROM documents UNION SELECT submission_sha256 FROM filings "
                    "WHERE submission_sha256 != '' ORDER BY 1");
  std::vector<std::string> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Text(0));
  }
  return out;
}

}  // namespace corresp
