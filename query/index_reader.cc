#include "query/index_reader.h"

#include <charconv>

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
  try {
    Xapian::Database db(path.string());
    return std::unique_ptr<IndexReader>(new IndexReader(std::move(db), options, ""));
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, path.string());
  }
}

namespace {

// Connects to xapian-tcpsrv at host:port (already validated).
Xapian::Database ConnectRemote(const std::string& host_port, const IndexReaderOptions& options) {
  auto colon = host_port.rfind(':');
  unsigned port = static_cast<unsigned>(std::stoul(host_port.substr(colon + 1)));
  return Xapian::Remote::open(host_port.substr(0, colon), port, options.remote_timeout_ms,
                              options.remote_timeout_ms);
}

}  // namespace

Result<std::unique_ptr<IndexReader>> IndexReader::OpenRemote(const std::string& host_port,
                                                             const IndexReaderOptions& options) {
  auto colon = host_port.rfind(':');
  unsigned port = 0;
  if (colon == std::string::npos || colon == 0 ||
      std::from_chars(host_port.data() + colon + 1, host_port.data() + host_port.size(), port).ec !=
          std::errc() ||
      port == 0 || port > 65535)
    return InvalidArgument("--remote: expected HOST:PORT, got \"" + host_port + "\"");
  try {
    Xapian::Database db = ConnectRemote(host_port, options);
    return std::unique_ptr<IndexReader>(new IndexReader(std::move(db), options, host_port));
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "remote " + host_port);
  }
}

Result<std::unique_ptr<IndexReader>> OpenIndex(const std::filesystem::path& local_path,
                                               const std::string& remote,
                                               const IndexReaderOptions& options) {
  return remote.empty() ? IndexReader::Open(local_path, options)
                        : IndexReader::OpenRemote(remote, options);
}

Status IndexReader::Reconnect() {
  try {
    db_ = ConnectRemote(remote_address_, options_);
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "reconnect to remote " + remote_address_);
  }
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
      CORRESP_RETURN_IF_ERROR(Reconnect());
    } catch (const Xapian::Error& e) {
      return StatusFromXapian(e, "index");
    }
  }
}

Result<std::string> IndexReader::Metadata(const std::string& key) {
  std::string value;
  CORRESP_RETURN_IF_ERROR(Run([&](const Xapian::Database& db) {
    value = db.get_metadata(key);
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
