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
//
// Shards (docs/scaling.md): a reader may span several databases (query/index_shards.h), which
// Xapian searches as one: doccount, term frequencies and BM25 statistics are combined, match
// sets merged. Xapian reads metadata from the first database only, so whatever lives in metadata
// (letter records, threads, running totals) is read shard by shard through shards().
#pragma once

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "query/facet_cache.h"
#include "query/index_shards.h"

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
  // Opens the database folder, or the shards a stub database file names. kNotFound when it
  // does not exist (run `corresp index`).
  static Result<std::unique_ptr<IndexReader>> Open(const std::filesystem::path& path,
                                                   const IndexReaderOptions& options = {});
  // Opens the shards together (at least one). Errors name the shard that failed.
  static Result<std::unique_ptr<IndexReader>> OpenShards(std::vector<ShardAddress> shards,
                                                         const IndexReaderOptions& options = {});
  // Connects to `xapian-tcpsrv` at "HOST:PORT". kInvalidArgument for a malformed address,
  // kNetwork when the server cannot be reached.
  static Result<std::unique_ptr<IndexReader>> OpenRemote(const std::string& host_port,
                                                         const IndexReaderOptions& options = {});

  // Runs `read` against the database, reopening and retrying on DatabaseModifiedError and
  // converting any other Xapian error to a Status.
  Status Run(const std::function<Status(const Xapian::Database&)>& read);

  // Metadata value ("" when absent) of the first shard that has one, through Run().
  Result<std::string> Metadata(const std::string& key);
  // The document whose unique id term is Q<id>; nullopt when absent.
  Result<std::optional<Xapian::Document>> FindById(const std::string& id);

  Xapian::Database& database() { return db_; }
  // Each shard alone, in the order given (one entry for a single index); they share their
  // connections with database(), so inside Run() they see the same revision.
  const std::vector<Xapian::Database>& shards() const { return shards_; }
  // True when any shard is served by xapian-tcpsrv (custom match spies cannot run there).
  bool remote() const { return remote_; }
  // The revision of every shard ("12" or "12.40"), for caches keyed by index state; inside
  // Run() only.
  std::string Revision() const;
  // Facet counts of recent searches over this reader's database (see query/facet_cache.h).
  FacetCache& facet_cache() { return facet_cache_; }

 private:
  IndexReader(std::vector<ShardAddress> addresses, IndexReaderOptions options)
      : addresses_(std::move(addresses)),
        options_(options),
        facet_cache_(options.facet_cache_entries) {}
  // (Re)opens every shard into shards_ and db_.
  Status Connect();
  std::vector<ShardAddress> addresses_;
  std::vector<Xapian::Database> shards_;
  Xapian::Database db_;
  IndexReaderOptions options_;
  bool remote_ = false;
  FacetCache facet_cache_;
};

// The index a command reads: the xapian-tcpsrv shards at `remotes` ("HOST:PORT" each) when
// any, else the local database (or stub file) at `local_path`.
Result<std::unique_ptr<IndexReader>> OpenIndex(const std::filesystem::path& local_path,
                                               const std::vector<std::string>& remotes,
                                               const IndexReaderOptions& options = {});

// Converts a Xapian exception into a Status (used at the query layer's edge).
Status StatusFromXapian(const Xapian::Error& error, const std::string& context);

}  // namespace corresp
