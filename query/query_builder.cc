#include "query/query_builder.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/ascii_words.h"
#include "core/company_name.h"
#include "core/index_schema.h"
#include "query/request_grammar.h"
#include "query/stem_expansion.h"

namespace corresp {

namespace s = schema;

namespace {

std::string StripZeros(std::string digits) {
  size_t nz = digits.find_first_not_of('0');
  return nz == std::string::npos ? "0" : digits.substr(nz);
}

// A boolean field: the value, normalised, becomes one filter term.
class TermField : public Xapian::FieldProcessor {
 public:
  using Normalise = std::string (*)(const std::string&);
  TermField(std::string prefix, Normalise normalise)
      : prefix_(std::move(prefix)), norm_(normalise) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(prefix_ + norm_(value));
  }

 private:
  std::string prefix_;
  Normalise norm_;
};

// `standard:KEY`: items citing the standard (weighted by citations), or ranked below them,
// items on a topic the standard governs (topics metadata: slug -> standards).
class StandardField : public Xapian::FieldProcessor {
 public:
  explicit StandardField(const nlohmann::json& topics) : topics_(topics) {}
  Xapian::Query operator()(const std::string& value) override {
    std::string key = s::CanonicalStandardKey(value);
    Xapian::Query q(s::Term(s::kPrefixStandard, key));
    if (!topics_.is_array()) return q;
    for (const auto& t : topics_) {
      const auto& stds = t.value("standards", nlohmann::json::array());
      if (std::find(stds.begin(), stds.end(), key) == stds.end()) continue;
      Xapian::Query topic(s::Term(s::kPrefixTopic, t.value("slug", "")));
      q = Xapian::Query(Xapian::Query::OP_OR, q,
                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, topic, 0.5));
    }
    return q;
  }

 private:
  nlohmann::json topics_;
};

std::string LowerValue(const std::string& v) { return Lowercase(v); }
std::string AsIs(const std::string& v) { return v; }
std::string SlugValue(const std::string& v) {
  std::string out = Lowercase(v);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}
std::string CikValue(const std::string& v) { return StripZeros(v); }
std::string CompanyValue(const std::string& v) { return CompanyNameKey(v); }

// "2005..2010", "2007-01-01..2008-06-30", "20070101..": filing-date ranges, each end a bound
// of query/request_grammar.h (a bare year is the whole year, a month the whole month).
class DateRange : public Xapian::RangeProcessor {
 public:
  DateRange(Xapian::valueno slot, const std::string& prefix) : RangeProcessor(slot, prefix) {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    std::string lo = Bound(begin, BoundSide::kLower), hi = Bound(end, BoundSide::kUpper);
    if ((!begin.empty() && lo.empty()) || (!end.empty() && hi.empty()))
      return Xapian::Query(Xapian::Query::OP_INVALID);
    if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
    if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
  }

 private:
  static std::string Bound(const std::string& text, BoundSide side) {
    if (text.empty()) return "";
    std::optional<Date> d = ParseDateBound(text, side);
    return d ? d->ToCompact() : "";
  }
};

