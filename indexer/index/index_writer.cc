#include "indexer/index/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <nlohmann/json.hpp>

#include "core/index_schema.h"
#include "indexer/index/comment_lifecycle.h"
#include "indexer/index/document_build_pool.h"
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

namespace {

// The accessions of `cik`'s stored letters, sorted.
std::vector<std::string> CompanyAccessions(const Xapian::Database& db, Cik cik) {
  json list =
      json::parse(db.get_metadata(std::string(s::kMetaCikLetters) + cik.Padded()), nullptr, false);
  std::vector<std::string> accessions;
  if (list.is_array())
    for (const json& a : list)
      if (a.is_string()) accessions.push_back(a.get<std::string>());
  std::sort(accessions.begin(), accessions.end());
  return accessions;
}

}  // namespace

Result<std::vector<LetterRecord>> IndexWriter::CompanyLetters(Cik cik) const {
  std::vector<LetterRecord> out;
  try {
    for (const std::string& acc : CompanyAccessions(*db_, cik)) {
      std::string key = std::string(s::kMetaLetterPrefix) + cik.Padded() + ":" + acc;
      Result<LetterRecord> r =
          LetterRecordFromJson(json::parse(db_->get_metadata(key), nullptr, false));
      if (!r.ok()) return r.status().WithContext(key);
      out.push_back(std::move(r).value());
    }
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "reading letters of CIK " + cik.ToString());
  }
  return out;
}

// A company's letters re-linked, ready for their documents to be built. Immutable once made:
// builder threads read it while the writer goes on.
struct IndexWriter::CompanyPlan {
  std::vector<LetterRecord> records;  // by accession
  ThreadLinks links;
  ItemTexts texts;
  std::vector<std::string> fingerprints;  // of each record's documents' inputs
};

// A letter whose documents are being built: what the writer needs to replace them.
struct IndexWriter::PlannedLetter {
  std::shared_ptr<const CompanyPlan> plan;  // keeps the builder's inputs alive
  std::string accession;
  std::string fingerprint;       // of its new documents' inputs
  bool had_fingerprint = false;  // a previous build's fingerprint is stored
};

Result<std::shared_ptr<const IndexWriter::CompanyPlan>> IndexWriter::PlanCompany(Cik cik) {
  auto plan = std::make_shared<CompanyPlan>();
  std::vector<std::string> stored;  // each record as stored (the fingerprint's input)
  for (const std::string& acc : CompanyAccessions(*db_, cik)) {
    std::string key = std::string(s::kMetaLetterPrefix) + cik.Padded() + ":" + acc;
    stored.push_back(db_->get_metadata(key));
    Result<LetterRecord> r = LetterRecordFromJson(json::parse(stored.back(), nullptr, false));
    if (!r.ok()) return r.status().WithContext(key);
    plan->records.push_back(std::move(r).value());
  }
  std::vector<const LetterRecord*> ptrs;
  for (const LetterRecord& r : plan->records) ptrs.push_back(&r);
  plan->links = LinkThreads(ptrs, options_.threads);
  for (ReviewThread& t : plan->links.threads) t.reviewed = ThreadReviewed(t, plan->records);
  plan->texts = CollectItemTexts(ptrs);
  for (size_t i = 0; i < plan->records.size(); ++i)
    plan->fingerprints.push_back(
        LetterDocumentsFingerprint(stored[i], plan->records[i], plan->links, plan->texts));
  return std::shared_ptr<const CompanyPlan>(std::move(plan));
}

// Replaces the documents of one letter. The docids written last time are kept in the metadata
// (letterdocs:<ACC>), so old documents are deleted by docid and new ones added: looking
// documents up by term on a writable database flushes pending postings, which makes bulk
// indexing quadratic. The new docids (Xapian gives lastdocid + 1, + 2, ...) are recorded before
// the documents are added and the fingerprint after them, so that whatever an auto-flush
// commits in between, a rerun finds the fingerprint stale and deletes every document written.
void IndexWriter::WriteLetter(const PlannedLetter& letter, std::vector<BuiltDocument>& docs) {
  std::string docs_key = std::string(s::kMetaLetterDocs) + letter.accession;
  std::string fp_key = std::string(s::kMetaLetterFingerprint) + letter.accession;
  if (letter.had_fingerprint) db_->set_metadata(fp_key, "");
  json old = json::parse(db_->get_metadata(docs_key), nullptr, false);
  Xapian::docid first = db_->get_lastdocid() + 1;
  json ids = json::array();
  for (size_t i = 0; i < docs.size(); ++i) ids.push_back(first + static_cast<Xapian::docid>(i));
  db_->set_metadata(docs_key, ids.dump());
  if (old.is_array()) {
    for (const json& did : old) {
      try {
        db_->delete_document(did.get<Xapian::docid>());
      } catch (const Xapian::DocNotFoundError&) {
      }
    }
  }
  json added = json::array();
  for (BuiltDocument& d : docs) added.push_back(db_->add_document(d.document));
  if (added != ids) db_->set_metadata(docs_key, added.dump());  // not expected: Xapian's rule
  db_->set_metadata(fp_key, letter.fingerprint);
  docs.clear();  // the documents die on this thread
  ++stats_.letters_built;
  stats_.documents_written += static_cast<long>(added.size());
}

