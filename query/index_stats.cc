#include "query/index_stats.h"

#include "core/index_schema.h"

namespace corresp {

namespace s = schema;
using nlohmann::json;

namespace {

void CountPrefix(const Xapian::Database& db, std::string_view prefix,
                 std::map<std::string, long>& out) {
  std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it)
    out[(*it).substr(p.size())] = it.get_termfreq();
}

long Count(const Xapian::Database& db, std::string_view key) {
  std::string text = db.get_metadata(std::string(key));
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stol(text);
}

// The writer's running totals; false for an index written before they existed.
bool ReadTotals(const Xapian::Database& db, IndexStats& st) {
  st.letters = Count(db, s::kMetaCountLetters);
  st.threads_open = Count(db, s::kMetaCountThreadsOpen);
  st.threads_closed = Count(db, s::kMetaCountThreadsClosed);
  return st.letters >= 0 && st.threads_open >= 0 && st.threads_closed >= 0;
}

void CountByScan(const Xapian::Database& db, IndexStats& st) {
  st.letters = st.threads_open = st.threads_closed = 0;
  std::string lp(s::kMetaLetterPrefix);
  for (auto it = db.metadata_keys_begin(lp); it != db.metadata_keys_end(lp); ++it) ++st.letters;
  std::string tp(s::kMetaThreadPrefix);
  for (auto it = db.metadata_keys_begin(tp); it != db.metadata_keys_end(tp); ++it) {
    std::string value = db.get_metadata(*it);
    if (value.empty()) continue;
    json t = json::parse(value, nullptr, false);
    if (!t.is_object()) continue;
    (t.value("status", "") == "closed" ? st.threads_closed : st.threads_open)++;
  }
}

}  // namespace

Result<IndexStats> ReadIndexStats(IndexReader& reader) {
  IndexStats st;
  CORRESP_RETURN_IF_ERROR(reader.Run([&](const Xapian::Database& db) {
    st = IndexStats{};
    // Document and term counts are summed by Xapian over the shards; the metadata totals are
    // each shard's own, summed here, and the latest index time of any shard is the index's.
    st.documents = db.get_doccount();
    st.comments = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeComment));
    st.responses = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeResponse));
    st.letter_documents = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeLetter));
    for (const Xapian::Database& shard : reader.shards()) {
      IndexStats part;
      if (!ReadTotals(shard, part)) CountByScan(shard, part);
      st.letters += part.letters;
      st.threads_open += part.threads_open;
      st.threads_closed += part.threads_closed;
      st.last_indexed =
          std::max(st.last_indexed, shard.get_metadata(std::string(s::kMetaLastIndexed)));
    }
    CountPrefix(db, s::kPrefixYear, st.by_year);
    CountPrefix(db, s::kPrefixTopic, st.by_topic);
    return Status::Ok();
  }));
  return st;
}

json IndexStatsToJson(const IndexStats& st) {
  return {{"documents", st.documents},
          {"comments", st.comments},
          {"responses", st.responses},
          {"letter_documents", st.letter_documents},
          {"letters", st.letters},
          {"threads", {{"open", st.threads_open}, {"closed", st.threads_closed}}},
          {"last_indexed", st.last_indexed},
          {"by_year", st.by_year},
          {"by_topic", st.by_topic}};
}

}  // namespace corresp
