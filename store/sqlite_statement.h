// A prepared SQLite statement with typed binds and column reads (internal to store/).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace corresp {

// Status for the last error on `db` ("SQL: <message>"); kCorruption for corrupt files.
Status SqliteError(sqlite3* db, std::string_view what);
// Runs one or more statements without results.
Status ExecSql(sqlite3* db, const char* sql);

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, const char* sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Status of preparation (check before binding).
  const Status& prepared() const { return prepared_; }

  // Binds are 1-based. Empty optionals bind NULL.
  SqliteStatement& Bind(int i, std::string_view text);
  SqliteStatement& Bind(int i, const std::string& text) { return Bind(i, std::string_view(text)); }
  SqliteStatement& Bind(int i, const char* text) { return Bind(i, std::string_view(text)); }
  SqliteStatement& Bind(int i, std::int64_t value);
  SqliteStatement& Bind(int i, const std::optional<std::string>& text);
  SqliteStatement& BindNull(int i);

  // Steps once: true with a row, false when done; errors become a Status.
  Result<bool> Step();
  // Steps to completion, for statements without rows.
  Status Run();

  std::string Text(int col) const;  // "" for NULL
  std::int64_t Int(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status prepared_;
};

// Dates are stored as ISO text ("2007-07-03"), NULL when unknown.
std::optional<std::string> IsoOrNull(const std::optional<Date>& date);
std::optional<Date> DateColumn(const SqliteStatement& statement, int col);

}  // namespace corresp
