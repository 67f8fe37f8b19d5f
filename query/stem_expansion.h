// Stemmed query words over an index of unstemmed words (schema 2, core/index_schema.h).
// Xapian's QueryParser (STEM_SOME) writes a plain query word as kPrefixStem + its English stem
// ("revised" -> "Zrevis"); the index holds no such term, only the words themselves. Here each
// such term becomes an OP_SYNONYM of the index's words with that stem ("revise", "revised",
// "revising", "revision"), which matches the same documents the stem term matched in a schema-1
// index and ranks them as one term. Works on any database the reader opens (local, several
// shards, xapian-tcpsrv remotes): it reads only the term list (Database::allterms_begin).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace corresp {

// Words of `db` sharing `stem` (without kPrefixStem), in term order, at most kMaxStemVariants.
// The words of a stem all start with the stem minus its last character (Snowball English
// changes or adds at most the last: "compani" <- company, "use" <- using, "possibl" <-
// possibility), so only that range of the term list is read and stemmed.
std::vector<std::string> StemVariants(const Xapian::Database& db, std::string_view stem);

// Words of one stem at most: a stem's forms are a handful ("account", "accounts", "accounted");
// the cap bounds a query's length against an index full of junk tokens.
inline constexpr std::size_t kMaxStemVariants = 64;

// `query` with every leaf term kPrefixStem+STEM replaced by OP_SYNONYM(StemVariants) (or left
// as it is when the index has no such word, so it matches nothing, as before). Subqueries
// without a stem term are kept as they are; the QueryParser puts stem terms only under
// AND/OR/NOT/XOR/AND_MAYBE/FILTER/SYNONYM/MAX, which are rebuilt with their expanded parts
// (phrases and NEAR use unstemmed words and are never touched).
Xapian::Query ExpandStems(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace corresp
