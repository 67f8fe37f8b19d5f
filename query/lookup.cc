#include "query/lookup.h"

#include <algorithm>

#include "core/ids.h"
#include "core/index_schema.h"
#include "query/hits.h"

namespace corresp {

namespace s = schema;
using nlohmann::json;

namespace {

json Data(const Xapian::Document& doc) { return json::parse(doc.get_data(), nullptr, false); }

std::optional<json> DataById(const Xapian::Database& db, const std::string& id) {
  std::string term = s::Term(s::kPrefixId, id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return Data(db.get_document(*it));
}

json PairedOf(const Xapian::Database& db, const json& data) {
  const char* key = data.value("type", "") == s::kTypeResponse ? "comment" : "response";
  if (!data.contains(key) || !data[key].is_object()) return nullptr;
  std::optional<json> paired = DataById(db, data[key].value("id", ""));
  return paired ? *paired : json(nullptr);
}

// The metadata value of `key` in the first shard that has one ("" when none): a letter's or
// thread's record lives in the shard holding its company, and Xapian reads metadata from the
// first database only.
std::string MetadataInShards(const std::vector<Xapian::Database>& shards, const std::string& key) {
  std::string found;
  for (auto it = shards.begin(); found.empty() && it != shards.end(); ++it)
    found = it->get_metadata(key);
  return found;
}

// Every reviewed filing of the letter an item belongs to (its letter record), else the item's
// own "reviewed" value; [] when the letter names none.
json LetterReviewed(const std::vector<Xapian::Database>& shards, const json& item) {
  std::optional<Cik> cik = Cik::Parse(item.value("cik", ""));
  if (cik) {
    json record =
        json::parse(MetadataInShards(shards, std::string(s::kMetaLetterPrefix) + cik->Padded() +
                                                 ":" + item.value("accession", "")),
                    nullptr, false);
    if (record.is_object() && record.contains("reviewed_all") && record["reviewed_all"].is_array())
      return record["reviewed_all"];
  }
  json out = json::array();
  if (item.contains("reviewed") && item["reviewed"].is_object()) out.push_back(item["reviewed"]);
  return out;
}

Status ShowLetter(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                  const std::string& accession, json& out) {
  std::string term = s::Term(s::kPrefixAccession, accession);
  std::vector<json> items;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
    items.push_back(Data(db.get_document(*it)));
  if (items.empty()) return NotFound(accession + ": not in the index");
  std::sort(items.begin(), items.end(),
            [](const json& a, const json& b) { return a.value("order", 0) < b.value("order", 0); });
  const json& first = items.front();
  out = {{"accession", accession},
         {"company", first.value("company", "")},
         {"form", first.value("form", "")},
         {"kind", first.value("kind", "")},
         {"date", first.value("date", "")},
         {"url", first.value("url", "")},
         {"thread", first.value("thread", "")},
         {"reviewed", LetterReviewed(shards, first)},
         {"office", first.contains("office") ? first["office"] : json(nullptr)},
         {"staff_contacts", first.value("staff_contacts", json::array())},
         {"items", json::array()}};
  for (json& item : items) {
    item["paired"] = PairedOf(db, item);
    out["items"].push_back(item);
  }
  return Status::Ok();
}

std::string ThreadIdFor(const Xapian::Database& db, const std::string& id) {
  std::optional<json> item = DataById(db, id);
  if (!item) {
    std::string term = s::Term(s::kPrefixAccession, id);
    auto it = db.postlist_begin(term);
    if (it != db.postlist_end(term)) item = Data(db.get_document(*it));
  }
  return item ? item->value("thread", "") : id;
}

// Unprefixed word terms only: the item's vocabulary, not its filters.
class WordTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && (std::islower(static_cast<unsigned char>(term[0])) ||
                               (term[0] == 'Z' && term.size() > 3 &&
                                std::islower(static_cast<unsigned char>(term[1]))));
  }
};

}  // namespace

Result<json> ShowItem(IndexReader& reader, const std::string& id) {
  json out;
  CORRESP_RETURN_IF_ERROR(reader.Run([&](const Xapian::Database& db) {
    if (id.find('#') == std::string::npos) return ShowLetter(db, reader.shards(), id, out);
    std::optional<json> item = DataById(db, id);
    if (!item) return NotFound(id + ": not in the index");
    out = {{"item", *item}, {"paired", PairedOf(db, *item)}};
    return Status::Ok();
  }));
  return out;
}

Result<json> GetThread(IndexReader& reader, const std::string& id) {
  json out;
  CORRESP_RETURN_IF_ERROR(reader.Run([&](const Xapian::Database& db) {
    // A thread's record is in the shard that holds its company: ask each in turn.
    auto in_shards = [&](const std::string& thread) {
      return MetadataInShards(reader.shards(), std::string(s::kMetaThreadPrefix) + thread);
    };
    std::string value = in_shards(id);
    if (value.empty()) value = in_shards(ThreadIdFor(db, id));
    if (value.empty()) return NotFound(id + ": no such thread");
    out = json::parse(value, nullptr, false);
    return out.is_object() ? Status::Ok() : Corruption("thread " + id + ": bad metadata");
  }));
  return out;
}

Result<SearchResponse> Similar(IndexReader& reader, const std::string& id,
                               const SimilarOptions& options) {
  SearchResponse out;
  out.query = "similar:" + id;
  CORRESP_RETURN_IF_ERROR(reader.Run([&](const Xapian::Database& db) {
    std::string qterm = s::Term(s::kPrefixId, id);
    auto post = db.postlist_begin(qterm);
    if (post == db.postlist_end(qterm)) return NotFound(id + ": not in the index");
    Xapian::docid did = *post;
    json data = Data(db.get_document(did));
    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(did);
    enquire.set_query(Xapian::Query(qterm));
    WordTerms decider;
    Xapian::ESet eset = enquire.get_eset(options.expand_terms, rset, &decider);
    Xapian::Query query(Xapian::Query::OP_OR, eset.begin(), eset.end());
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(s::Term(s::kPrefixType, data.value("type", "comment"))));
    std::string thread = data.value("thread", "");
    Xapian::Query exclude(qterm);
    if (!thread.empty())
      exclude = Xapian::Query(Xapian::Query::OP_OR, exclude,
                              Xapian::Query(s::Term(s::kPrefixThread, thread)));
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, exclude);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, options.limit);
    SearchRequest style;
    style.highlight_start = options.highlight_start;
    style.highlight_end = options.highlight_end;
    out.total = mset.get_matches_estimated();
    out.hits = HitsFromMSet(mset, query, style);
    return Status::Ok();
  }));
  return out;
}

}  // namespace corresp