void ConfigureParser(Xapian::QueryParser& qp, const Xapian::Database& db,
                     const nlohmann::json& topics) {
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.set_max_expansion(WildcardExpansion(1), Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  auto boolean = [&](const char* field, std::string_view prefix, TermField::Normalise n) {
    qp.add_boolean_prefix(field, (new TermField(std::string(prefix), n))->release());
  };
  boolean("company", s::kPrefixCompany, CompanyValue);
  boolean("cik", s::kPrefixCik, CikValue);
  boolean("form", s::kPrefixForm, LowerValue);
  boolean("kind", s::kPrefixKind, LowerValue);
  boolean("type", s::kPrefixType, LowerValue);
  boolean("topic", s::kPrefixTopic, SlugValue);
  boolean("year", s::kPrefixYear, AsIs);
  boolean("thread", s::kPrefixThread, AsIs);
  boolean("sic", s::kPrefixSic, AsIs);
  boolean("state", s::kPrefixState, LowerValue);
  boolean("ref", s::kPrefixRefForm, LowerValue);
  boolean("fy", s::kPrefixFiscalYear, AsIs);
  boolean("accession", s::kPrefixAccession, AsIs);
  boolean("reviewed", s::kPrefixReviewed, LowerValue);
  boolean("office", s::kPrefixOffice, CompanyValue);
  boolean("source", s::kPrefixSource, LowerValue);
  boolean("status", s::kPrefixStatus, LowerValue);
  // Weighted: a text citing the standard often ranks above one citing it once.
  qp.add_prefix("standard", (new StandardField(topics))->release());
  qp.add_prefix("topicw", (new TermField(std::string(s::kPrefixTopic), SlugValue))->release());
  // "rounds:2..", "rounds:1..2", "rounds:..3": staff comments by the rounds they took.
  qp.add_rangeprocessor((new Xapian::NumberRangeProcessor(s::kSlotRounds, "rounds:"))->release());
  qp.add_rangeprocessor((new DateRange(s::kSlotDate, "date:"))->release());
  qp.add_rangeprocessor((new DateRange(s::kSlotDate, ""))->release());
}

// Filters from the request's options.
Xapian::Query Filters(const SearchRequest& r) {
  std::vector<Xapian::Query> parts;
  auto term = [&](std::string_view prefix, const std::string& value) {
    parts.emplace_back(s::Term(prefix, value));
  };
  if (!r.form.empty()) term(s::kPrefixForm, Lowercase(r.form));
  if (!r.kind.empty()) {
    std::string k = Lowercase(r.kind);
    bool is_type = k == s::kTypeComment || k == s::kTypeResponse || k == s::kTypeLetter;
    term(is_type ? s::kPrefixType : s::kPrefixKind, k);
  }
  for (const std::string& w : CompanyNameWords(r.company)) term(s::kPrefixCompany, w);
  if (!r.cik.empty()) term(s::kPrefixCik, StripZeros(r.cik));
  if (!r.topic.empty()) term(s::kPrefixTopic, Lowercase(r.topic));
  if (!r.standard.empty()) term(s::kPrefixStandard, s::CanonicalStandardKey(r.standard));
  if (!r.status.empty()) term(s::kPrefixStatus, Lowercase(r.status));
  if (!r.office.empty()) term(s::kPrefixOffice, CompanyValue(r.office));
  if (r.since) parts.emplace_back(Xapian::Query::OP_VALUE_GE, s::kSlotDate, r.since->ToCompact());
  if (r.until) parts.emplace_back(Xapian::Query::OP_VALUE_LE, s::kSlotDate, r.until->ToCompact());
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

std::string RewriteOutsideQuotes(const std::string& segment) {
  static const RE2 kMda(R"((?i)\bmd&a\b)");
  static const RE2 kStandard(
      R"((?i)\b(sfas|fas|asc|sop|eitf|sab|ias|ifrs|apb|fin|asu)\s+(?:no\.?\s*)?(\d[0-9a-z]*(?:-\d+[a-z]?)*))");
  std::string out = segment;
  RE2::GlobalReplace(&out, kMda, "mda");
  std::string result;
  re2::StringPiece m[3];  // the match, the prefix, the number
  size_t last = 0;
  while (kStandard.Match(out, last, out.size(), RE2::UNANCHORED, m, 3)) {
    size_t start = m[0].data() - out.data();
    result += out.substr(last, start - last);
    result += "standard:" + s::CanonicalStandardKey(std::string(m[1]) + std::string(m[2]));
    last = start + m[0].size();
  }
  return result + out.substr(last);
}

// True when `text` ends with `field` (any case), as `standard:` before a quoted value.
bool EndsWithField(const std::string& text, std::string_view field) {
  return text.size() >= field.size() && Lowercase(text.substr(text.size() - field.size())) == field;
}

// The taxonomy metadata parsed, cached per thread: it only changes when the index is rebuilt
// with a new taxonomy, and parsing it costs a noticeable share of a short search.
const nlohmann::json& ParsedTopics(const std::string& topics_json) {
  thread_local std::string cached_text;
  thread_local nlohmann::json cached = nlohmann::json::parse(cached_text, nullptr, false);
  if (topics_json != cached_text) {
    cached = nlohmann::json::parse(topics_json, nullptr, false);
    cached_text = topics_json;
  }
  return cached;
}

// Xapian may "correct" a known word to a more frequent neighbour ("hedge" -> "hedges"); a
// suggestion is only useful when some word of the query is absent from the index.
bool AllWordsKnown(const Xapian::Database& db, const std::string& query) {
  for (const std::string& w : CompanyNameWords(query))
    if (!std::isdigit(static_cast<unsigned char>(w[0])) && !db.term_exists(w)) return false;
  return true;
}

std::size_t CountWildcards(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) return 1;
  std::size_t n = 0;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
    n += CountWildcards(query.get_subquery(i));
  return n;
}

}  // namespace

