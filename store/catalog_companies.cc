// Catalog methods for companies' submissions JSON: the cached filing list and its timestamps.
#include <sqlite3.h>

#include "store/catalog.h"
#include "store/sqlite_statement.h"

namespace corresp {
namespace {

std::optional<std::string> TextOrNull(const SqliteStatement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return s.Text(col);
}

Status EnsureRow(sqlite3* db, Cik cik) {
  SqliteStatement s(db, "INSERT OR IGNORE INTO company_submissions (cik) VALUES (?1)");
  s.Bind(1, static_cast<std::int64_t>(cik.value));
  return s.Run();
}

}  // namespace

Status Catalog::SaveCompanyFilings(Cik cik, const std::vector<CompanyFiling>& filings, int pages) {
  auto id = static_cast<std::int64_t>(cik.value);
  SqliteStatement del(db_, "DELETE FROM company_filings WHERE cik=?1");
  del.Bind(1, id);
  CORRESP_RETURN_IF_ERROR(del.Run());
  for (const CompanyFiling& f : filings) {
    SqliteStatement ins(db_,
                        "INSERT OR REPLACE INTO company_filings (cik, accession, form, "
                        "filing_date, report_date, file_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    ins.Bind(1, id)
        .Bind(2, f.accession.text)
        .Bind(3, f.form)
        .Bind(4, IsoOrNull(f.filed))
        .Bind(5, IsoOrNull(f.report_date))
        .Bind(6, f.file_number);
    CORRESP_RETURN_IF_ERROR(ins.Run());
  }
  CORRESP_RETURN_IF_ERROR(EnsureRow(db_, cik));
  std::string now = UtcTimestampNow();
  SqliteStatement up(db_,
                     "UPDATE company_submissions SET checked_at=?2, fetched_at=?2, pages=?3, "
                     "last_error='', resolved_at=NULL WHERE cik=?1");
  up.Bind(1, id).Bind(2, now).Bind(3, static_cast<std::int64_t>(pages));
  return up.Run();
}

Status Catalog::SaveCompanyFilingsFailure(Cik cik, const Status& reason, bool permanent) {
  CORRESP_RETURN_IF_ERROR(EnsureRow(db_, cik));
  SqliteStatement up(db_, permanent ? "UPDATE company_submissions SET last_error=?2, checked_at=?3 "
                                      "WHERE cik=?1"
                                    : "UPDATE company_submissions SET last_error=?2 WHERE cik=?1");
  up.Bind(1, static_cast<std::int64_t>(cik.value)).Bind(2, reason.ToString());
  if (permanent) up.Bind(3, UtcTimestampNow());
  return up.Run();
}

Result<std::vector<CompanySubmissionsState>> Catalog::ListCompanySubmissions() const {
  SqliteStatement s(db_,
                    "SELECT f.cik, MAX(f.date_filed), MIN(f.date_filed), c.checked_at, "
                    "c.fetched_at, c.resolved_at, "
                    "COALESCE(c.last_error, '') FROM filings f "
                    "LEFT JOIN company_submissions c ON c.cik = f.cik "
                    "WHERE f.fetch_state='fetched' GROUP BY f.cik ORDER BY f.cik");
  std::vector<CompanySubmissionsState> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(CompanySubmissionsState{Cik{static_cast<std::uint64_t>(s.Int(0))},
                                          DateColumn(s, 1), DateColumn(s, 2), TextOrNull(s, 3),
                                          TextOrNull(s, 4), TextOrNull(s, 5), s.Text(6)});
  }
}

Result<std::vector<CompanyFiling>> Catalog::ListCompanyFilings(Cik cik) const {
  SqliteStatement s(db_,
                    "SELECT accession, form, filing_date, report_date, file_number "
                    "FROM company_filings WHERE cik=?1 ORDER BY accession");
  s.Bind(1, static_cast<std::int64_t>(cik.value));
  std::vector<CompanyFiling> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(CompanyFiling{Accession{s.Text(0)}, s.Text(1), DateColumn(s, 2), DateColumn(s, 3),
                                s.Text(4)});
  }
}

Status Catalog::MarkCompanyResolved(Cik cik) {
  CORRESP_RETURN_IF_ERROR(EnsureRow(db_, cik));
  SqliteStatement up(db_, "UPDATE company_submissions SET resolved_at=?2 WHERE cik=?1");
  up.Bind(1, static_cast<std::int64_t>(cik.value)).Bind(2, UtcTimestampNow());
  return up.Run();
}

}  // namespace corresp
