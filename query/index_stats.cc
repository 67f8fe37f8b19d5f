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

}  // namespace

Result<IndexStats> ReadIndexStats(IndexReader& reader) {
  IndexStats st;
  CORRESP_RETURN_IF_ERROR(reader.Run([&](const Xapian::Database& db) {
    st = IndexStats{};
    st.documents = db.get_doccount();
    st.comments = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeComment));
    st.responses = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeResponse));
    st.letter_documents = db.get_termfreq(s::Term(s::kPrefixType, s::kTypeLetter));
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
    st.last_indexed = db.get_metadata(std::string(s::kMetaLastIndexed));
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