Result<std::vector<ReviewThread>> IndexWriter::RebuildCompany(Cik cik) {
  CORRESP_ASSIGN_OR_RETURN(auto threads, RebuildCompanies({cik}));
  return std::move(threads[cik]);
}

Result<std::map<Cik, std::vector<ReviewThread>>> IndexWriter::RebuildCompanies(
    const std::vector<Cik>& ciks) {
  std::map<Cik, std::vector<ReviewThread>> out;
  // Declared before the pool, so the pool (joining its workers) is destroyed first.
  std::deque<PlannedLetter> in_flight;
  DocumentBuildPool pool({options_.builder_threads, options_.spelling});
  auto write_oldest = [&]() -> Status {
    CORRESP_ASSIGN_OR_RETURN(std::vector<BuiltDocument> docs, pool.Take());
    WriteLetter(in_flight.front(), docs);
    in_flight.pop_front();
    return Status::Ok();
  };
  try {
    for (Cik cik : ciks) {
      CORRESP_ASSIGN_OR_RETURN(std::shared_ptr<const CompanyPlan> plan, PlanCompany(cik));
      for (size_t i = 0; i < plan->records.size(); ++i) {
        const LetterRecord& r = plan->records[i];
        const std::string& fp = plan->fingerprints[i];
        std::string stored =
            db_->get_metadata(std::string(s::kMetaLetterFingerprint) + r.accession.text);
        if (stored == fp) {
          ++stats_.letters_unchanged;
          continue;
        }
        if (in_flight.size() >= std::max<std::size_t>(1, options_.max_letters_in_flight))
          CORRESP_RETURN_IF_ERROR(write_oldest());
        pool.Submit({&r, &plan->links, &plan->texts});
        in_flight.push_back(PlannedLetter{plan, r.accession.text, fp, !stored.empty()});
      }
      CORRESP_RETURN_IF_ERROR(WriteThreads(cik, plan->links.threads));
      out[cik] = plan->links.threads;
    }
    while (!in_flight.empty()) CORRESP_RETURN_IF_ERROR(write_oldest());
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "writing documents");
  }
  for (auto& [word, count] : pool.TakeSpelling()) pending_spelling_[word] += count;
  return out;
}

// Writes the thread records that changed and clears those that are gone (their ids kept in
// cikthreads:<CIK>); unchanged records are not rewritten.
Status IndexWriter::WriteThreads(Cik cik, const std::vector<ReviewThread>& threads) {
  try {
    std::string list_key = std::string(s::kMetaCikThreads) + cik.Padded();
    std::map<std::string, std::string> old;  // id -> stored JSON
    json old_ids = json::parse(db_->get_metadata(list_key), nullptr, false);
    if (old_ids.is_array())
      for (const json& id : old_ids)
        if (id.is_string())
          old[id.get<std::string>()] =
              db_->get_metadata(std::string(s::kMetaThreadPrefix) + id.get<std::string>());
    json ids = json::array();
    for (const ReviewThread& t : threads) {
      ids.push_back(t.id);
      std::string value = ThreadToJson(t);
      auto it = old.find(t.id);
      if (it != old.end()) {
        bool same = it->second == value;
        if (!it->second.empty() && !same)
          --(IsClosedThread(it->second) ? threads_closed_ : threads_open_);
        old.erase(it);
        if (same) continue;
      }
      db_->set_metadata(std::string(s::kMetaThreadPrefix) + t.id, value);
      ++(t.status == ThreadStatus::kClosed ? threads_closed_ : threads_open_);
    }
    for (const auto& [id, value] : old) {  // threads gone
      if (value.empty()) continue;
      --(IsClosedThread(value) ? threads_closed_ : threads_open_);
      db_->set_metadata(std::string(s::kMetaThreadPrefix) + id, "");
    }
    SaveTotals();
    if (!old_ids.is_array() || ids != old_ids) db_->set_metadata(list_key, ids.dump());
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

Result<bool> IndexWriter::HasLetter(Cik cik, const Accession& acc) const {
  try {
    return !db_->get_metadata(LetterKey(cik, acc)).empty();
  } catch (const Xapian::Error& e) {
    return FromXapian(e, "letter record " + acc.text);
  }
}

}  // namespace corresp
