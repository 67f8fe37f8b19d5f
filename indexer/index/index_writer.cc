#include "indexer/index/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "core/index_schema.h"
#include "indexer/index/comment_lifecycle.h"
#include "indexer/index/document_builder.h"
#include "indexer/index/reviewed.h"
#include "indexer/index/topics.h"

namespace corresp {

namespace s = schema;
using nlohmann::json;

namespace {

std::string LetterKey(Cik cik, const Accession& acc) {
  return std::string(s::kMetaLetterPrefix) + cik.Padded() + ":" + acc.text;
}

Status FromXapian(const Xapian::Error& e, const std::string& what) {
  std::string msg = what + ": " + e.get_type() + ": " + e.get_msg();
  std::string type = e.get_type();
  if (type == "DatabaseLockError") return Unavailable(msg);
  if (type == "DatabaseCorruptError" || type == "DatabaseVersionError" ||
      type == "DatabaseOpeningError")
    return Corruption(msg);
  return IoError(msg);
}

// The taxonomy names the query layer reads to expand a topic's name into its topic term.
std::string TopicsMetadata() {
  json topics = json::array();
  for (const Topic& t : TopicTaxonomy())
    topics.push_back({{"slug", t.slug}, {"name", t.name}, {"standards", t.standards}});
  return topics.dump();
}

// Replaces every document of one letter. The docids written last time are kept in the metadata
// (letterdocs:<ACC>), so old documents are deleted by docid and new ones added: looking
// documents up by term on a writable database flushes pending postings, which makes bulk
// indexing quadratic. Each document still carries its unique Q term.
void ReplaceLetterDocuments(Xapian::WritableDatabase& db, const std::string& accession,
                            const std::vector<BuiltDocument>& docs) {
  std::string key = std::string(s::kMetaLetterDocs) + accession;
  json old = json::parse(db.get_metadata(key), nullptr, false);
  if (old.is_array()) {
    for (const json& did : old) {
      try {
        db.delete_document(did.get<Xapian::docid>());
      } catch (const Xapian::DocNotFoundError&) {
      }
    }
  }
  json ids = json::array();
  for (const BuiltDocument& d : docs) ids.push_back(db.add_document(d.document));
  db.set_metadata(key, ids.dump());
}

// Words a document contributes to the spelling dictionary: its unprefixed terms (prefixed
// terms start with an upper-case letter), counted by within-document frequency.
void CountSpellingWords(const Xapian::Document& doc,
                        std::unordered_map<std::string, unsigned>& counts) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
    counts[term] += it.get_wdf();
  }
}

}  // namespace

std::string ThreadToJson(const ReviewThread& t) {
  json reviewed = json::array();
  for (const ReviewedFiling& r : t.reviewed) reviewed.push_back(ReviewedToJson(r, t.cik));
  json letters = json::array();
  for (const ThreadLetter& l : t.letters)
    letters.push_back({{"accession", l.accession.text},
                       {"form", l.form},
                       {"kind", l.kind},
                       {"date", l.date ? json(l.date->ToIso()) : json(nullptr)},
                       {"comments", l.comments}});
  json comments = json::array();
  for (const CommentLifecycle& c : t.comments) comments.push_back(LifecycleEntry(c));
  return json{{"thread", t.id},
              {"cik", t.cik.ToString()},
              {"company", t.company},
              {"status", t.status == ThreadStatus::kClosed ? "closed" : "open"},
              {"start", t.start ? json(t.start->ToIso()) : json(nullptr)},
              {"end", t.end ? json(t.end->ToIso()) : json(nullptr)},
              {"days", t.Days()},
              {"letters", letters},
              {"comments", comments},
              {"reviewed", reviewed}}
      .dump();
}

IndexWriter::IndexWriter(std::unique_ptr<Xapian::WritableDatabase> db, IndexWriterOptions options)
    : db_(std::move(db)), options_(options) {}
IndexWriter::~IndexWriter() = default;

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::filesystem::path& path,
                                                       const IndexWriterOptions& options) {
  // Xapian 1.4 reads its flush threshold only from the environment, when a database opens.
  if (options.flush_threshold > 0)
    setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(options.flush_threshold).c_str(), 0);
  try {
    auto db = std::make_unique<Xapian::WritableDatabase>(path.string(), Xapian::DB_CREATE_OR_OPEN);
    std::string schema = db->get_metadata(std::string(s::kMetaSchema));
    if (!schema.empty() && schema != std::to_string(s::kSchemaVersion))
      return Corruption(path.string() + ": index schema " + schema + ", expected " +
                        std::to_string(s::kSchemaVersion) + " (run `corresp index --rebuild`)");
    db->set_metadata(std::string(s::kMetaSchema), std::to_string(s::kSchemaVersion));
    db->set_metadata("topics", TopicsMetadata());
    std::unique_ptr<IndexWriter> writer(new IndexWriter(std::move(db), options));
    writer->LoadTotals();
    return writer;
  } catch (const Xapian::Error& e) {
    return FromXapian(e, path.string());
  }
}

namespace {

bool IsClosedThread(const std::string& thread_json) {
  json t = json::parse(thread_json, nullptr, false);
  return t.is_object() && t.value("status", "") == "closed";
}

long ParseCount(const std::string& text) {
  try {
    return text.empty() ? -1 : std::stol(text);
  } catch (const std::exception&) {
    return -1;
  }
}

}  // namespace

