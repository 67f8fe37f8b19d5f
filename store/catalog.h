// The SQLite catalog: what we know about every filing, its documents, review threads,
// crawl watermarks and the record of failures. One file, DATA/catalog.sqlite, in WAL mode
// with a busy timeout and foreign keys on. Opening migrates an older schema to the current
// one inside a transaction (see docs/architecture.md for the tables).
//
// Every method returns a Status/Result; SQLite errors come back as kIoError (or kCorruption
// for SQLITE_CORRUPT / SQLITE_NOTADB) with the statement's error message. A Catalog object is
// used by one thread; several processes may open the same file (readers never block on the
// writer thanks to WAL).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/filing.h"
#include "core/reviewed_filing.h"
#include "core/status.h"
#include "core/thread.h"

struct sqlite3;

namespace corresp {

class CatalogTransaction;

// A failure that is remembered across runs so bad inputs are reported, and either retried
// (transient) or left alone (permanent) on the next run.
struct FailureRecord {
  std::string subject;     // accession, or a URL for index files
  std::string stage;       // "discover", "fetch", "extract", "index"
  std::string code;        // StatusCodeName
  std::string reason;      // human-readable, names the file or URL
  bool permanent = false;  // a retry cannot fix it (corrupt document)
  int attempts = 0;
  std::string first_at;  // UTC ISO-8601 timestamps
  std::string last_at;
};

// What the last request for a day's daily index answered (refresh's per-day record).
enum class IndexDayOutcome {
  kSeen,     // 200: the index was read; a day once seen stays seen
  kMissing,  // 404: a weekend, a holiday, or not published yet
  kFailed,   // any other failure (network, 5xx, unparsable)
};

// What the catalog knows of one company's submissions JSON (docs/crawler.md "Submissions JSON").
struct CompanySubmissionsState {
  Cik cik;
  std::optional<Date> newest_letter;       // latest date_filed of its fetched letters
  std::optional<Date> oldest_letter;       // earliest date_filed of its fetched letters
  std::optional<std::string> checked_at;   // last fetch that ended (ok, or failed permanently)
  std::optional<std::string> fetched_at;   // last successful fetch
  std::optional<std::string> resolved_at;  // when `index` resolved its letters against the
                                           // current cache; nullopt since a newer fetch
  std::string last_error;                  // "" after a success
};

// A fetched filing left to index, with its company.
struct FilingToIndex {
  Accession accession;
  Cik cik;
};

struct CatalogCounts {
  long filings = 0;   // every filing row
  long fetched = 0;   // stored completely
  long upload = 0;    // fetched UPLOAD filings
  long corresp = 0;   // fetched CORRESP filings
  long draft = 0;     // fetched DRSLTR and DOSLTR filings (company letters on draft statements)
  long failures = 0;  // rows in the failure record
  long threads_open = 0;
  long threads_closed = 0;
};

class Catalog {
 public:
  static constexpr int kSchemaVersion = 6;

  // Opens (creating when absent) and migrates. kCorruption when the file is not a database.
  static Result<std::unique_ptr<Catalog>> Open(const std::filesystem::path& file);
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  Result<int> SchemaVersion() const;

  // Writes are grouped with a CatalogTransaction (store/catalog_transaction.h); every method
  // below runs on its own (SQLite's autocommit) when no transaction is open.

  // ---- filings -------------------------------------------------------------------------
  // Inserts a discovered filing; an existing row is left as is (keeps its state), except that
  // a missing index_day is filled in.
  Status AddDiscovered(const IndexEntry& entry);
  // nullopt when unknown. Documents are included, ordered by sequence.
  Result<std::optional<Filing>> GetFiling(const Accession& accession) const;
  // Stores the header fields and documents of a fetched filing (replacing earlier documents),
  // sets fetch_state=fetched, attempts+1, clears last_error and its fetch failure record.
  Status SaveFetched(const Filing& filing);
  // Marks a fetch failure: fetch_state=failed (or permanent), attempts+1, last_error, and a
  // row in the failure record (stage "fetch"). Two writes: only inside `txn`, a transaction
  // on this catalog (kInternal otherwise), so a failure between them leaves neither.
  Status SaveFetchFailure(const CatalogTransaction& txn, const Accession& accession,
                          const Status& reason, bool permanent);
  // Filings in `state` (all when nullopt), by accession, without documents.
  Result<std::vector<Filing>> ListFilings(std::optional<FetchState> state = std::nullopt) const;

