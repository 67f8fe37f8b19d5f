// Read access to the index, local or remote, for search, show, thread, similar and stats.
//
// A reader keeps answering while `corresp index` writes: every read runs through Run(), which
// first moves a local database to its latest commit (new letters show up in a long-running
// `serve` without a restart), and on Xapian::DatabaseModifiedError reopens and retries
// (up to IndexReaderOptions::max_retries times). A remote reader whose connection fails
// (xapian-tcpsrv restarted, connection dropped) connects again once per Run() and retries; when
// the server is still away the read fails with kNetwork and the next Run() tries again.
// Xapian exceptions never escape: they come back
// as Status (kNotFound for a missing index, kCorruption for a damaged or incompatible one,
// kNetwork for a remote that does not answer, kIoError otherwise).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "query/facet_cache.h"

namespace corresp {

struct IndexReaderOptions {
  // Reopen-and-retry rounds after DatabaseModifiedError: one is almost always enough; a few
  // cover a writer committing in a tight loop.
  int max_retries = 5;
  // Remote only: how long to wait for xapian-tcpsrv to connect and to answer (ms).
  int remote_timeout_ms = 10'000;
  // Facet counts kept for repeated searches (paging, re-sorting); 0 turns the cache off.
  std::size_t facet_cache_entries = 64;
};

class IndexReader {
 public:
  // Opens the database folder. kNotFound when it does not exist (run `corresp index`).
  static Result<std::unique_ptr<IndexReader>> Open(const std::filesystem::path& path,
                                                   const IndexReaderOptions& options = {});
  // Connects to `xapian-tcpsrv` at "HOST:PORT". kInvalidArgument for a malformed address,
  // kNetwork when the server cannot be reached.
  static Result<std::unique_ptr<IndexReader>> OpenRemote(const std::string& host_port,
                                                         const IndexReaderOptions& options = {});

  // Runs `read` against the database, reopening and retrying on DatabaseModifiedError and
  // converting any other Xapian error to a Status.
  Status Run(const std::function<Status(const Xapian::Database&)>& read);

  // Metadata value ("" when absent), through Run().
  Result<std::string> Metadata(const std::string& key);
  // The document whose unique id term is Q<id>; nullopt when absent.
  Result<std::optional<Xapian::Document>> FindById(const std::string& id);

  Xapian::Database& database() { return db_; }
  // True for a database served by xapian-tcpsrv (custom match spies cannot run there).
  bool remote() const { return remote_; }
  // Facet counts of recent searches over this reader's database (see query/facet_cache.h).
  FacetCache& facet_cache() { return facet_cache_; }

 private:
  IndexReader(Xapian::Database db, IndexReaderOptions options, std::string remote_address)
      : db_(std::move(db)),
        options_(options),
        remote_(!remote_address.empty()),
        remote_address_(std::move(remote_address)),
        facet_cache_(options.facet_cache_entries) {}
  // Replaces db_ with a new connection to remote_address_.
  Status Reconnect();
  Xapian::Database db_;
  IndexReaderOptions options_;
  bool remote_ = false;
  std::string remote_address_;  // "HOST:PORT" of a remote reader
  FacetCache facet_cache_;
};

// The index a command reads: xapian-tcpsrv at `remote` ("HOST:PORT") when not empty, else the
// local database at `local_path`.
Result<std::unique_ptr<IndexReader>> OpenIndex(const std::filesystem::path& local_path,
                                               const std::string& remote,
                                               const IndexReaderOptions& options = {});

// Converts a Xapian exception into a Status (used at the query layer's edge).
Status StatusFromXapian(const Xapian::Error& error, const std::string& context);

}  // namespace corresp
