#include "query/stem_expansion.h"

#include "core/index_schema.h"
#include "query/cached_stem.h"

namespace corresp {

namespace s = schema;

namespace {

bool HasStemTerm(const Xapian::Query& query) {
  for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
    if ((*t).starts_with(s::kPrefixStem)) return true;
  return false;
}

bool Rebuildable(Xapian::Query::op op) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<std::string> StemVariants(const Xapian::Database& db, std::string_view stem) {
  std::vector<std::string> out;
  if (stem.empty()) return out;
  std::string prefix(stem.substr(0, stem.size() > 1 ? stem.size() - 1 : 1));
  Xapian::Stem stemmer = CachedEnglishStem();
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string& word = *t;
    if (stemmer(word) != stem) continue;
    out.push_back(word);
    if (out.size() == kMaxStemVariants) break;
  }
  return out;
}

Xapian::Query ExpandStems(const Xapian::Database& db, const Xapian::Query& query) {
  if (!HasStemTerm(query)) return query;
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    std::string term = *query.get_terms_begin();
    std::vector<std::string> words = StemVariants(db, term.substr(s::kPrefixStem.size()));
    if (words.empty()) return query;
    if (words.size() == 1) return Xapian::Query(words.front());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
  }
  if (!Rebuildable(query.get_type())) return query;
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
    parts.push_back(ExpandStems(db, query.get_subquery(i)));
  return Xapian::Query(query.get_type(), parts.begin(), parts.end());
}

}  // namespace corresp