  // ---- indexing bookkeeping ------------------------------------------------------------
  // Fetched filings whose indexed extractor version is absent or below `extractor_version`,
  // in company order (CIK, filing date, accession): a batch of them then covers whole companies,
  // so each company is re-linked, and its letters' documents rebuilt, as few times as possible
  // (by accession, every company's staff letters came first and its replies much later).
  Result<std::vector<FilingToIndex>> ListToIndex(int extractor_version) const;
  Status MarkIndexed(const Accession& accession, int extractor_version);
  // Forgets every indexed version (for `index --rebuild`).
  Status ClearIndexed();

  // ---- failure record ------------------------------------------------------------------
  // Upserts on (subject, stage): attempts+1, last_at=now, reason/code/permanent replaced.
  Status RecordFailure(const std::string& subject, const std::string& stage, const Status& reason,
                       bool permanent);
  Status ClearFailure(const std::string& subject, const std::string& stage);
  Result<std::vector<FailureRecord>> ListFailures() const;

  // ---- key/value state (watermarks) ----------------------------------------------------
  Result<std::optional<std::string>> GetState(std::string_view key) const;
  Status SetState(std::string_view key, std::string_view value);

  // ---- index days and reconciled quarters (refresh; docs/crawler.md "Late daily indexes")
  // Upserts the day's outcome and check time; kSeen is never replaced by a later outcome.
  Status RecordIndexDay(Date day, IndexDayOutcome outcome);
  // Every recorded day with its outcome.
  Result<std::map<Date, IndexDayOutcome>> ListIndexDays() const;
  // Remembers that `quarter` ("2019Q4") was reconciled against its full index; idempotent.
  Status MarkQuarterReconciled(std::string_view quarter);
  Result<std::set<std::string>> ListReconciledQuarters() const;

  // ---- review threads ------------------------------------------------------------------
  // Replaces every thread of `cik` with `threads` (letters included). A delete and many
  // inserts: only inside `txn`, a transaction on this catalog (kInternal otherwise), so a
  // failed insert leaves the company's old threads, never a part of the new ones.
  Status ReplaceThreads(const CatalogTransaction& txn, Cik cik,
                        const std::vector<ReviewThread>& threads);
  // All threads (of one company when cik is given), by id.
  Result<std::vector<ReviewThread>> ListThreads(std::optional<Cik> cik = std::nullopt) const;
  Result<std::optional<ReviewThread>> GetThread(std::string_view id) const;

  // ---- company submissions (reviewed filings; store/catalog_companies.cc) -------------
  // Replaces the company's filings with `filings` (`pages` JSON files read), sets checked_at
  // and fetched_at to now, clears last_error and resolved_at (its letters must be resolved
  // again). Run it inside a CatalogTransaction.
  Status SaveCompanyFilings(Cik cik, const std::vector<CompanyFiling>& filings, int pages);
  // Records a failed fetch: last_error = reason; checked_at = now when `permanent` (a 404 or
  // bad JSON is not asked again until a newer letter arrives), untouched otherwise. Cached
  // filings stay.
  Status SaveCompanyFilingsFailure(Cik cik, const Status& reason, bool permanent);
  // Every company with a fetched letter or a submissions row, by CIK.
  Result<std::vector<CompanySubmissionsState>> ListCompanySubmissions() const;
  // The cached filings of `cik` (empty when none), by accession.
  Result<std::vector<CompanyFiling>> ListCompanyFilings(Cik cik) const;
  // Sets resolved_at = now (the index resolved the company's letters against its filings).
  Status MarkCompanyResolved(Cik cik);

  // ---- summaries -----------------------------------------------------------------------
  Result<CatalogCounts> Counts() const;
  // Every sha256 a document row references (for verify and gc), sorted, unique.
  Result<std::vector<std::string>> ReferencedObjects() const;

  sqlite3* handle() const { return db_; }  // for tests only

 private:
  friend class CatalogTransaction;
  explicit Catalog(sqlite3* db) : db_(db) {}
  Status Migrate();
  sqlite3* db_;
};

}  // namespace corresp