Xapian::termcount WildcardExpansion(std::size_t wildcards) {
  // One wildcard: its 500 most frequent words ("account*" has ~60 in the corpus, "a*" a few
  // thousand); the matcher ORs them all, so this is the query's real length.
  constexpr Xapian::termcount kOneWildcard = 500;
  // Every wildcard of a query together: the cost of ranking grows with the terms ORed, and
  // 19 wildcards at 500 each (9,500 terms) took 0.5 s on a 30k-comment index.
  constexpr Xapian::termcount kAllWildcards = 2000;
  // A share never below this: each wildcard still finds its commonest words.
  constexpr Xapian::termcount kLeastPerWildcard = 50;
  if (wildcards <= 1) return kOneWildcard;
  Xapian::termcount share = kAllWildcards / static_cast<Xapian::termcount>(wildcards);
  return std::clamp(share, kLeastPerWildcard, kOneWildcard);
}

std::string RewriteQueryString(const std::string& query, const std::string& topics_json) {
  const nlohmann::json& topics = ParsedTopics(topics_json);
  std::string out;
  size_t pos = 0;
  bool quoted = false;
  while (pos <= query.size()) {
    size_t quote = query.find('"', pos);
    std::string seg =
        query.substr(pos, quote == std::string::npos ? std::string::npos : quote - pos);
    if (!quoted) {
      out += RewriteOutsideQuotes(seg);
    } else if (EndsWithField(out, "standard:")) {
      // Xapian drops a quoted value after a non-boolean field: hand the parser the key itself.
      out += s::CanonicalStandardKey(seg);
    } else {
      std::string slug;
      if (topics.is_array())
        for (const auto& t : topics)
          if (Lowercase(t.value("name", "")) == Lowercase(seg)) slug = t.value("slug", "");
      std::replace(slug.begin(), slug.end(), '-', '_');  // one word for the parser
      out += slug.empty() ? "\"" + seg + "\"" : "(\"" + seg + "\" OR topicw:" + slug + ")";
    }
    if (quote == std::string::npos) break;
    quoted = !quoted;
    pos = quote + 1;
  }
  return out;
}

BuiltQuery BuildQuery(const Xapian::Database& db, const SearchRequest& request) {
  Xapian::QueryParser qp;
  std::string topics = db.get_metadata("topics");
  ConfigureParser(qp, db, ParsedTopics(topics));
  // Not Xapian::Query::MatchAll: copying that shared static from several threads races on its
  // non-atomic reference count (it crashed `serve` under load). The empty term matches all.
  BuiltQuery built{Xapian::Query(std::string()), ""};
  std::string text = RewriteQueryString(request.query, topics);
  bool blank = std::all_of(text.begin(), text.end(),
                           [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  if (!blank) {
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                     Xapian::QueryParser::FLAG_PURE_NOT;
    built.query = qp.parse_query(text, flags);
    // Wildcards expand when the match runs; several share one budget of terms.
    Xapian::termcount expansion = WildcardExpansion(CountWildcards(built.query));
    if (expansion < WildcardExpansion(1)) {
      qp.set_max_expansion(expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      built.query = qp.parse_query(text, flags);
    }
    // The index holds words, not stems (schema 2): each stemmed word becomes its forms.
    built.query = ExpandStems(db, built.query);
    // The suggestion is made on the user's own words, not on the rewritten query (which holds
    // internal fields such as topicw:), so it can be shown and pasted back as it is; and only
    // when a word is unknown, as the spelling lookup costs more than the search itself.
    if (!AllWordsKnown(db, request.query)) {
      Xapian::QueryParser speller;
      ConfigureParser(speller, db, ParsedTopics(topics));
      speller.parse_query(request.query, flags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
      built.corrected = speller.get_corrected_query_string();
    }
  }
  Xapian::Query filters = Filters(request);
  if (!filters.empty()) built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, filters);
  return built;
}

}  // namespace corresp
