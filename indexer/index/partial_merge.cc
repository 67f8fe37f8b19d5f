#include "indexer/index/partial_merge.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "core/index_schema.h"
#include "indexer/index/folder_swap.h"

namespace corresp {

namespace fs = std::filesystem;
namespace s = schema;
using nlohmann::json;

namespace {

Status XapianFailure(const Xapian::Error& e, const std::string& what) {
  return IoError(what + ": " + e.get_type() + ": " + e.get_msg());
}

// The first and last docids in use (0, 0 for a database without documents), as the compactor
// finds them to pack each source after the previous one.
std::pair<Xapian::docid, Xapian::docid> UsedDocidRange(const Xapian::Database& db) {
  Xapian::docid first = 0, last = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    if (first == 0) first = *it;
    last = *it;
  }
  return {first, last};
}

// Adds `offset` (modulo 2^32, as the compactor does) to every docid of the letterdocs: keys.
void ShiftLetterDocs(Xapian::WritableDatabase& db, Xapian::docid offset) {
  std::string prefix(s::kMetaLetterDocs);
  std::vector<std::string> keys;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
    keys.push_back(*it);
  for (const std::string& key : keys) {
    json ids = json::parse(db.get_metadata(key), nullptr, false);
    if (!ids.is_array()) continue;
    for (json& id : ids) id = static_cast<Xapian::docid>(id.get<Xapian::docid>() + offset);
    db.set_metadata(key, ids.dump());
  }
  db.commit();
}

// Resolves the metadata keys several partials hold (see partial_merge.h); records a conflict
// instead of throwing through Xapian.
class MergeCompactor : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& table_key, size_t n,
                                         const std::string tags[]) override {
    // Glass passes the key as stored in its table: "\0\xc0" + the user's key.
    std::string_view key = table_key;
    if (key.size() >= 2 && key[0] == '\0' && key[1] == '\xc0') key.remove_prefix(2);
    if (key.rfind(s::kMetaCountPrefix, 0) == 0) {
      long sum = 0;
      for (size_t i = 0; i < n; ++i) sum += ParseCount(tags[i]);
      return std::to_string(sum);
    }
    if (key == s::kMetaLastIndexed) return *std::max_element(tags, tags + n);
    bool same = std::all_of(tags, tags + n, [&](const std::string& t) { return t == tags[0]; });
    if (!same && conflict_.empty()) conflict_ = std::string(key);
    return tags[0];
  }
  const std::string& conflict() const { return conflict_; }

 private:
  static long ParseCount(const std::string& text) {
    try {
      return text.empty() ? 0 : std::stol(text);
    } catch (const std::exception&) {
      return 0;
    }
  }
  std::string conflict_;
};

}  // namespace

Result<MergeReport> MergePartialIndexes(const std::vector<fs::path>& partials,
                                        const fs::path& index, MergeTarget target) {
  auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  for (const fs::path& p : partials)
    if (!fs::is_directory(p, ec)) return NotFound(p.string() + ": no partial index");
  if (target == MergeTarget::kEmptyIndex && fs::exists(index, ec)) {
    try {
      Xapian::Database existing(index.string());
      if (existing.get_doccount() > 0 ||
          existing.metadata_keys_begin(std::string(s::kMetaLetterPrefix)) !=
              existing.metadata_keys_end(std::string(s::kMetaLetterPrefix)))
        return Status{
            StatusCode::kAlreadyExists,
            index.string() + ": not empty; partial indexes merge only into an empty index"};
    } catch (const Xapian::Error& e) {
      return XapianFailure(e, index.string());
    }
  }
  fs::path merging = index;
  merging += ".merging";
  fs::remove_all(merging, ec);  // a crashed merge's copy
  if (ec) return IoError(merging.string() + ": cannot remove stale copy: " + ec.message());
  MergeCompactor compactor;
  try {
    // The offsets the compactor will apply: each source packed after the previous one.
    Xapian::docid total = 0;
    for (const fs::path& p : partials) {
      Xapian::WritableDatabase db(p.string(), Xapian::DB_OPEN);
      auto [first, last] = UsedDocidRange(db);
      if (first == 0) continue;
      Xapian::docid offset = total - (first - 1);
      if (offset != 0) ShiftLetterDocs(db, offset);
      total = offset + last;
    }
    Xapian::Database all;
    for (const fs::path& p : partials) all.add_database(Xapian::Database(p.string()));
    all.compact(merging.string(), 0, 0, compactor);
  } catch (const Xapian::Error& e) {
    fs::remove_all(merging, ec);
    return XapianFailure(e, index.string() + ": merging partial indexes");
  }
  if (!compactor.conflict().empty()) {
    fs::remove_all(merging, ec);
    return Internal(index.string() + ": partial indexes both hold metadata key '" +
                    compactor.conflict() + "' with different values");
  }
  MergeReport report;
  try {
    report.documents = static_cast<long>(Xapian::Database(merging.string()).get_doccount());
  } catch (const Xapian::Error& e) {
    fs::remove_all(merging, ec);
    return XapianFailure(e, merging.string());
  }
  CORRESP_RETURN_IF_ERROR(SyncFolder(merging));
  CORRESP_RETURN_IF_ERROR(SwapFolderIn(merging, index));
  fs::remove_all(merging, ec);  // the index it replaced, if any
  report.bytes_after = FolderBytes(index);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace corresp
