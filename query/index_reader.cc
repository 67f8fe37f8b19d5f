#include "query/index_reader.h"

#include "core/index_schema.h"

namespace corresp {

Status StatusFromXapian(const Xapian::Error& e, const std::string& context) {
  std::string type = e.get_type();
  std::string msg = context + ": " + type + ": " + e.get_msg();
  if (type == "DatabaseNotFoundError") return NotFound(msg + " (run `corresp index` first)");
  if (type == "DatabaseCorruptError" || type == "DatabaseVersionError") return Corruption(msg);
  if (type == "NetworkError" || type == "NetworkTimeoutError") return NetworkError(msg);
  if (type == "QueryParserError") return InvalidArgument(msg);
  if (type == "DatabaseOpeningError") return NotFound(msg + " (run `corresp index` first)");
  return IoError(msg);
}

Result<std::unique_ptr<IndexReader>> IndexReader::Open(const std::filesystem::path& path,
                                                       const IndexReaderOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return NotFound(path.string() + ": no index (run `corresp index` first)");
  CORRESP_ASSIGN_OR_RETURN(std::vector<ShardAddress> shards, ShardsOf(path, {}));
  return OpenShards(std::move(shards), options);
}

Result<std::unique_ptr<IndexReader>> IndexReader::OpenRemote(const std::string& host_port,
                                                             const IndexReaderOptions& options) {
  Status ok = CheckHostPort(host_port);
  if (!ok.ok()) return InvalidArgument("--remote: " + ok.message());
  return OpenShards({ShardAddress{host_port, {}}}, options);
}

Result<std::unique_ptr<IndexReader>> IndexReader::OpenShards(std::vector<ShardAddress> shards,
                                                             const IndexReaderOptions& options) {
  if (shards.empty()) return InvalidArgument("index: no shard to open");
  std::unique_ptr<IndexReader> reader(new IndexReader(std::move(shards), options));
  CORRESP_RETURN_IF_ERROR(reader->Connect());
  return reader;
}

Result<std::unique_ptr<IndexReader>> OpenIndex(const std::filesystem::path& local_path,
                                               const std::vector<std::string>& remotes,
                                               const IndexReaderOptions& options) {
  if (remotes.empty()) return IndexReader::Open(local_path, options);
  CORRESP_ASSIGN_OR_RETURN(std::vector<ShardAddress> shards, ShardsOf(local_path, remotes));
  return IndexReader::OpenShards(std::move(shards), options);
}

Status IndexReader::Connect() {
  std::vector<Xapian::Database> shards;
  Xapian::Database all;
  bool remote = false;
  for (const ShardAddress& a : addresses_) {
    std::string name = a.remote.empty() ? a.local.string() : "remote " + a.remote;
    try {
      if (a.remote.empty()) {
        std::error_code ec;
        if (!std::filesystem::exists(a.local, ec))
          return NotFound(name + ": no index (run `corresp index` first)");
        shards.emplace_back(a.local.string());
      } else {
        auto colon = a.remote.rfind(':');
        unsigned port = static_cast<unsigned>(std::stoul(a.remote.substr(colon + 1)));
        shards.push_back(Xapian::Remote::open(a.remote.substr(0, colon), port,
                                              options_.remote_timeout_ms,
                                              options_.remote_timeout_ms));
        remote = true;
      }
    } catch (const Xapian::Error& e) {
      return StatusFromXapian(e, name);
    }
    all.add_database(shards.back());  // shares the shard's connection
  }
  shards_ = std::move(shards);
  db_ = std::move(all);
  remote_ = remote;
  return Status::Ok();
}

std::string IndexReader::Revision() const {
  std::string out;
  for (const Xapian::Database& shard : shards_)
    out += (out.empty() ? "" : ".") + std::to_string(shard.get_revision());
  return out;
}

Status IndexReader::Run(const std::function<Status(const Xapian::Database&)>& read) {
  bool reconnected = false;
  for (int attempt = 0;; ++attempt) {
    try {
      // A long-lived reader (corresp serve) moves to the latest commit before each read, so
      // what `corresp refresh` indexes shows up at once; a no-op when nothing changed.
      if (attempt == 0 && !remote_) db_.reopen();
      return read(db_);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= options_.max_retries) return StatusFromXapian(e, "index changed too often");
      try {
        db_.reopen();
      } catch (const Xapian::Error& e2) {
        return StatusFromXapian(e2, "reopen");
      }
    } catch (const Xapian::NetworkError& e) {
      // xapian-tcpsrv restarted or the connection dropped: one new connection, one more try.
      if (!remote_ || reconnected) return StatusFromXapian(e, "index");
      reconnected = true;
      CORRESP_RETURN_IF_ERROR(Connect());
    } catch (const Xapian::Error& e) {
      return StatusFromXapian(e, "index");
    }
  }
}

Result<std::string> IndexReader::Metadata(const std::string& key) {
  std::string value;
  CORRESP_RETURN_IF_ERROR(Run([&](const Xapian::Database&) {
    value.clear();
    for (auto shard = shards_.begin(); value.empty() && shard != shards_.end(); ++shard)
      value = shard->get_metadata(key);
    return Status::Ok();
  }));
  return value;
}

Result<std::optional<Xapian::Document>> IndexReader::FindById(const std::string& id) {
  std::optional<Xapian::Document> doc;
  CORRESP_RETURN_IF_ERROR(Run([&](const Xapian::Database& db) {
    std::string term = schema::Term(schema::kPrefixId, id);
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it != db.postlist_end(term)) {
      Xapian::Document d = db.get_document(*it);
      d.get_data();  // fetch now, inside the retry loop
      doc = d;
    } else {
      doc.reset();
    }
    return Status::Ok();
  }));
  return doc;
}

}  // namespace corresp
