#include "store/sqlite_statement.h"

#include <cstring>

namespace corresp {

Status SqliteError(sqlite3* db, std::string_view what) {
  int code = sqlite3_errcode(db);
  std::string msg = std::string(what) + ": " + sqlite3_errmsg(db);
  int extended = sqlite3_extended_errcode(db);
  if (int sys = sqlite3_system_errno(db); sys != 0) {
    msg += std::string(" (") + std::strerror(sys) + ")";
  } else if ((extended & 0xff) == SQLITE_IOERR && extended != SQLITE_IOERR) {
    msg += " (extended code " + std::to_string(extended) + ")";
  }
  if (const char* file = sqlite3_db_filename(db, "main"); file && *file)
    msg += std::string(" in ") + file;
  if (code == SQLITE_FULL || (extended & 0xff) == SQLITE_IOERR)
    msg += " (is the disk full, or the file size limit reached?)";
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Corruption(msg);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Unavailable(msg);
  return IoError(msg);
}

Status ExecSql(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    return SqliteError(db, "SQL");
  }
  return Status::Ok();
}

SqliteStatement::SqliteStatement(sqlite3* db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
    prepared_ = SqliteError(db, std::string("prepare ") + sql);
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::Bind(int i, std::string_view text) {
  if (stmt_)
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int i, std::int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, value);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int i, const std::optional<std::string>& text) {
  return text ? Bind(i, std::string_view(*text)) : BindNull(i);
}

SqliteStatement& SqliteStatement::BindNull(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> SqliteStatement::Step() {
  if (!prepared_.ok()) return prepared_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, "step");
}

Status SqliteStatement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

std::string SqliteStatement::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  if (!t) return "";
  return std::string(reinterpret_cast<const char*>(t),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::int64_t SqliteStatement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

bool SqliteStatement::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::optional<std::string> IsoOrNull(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToIso();
}

std::optional<Date> DateColumn(const SqliteStatement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return Date::Parse(s.Text(col));
}

}  // namespace corresp
