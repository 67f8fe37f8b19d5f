#include "store/catalog.h"

#include <sqlite3.h>

#include "store/catalog_schema.h"
#include "store/catalog_transaction.h"
#include "store/sqlite_statement.h"

namespace corresp {
namespace {

constexpr const char* kFilingColumns =
    "accession, cik, company, form, date_filed, index_day, source_url, fetch_state, attempts, "
    "last_error, fetched_at, dissemination_date, sic, state_of_inc, fiscal_year_end, file_number, "
    "submission_sha256, total_bytes, COALESCE(indexed_version, 0)";

Filing ReadFiling(const SqliteStatement& s) {
  Filing f;
  f.accession = Accession{s.Text(0)};
  f.cik = Cik{static_cast<std::uint64_t>(s.Int(1))};
  f.company = s.Text(2);
  f.form = s.Text(3);
  f.date_filed = DateColumn(s, 4);
  f.index_day = DateColumn(s, 5);
  f.source_url = s.Text(6);
  f.fetch_state = ParseFetchState(s.Text(7)).value_or(FetchState::kDiscovered);
  f.attempts = static_cast<int>(s.Int(8));
  f.last_error = s.Text(9);
  f.fetched_at = s.Text(10);
  f.dissemination_date = DateColumn(s, 11);
  f.sic = s.Text(12);
  f.state = s.Text(13);
  f.fiscal_year_end = s.Text(14);
  f.file_number = s.Text(15);
  f.submission_sha256 = s.Text(16);
  f.total_bytes = static_cast<std::uint64_t>(s.Int(17));
  f.indexed_version = static_cast<int>(s.Int(18));
  return f;
}

}  // namespace

Result<std::unique_ptr<Catalog>> Catalog::Open(const std::filesystem::path& file) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    Status s = IoError("cannot open catalog " + file.string() + ": " +
                       (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return s;
  }
  auto catalog = std::unique_ptr<Catalog>(new Catalog(db));
  sqlite3_busy_timeout(db, 10'000);
  Status setup = ExecSql(db,
                         "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                         "PRAGMA synchronous=NORMAL;");
  if (setup.ok()) setup = catalog->Migrate();
  if (!setup.ok()) return setup.WithContext("catalog " + file.string());
  return catalog;
}

Catalog::~Catalog() { sqlite3_close(db_); }

Result<int> Catalog::SchemaVersion() const {
  SqliteStatement s(db_, "PRAGMA user_version");
  CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Internal("PRAGMA user_version returned nothing");
  return static_cast<int>(s.Int(0));
}

Status Catalog::Migrate() {
  CORRESP_ASSIGN_OR_RETURN(int version, SchemaVersion());
  const auto& migrations = CatalogMigrations();
  if (version > static_cast<int>(migrations.size()))
    return InvalidArgument("catalog schema version " + std::to_string(version) +
                           " is newer than this corresp understands (" +
                           std::to_string(migrations.size()) + ")");
  for (int v = version; v < static_cast<int>(migrations.size()); ++v) {
    std::string context = "migration to schema " + std::to_string(v + 1);
    Result<CatalogTransaction> txn = CatalogTransaction::Begin(*this);
    if (!txn.ok()) return txn.status().WithContext(context);
    Status step = ExecSql(db_, migrations[static_cast<size_t>(v)]);
    if (step.ok()) step = ExecSql(db_, ("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
    if (step.ok()) step = txn->Commit();
    if (!step.ok()) return step.WithContext(context);
  }
  return Status::Ok();
}

Status Catalog::AddDiscovered(const IndexEntry& e) {
  SqliteStatement s(db_,
                    "INSERT INTO filings (accession, cik, company, form, date_filed, index_day) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(accession) DO UPDATE SET "
                    "index_day = COALESCE(filings.index_day, excluded.index_day)");
  s.Bind(1, e.accession.text)
      .Bind(2, static_cast<std::int64_t>(e.cik.value))
      .Bind(3, e.company)
      .Bind(4, e.form)
      .Bind(5, e.date_filed.ToIso())
      .Bind(6, e.index_day.ToIso());
  return s.Run();
}

Result<std::optional<Filing>> Catalog::GetFiling(const Accession& accession) const {
  std::string sql = std::string("SELECT ") + kFilingColumns + " FROM filings WHERE accession=?1";
  SqliteStatement s(db_, sql.c_str());
  s.Bind(1, accession.text);
  CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Filing>();
  Filing f = ReadFiling(s);
  SqliteStatement d(db_,
                    "SELECT sequence, type, filename, description, content_type, sha256, size "
                    "FROM documents WHERE accession=?1 ORDER BY sequence");
  d.Bind(1, accession.text);
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool more, d.Step());
    if (!more) break;
    f.documents.push_back(DocumentInfo{static_cast<int>(d.Int(0)), d.Text(1), d.Text(2), d.Text(3),
                                       d.Text(4), d.Text(5), static_cast<std::uint64_t>(d.Int(6))});
  }
  return std::optional<Filing>(std::move(f));
}

Status Catalog::SaveFetched(const Filing& f) {
  SqliteStatement s(db_, R"sql(
    INSERT INTO filings (accession, cik, company, form, date_filed, index_day, source_url,
      fetch_state, attempts, last_error, fetched_at, dissemination_date, sic, state_of_inc,
      fiscal_year_end, file_number, submission_sha256, total_bytes)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'fetched', 1, '', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
    ON CONFLICT(accession) DO UPDATE SET cik=excluded.cik, company=excluded.company,
      form=excluded.form, date_filed=COALESCE(excluded.date_filed, filings.date_filed),
      index_day=COALESCE(filings.index_day, excluded.index_day), source_url=excluded.source_url,
      fetch_state='fetched', attempts=filings.attempts+1, last_error='',
      fetched_at=excluded.fetched_at, dissemination_date=excluded.dissemination_date,
      sic=excluded.sic, state_of_inc=excluded.state_of_inc,
      fiscal_year_end=excluded.fiscal_year_end, file_number=excluded.file_number,
      submission_sha256=excluded.submission_sha256, total_bytes=excluded.total_bytes)sql");
  s.Bind(1, f.accession.text)
      .Bind(2, static_cast<std::int64_t>(f.cik.value))
      .Bind(3, f.company)
      .Bind(4, f.form)
      .Bind(5, IsoOrNull(f.date_filed))
      .Bind(6, IsoOrNull(f.index_day))
      .Bind(7, f.source_url)
      .Bind(8, UtcTimestampNow())
      .Bind(9, IsoOrNull(f.dissemination_date))
      .Bind(10, f.sic)
      .Bind(11, f.state)
      .Bind(12, f.fiscal_year_end)
      .Bind(13, f.file_number)
      .Bind(14, f.submission_sha256)
      .Bind(15, static_cast<std::int64_t>(f.total_bytes));
  CORRESP_RETURN_IF_ERROR(s.Run());
  SqliteStatement del(db_, "DELETE FROM documents WHERE accession=?1");
  del.Bind(1, f.accession.text);
  CORRESP_RETURN_IF_ERROR(del.Run());
  for (const DocumentInfo& d : f.documents) {
    SqliteStatement ins(db_,
                        "INSERT INTO documents (accession, sequence, filename, type, description, "
                        "content_type, sha256, size) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ins.Bind(1, f.accession.text)
        .Bind(2, static_cast<std::int64_t>(d.sequence))
        .Bind(3, d.filename)
        .Bind(4, d.type)
        .Bind(5, d.description)
        .Bind(6, d.content_type)
        .Bind(7, d.sha256)
        .Bind(8, static_cast<std::int64_t>(d.size));
    CORRESP_RETURN_IF_ERROR(ins.Run());
  }
  return ClearFailure(f.accession.text, "fetch");
}

Status Catalog::SaveFetchFailure(const CatalogTransaction& txn, const Accession& accession,
                                 const Status& reason, bool permanent) {
  if (!txn.Covers(*this))
    return Internal("SaveFetchFailure " + accession.text + ": no open transaction on this catalog");
  SqliteStatement s(db_,
                    "UPDATE filings SET fetch_state=?2, attempts=attempts+1, last_error=?3 "
                    "WHERE accession=?1");
  s.Bind(1, accession.text)
      .Bind(2, std::string_view(
                   FetchStateName(permanent ? FetchState::kPermanent : FetchState::kFailed)))
      .Bind(3, reason.ToString());
  CORRESP_RETURN_IF_ERROR(s.Run());
  return RecordFailure(accession.text, "fetch", reason, permanent);
}

Result<std::vector<Filing>> Catalog::ListFilings(std::optional<FetchState> state) const {
  std::string sql = std::string("SELECT ") + kFilingColumns + " FROM filings" +
                    (state ? " WHERE fetch_state=?1" : "") + " ORDER BY accession";
  SqliteStatement s(db_, sql.c_str());
  if (state) s.Bind(1, std::string_view(FetchStateName(*state)));
  std::vector<Filing> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadFiling(s));
  }
  return out;
}

Result<std::vector<FilingToIndex>> Catalog::ListToIndex(int extractor_version) const {
  // Two ranges of the filings_to_index index (an OR would scan every fetched filing).
  SqliteStatement s(db_,
                    "SELECT accession, cik, date_filed FROM filings WHERE fetch_state='fetched' "
                    "AND indexed_version IS NULL UNION ALL "
                    "SELECT accession, cik, date_filed FROM filings WHERE fetch_state='fetched' "
                    "AND indexed_version < ?1 ORDER BY 2, 3, 1");
  s.Bind(1, static_cast<std::int64_t>(extractor_version));
  std::vector<FilingToIndex> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(FilingToIndex{Accession{s.Text(0)}, Cik{static_cast<std::uint64_t>(s.Int(1))}});
  }
  return out;
}

Status Catalog::MarkIndexed(const Accession& accession, int extractor_version) {
  SqliteStatement s(db_, "UPDATE filings SET indexed_version=?2, indexed_at=?3 WHERE accession=?1");
  s.Bind(1, accession.text)
      .Bind(2, static_cast<std::int64_t>(extractor_version))
      .Bind(3, UtcTimestampNow());
  return s.Run();
}

Status Catalog::ClearIndexed() {
  return ExecSql(db_, "UPDATE filings SET indexed_version=NULL, indexed_at=NULL");
}

Status Catalog::RecordFailure(const std::string& subject, const std::string& stage,
                              const Status& reason, bool permanent) {
  SqliteStatement s(db_, R"sql(
    INSERT INTO failures (subject, stage, code, reason, permanent, attempts, first_at, last_at)
    VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6)
    ON CONFLICT(subject, stage) DO UPDATE SET code=excluded.code, reason=excluded.reason,
      permanent=excluded.permanent, attempts=failures.attempts+1, last_at=excluded.last_at)sql");
  std::string now = UtcTimestampNow();
  s.Bind(1, subject)
      .Bind(2, stage)
      .Bind(3, std::string_view(StatusCodeName(reason.code())))
      .Bind(4, reason.message())
      .Bind(5, static_cast<std::int64_t>(permanent ? 1 : 0))
      .Bind(6, now);
  return s.Run();
}

Status Catalog::ClearFailure(const std::string& subject, const std::string& stage) {
  SqliteStatement s(db_, "DELETE FROM failures WHERE subject=?1 AND stage=?2");
  s.Bind(1, subject).Bind(2, stage);
  return s.Run();
}

Result<std::vector<FailureRecord>> Catalog::ListFailures() const {
  SqliteStatement s(db_,
                    "SELECT subject, stage, code, reason, permanent, attempts, first_at, last_at "
                    "FROM failures ORDER BY stage, subject");
  std::vector<FailureRecord> out;
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(FailureRecord{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4) != 0,
                                static_cast<int>(s.Int(5)), s.Text(6), s.Text(7)});
  }
  return out;
}

Result<std::optional<std::string>> Catalog::GetState(std::string_view key) const {
  SqliteStatement s(db_, "SELECT value FROM state WHERE key=?1");
  s.Bind(1, key);
  CORRESP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.Text(0));
}

Status Catalog::SetState(std::string_view key, std::string_view value) {
  SqliteStatement s(db_,
                    "INSERT INTO state (key, value) VALUES (?1, ?2) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  s.Bind(1, key).Bind(2, value);
  return s.Run();
}

}  // namespace corresp