// Reads the totals; an index written before they existed is counted once by a key scan
// (no write is pending yet, so iterating the keys flushes nothing).
void IndexWriter::LoadTotals() {
  letters_ = ParseCount(db_->get_metadata(std::string(s::kMetaCountLetters)));
  threads_open_ = ParseCount(db_->get_metadata(std::string(s::kMetaCountThreadsOpen)));
  threads_closed_ = ParseCount(db_->get_metadata(std::string(s::kMetaCountThreadsClosed)));
  if (letters_ >= 0 && threads_open_ >= 0 && threads_closed_ >= 0) return;
  letters_ = threads_open_ = threads_closed_ = 0;
  std::string lp(s::kMetaLetterPrefix), tp(s::kMetaThreadPrefix);
  for (auto it = db_->metadata_keys_begin(lp); it != db_->metadata_keys_end(lp); ++it) ++letters_;
  for (auto it = db_->metadata_keys_begin(tp); it != db_->metadata_keys_end(tp); ++it) {
    std::string value = db_->get_metadata(*it);
    if (!value.empty()) ++(IsClosedThread(value) ? threads_closed_ : threads_open_);
  }
}

void IndexWriter::SaveTotals() {
  db_->set_metadata(std::string(s::kMetaCountLetters), std::to_string(letters_));
  db_->set_metadata(std::string(s::kMetaCountThreadsOpen), std::to_string(threads_open_));
  db_->set_metadata(std::string(s::kMetaCountThreadsClosed), std::to_string(threads_closed_));
}

Status IndexWriter::PutLetter(const LetterRecord& record) {
  try {
    db_->set_metadata(LetterKey(record.cik, record.accession), LetterRecordToJson(record).dump());
    // The company's list of letters: a point lookup, because iterating metadata keys of a
    // writable database flushes its pending postings (slow when done per company).
    std::string list_key = std::string(s::kMetaCikLetters) + record.cik.Padded();
    json list = json::parse(db_->get_metadata(list_key), nullptr, false);
    if (!list.is_array()) list = json::array();
    if (std::find(list.begin(), list.end(), record.accession.text) == list.end()) {
      list.push_back(record.accession.text);
      db_->set_metadata(list_key, list.dump());
      ++letters_;
      SaveTotals();  // in the same write batch: a Xapian auto-flush commits both or neither
    }
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "storing letter " + record.accession.text);
  }
}

Result<std::vector<LetterRecord>> IndexWriter::CompanyLetters(Cik cik) const {
  std::vector<LetterRecord> out;
  try {
    json list = json::parse(db_->get_metadata(std::string(s::kMetaCikLetters) + cik.Padded()),
                            nullptr, false);
    if (!list.is_array()) return out;
    std::vector<std::string> accessions;
    for (const json& a : list)
      if (a.is_string()) accessions.push_back(a.get<std::string>());
    std::sort(accessions.begin(), accessions.end());
    for (const std::string& acc : accessions) {
      std::string key = std::string(s::kMetaLetterPrefix) + cik.Padded() + ":" + acc;
      json j = json::parse(db_->get_metadata(key), nullptr, false);
      Result<LetterRecord> r = LetterRecordFromJson(j);
      if (!r.ok()) return r.status().WithContext(key);
      out.push_back(std::move(r).value());
    }
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "reading letters of CIK " + cik.ToString());
  }
  return out;
}

Result<std::vector<ReviewThread>> IndexWriter::RebuildCompany(Cik cik) {
  CORRESP_ASSIGN_OR_RETURN(std::vector<LetterRecord> records, CompanyLetters(cik));
  std::vector<const LetterRecord*> ptrs;
  for (const LetterRecord& r : records) ptrs.push_back(&r);
  ThreadLinks links = LinkThreads(ptrs, options_.threads);
  for (ReviewThread& t : links.threads) t.reviewed = ThreadReviewed(t, records);
  ItemTexts texts = CollectItemTexts(ptrs);
  try {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    for (const LetterRecord& r : records) {
      std::vector<BuiltDocument> docs = BuildLetterDocuments(r, links, texts, tg);
      if (options_.spelling)
        for (const BuiltDocument& d : docs) CountSpellingWords(d.document, pending_spelling_);
      ReplaceLetterDocuments(*db_, r.accession.text, docs);
    }
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "writing documents of CIK " + cik.ToString());
  }
  CORRESP_RETURN_IF_ERROR(WriteThreads(cik, links.threads));
  return links.threads;
}

Status IndexWriter::WriteThreads(Cik cik, const std::vector<ReviewThread>& threads) {
  try {
    std::string list_key = std::string(s::kMetaCikThreads) + cik.Padded();
    json old = json::parse(db_->get_metadata(list_key), nullptr, false);
    if (old.is_array()) {
      for (const json& id : old) {
        if (!id.is_string()) continue;
        std::string key = std::string(s::kMetaThreadPrefix) + id.get<std::string>();
        std::string value = db_->get_metadata(key);
        if (value.empty()) continue;
        --(IsClosedThread(value) ? threads_closed_ : threads_open_);
        db_->set_metadata(key, "");
      }
    }
    json ids = json::array();
    for (const ReviewThread& t : threads) {
      db_->set_metadata(std::string(s::kMetaThreadPrefix) + t.id, ThreadToJson(t));
      ++(t.status == ThreadStatus::kClosed ? threads_closed_ : threads_open_);
      ids.push_back(t.id);
    }
    SaveTotals();
    db_->set_metadata(list_key, ids.dump());
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "writing threads of CIK " + cik.ToString());
  }
}

Status IndexWriter::Commit() {
  try {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    db_->set_metadata(std::string(s::kMetaLastIndexed), stamp);
    SaveTotals();
    for (const auto& [word, count] : pending_spelling_) db_->add_spelling(word, count);
    pending_spelling_.clear();
    db_->commit();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "commit");
  }
}

Result<long> IndexWriter::DocumentCount() const {
  try {
    return static_cast<long>(db_->get_doccount());
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "doccount");
  }
}

}  // namespace corresp
