#include "query/search.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/index_schema.h"
#include "query/cached_stem.h"
#include "query/facet_sample.h"
#include "query/facets.h"
#include "query/hit_data.h"
#include "query/hits.h"
#include "query/json_fields.h"
#include "query/query_builder.h"
#include "query/search_deadline.h"
#include "query/snippet.h"

namespace corresp {

namespace s = schema;
using nlohmann::json;

SearchHit HitFromData(const json& d) {
  SearchHit h;
  h.id = JsonString(d, "id");
  h.type = JsonString(d, "type");
  h.accession = JsonString(d, "accession");
  h.form = JsonString(d, "form");
  h.kind = JsonString(d, "kind");
  h.cik = JsonString(d, "cik");
  h.company = JsonString(d, "company");
  h.date = JsonString(d, "date");
  h.letter_date = JsonString(d, "letter_date");
  if (d.contains("number") && d["number"].is_number_integer()) h.number = d["number"].get<int>();
  h.headings = JsonStrings(d, "headings");
  h.url = JsonString(d, "url");
  h.thread = JsonString(d, "thread");
  h.topics = JsonStrings(d, "topics");
  if (d.contains("topics_evidence") && d["topics_evidence"].is_array())
    for (const json& e : d["topics_evidence"])
      if (e.is_object())
        h.topics_evidence.push_back({JsonString(e, "slug"), JsonStrings(e, "cues")});
  h.standards = JsonStrings(d, "standards");
  auto paired = [&](const char* key) -> std::optional<PairedItem> {
    if (!d.contains(key) || !d[key].is_object()) return std::nullopt;
    return PairedItem{JsonString(d[key], "id"), EscapeSnippetText(JsonString(d[key], "text"))};
  };
  h.response = paired("response");
  h.comment = paired("comment");
  return h;
}

std::vector<SearchHit> HitsFromMSet(const Xapian::MSet& mset, const Xapian::Query& query,
                                    const SearchRequest& r) {
  std::vector<SearchHit> hits;
  // Stemming every word of every snippet text is half a snippet's cost; a query without stem
  // terms highlights without it. Since schema 2 a query holds none: BuildQuery replaced each
  // by the words that share it (query/stem_expansion.h), which the highlighter finds as words.
  bool stemmed = false;
  for (auto t = query.get_terms_begin(); t != query.get_terms_end() && !stemmed; ++t)
    stemmed = (*t).starts_with(s::kPrefixStem);
  Xapian::Stem stem = stemmed ? CachedEnglishStem() : Xapian::Stem();
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    std::string stored = it.get_document().get_data();
    std::optional<HitData> read = ReadHitData(stored);
    if (!read) {  // not a JSON object the fast reader takes: nlohmann::json decides
      json data = json::parse(stored, nullptr, false);
      if (!data.is_object()) continue;
      read = HitData{HitFromData(data), JsonString(data, "text"), JsonString(data, "comment_text")};
    }
    SearchHit hit = std::move(read->hit);
    std::string& text = read->text.empty() ? read->comment_text : read->text;
    hit.snippet =
        mset.snippet(text, r.snippet_chars, stem, 0, r.highlight_start, r.highlight_end, "...");
    hit.score = it.get_weight();
    hits.push_back(std::move(hit));
  }
  return hits;
}

namespace {

Status Validate(const SearchRequest& r) {
  if (r.limit < 1) return InvalidArgument("--limit: must be at least 1");
  if (r.offset < 0) return InvalidArgument("--offset: must not be negative");
  return Status::Ok();
}

void ConfigureEnquire(Xapian::Enquire& enquire, const SearchRequest& r) {
  if (r.sort == SortOrder::kDate) enquire.set_sort_by_value_then_relevance(s::kSlotDate, false);
  if (r.sort == SortOrder::kDateDescending)
    enquire.set_sort_by_value_then_relevance(s::kSlotDate, true);
  if (r.collapse == Collapse::kLetter) enquire.set_collapse_key(s::kSlotAccession);
  if (r.collapse == Collapse::kThread) enquire.set_collapse_key(s::kSlotThread);
}

// Facets of a remote search: xapian-tcpsrv cannot run our match spy, so the client goes
// through every match, a page at a time, until the time limit (then `partial`), and reads the
// packed facet value of those the sampler wants (all of them up to exact_up_to matches).
// The pages come from an enquire of its own, without the search's collapse key (the local spy
// counts every match, collapsed or not) and unweighted (the order does not matter). Over
// several shards the pages are merged by Xapian, each match once.
struct RemoteFacetCount {
  FacetCounts facets;
  bool partial = false;  // the time limit stopped the walk
  bool exact = true;     // every match counted (FacetSampler::exact)
  long matches = 0;      // matches read: all of them unless partial
};

RemoteFacetCount RemoteFacets(const Xapian::Database& db, const Xapian::Query& query,
                              double time_limit, long exact_up_to) {
  RemoteFacetCount out;
  auto start = std::chrono::steady_clock::now();
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  FacetSampler sampler(exact_up_to);
  const Xapian::doccount kPage = 1000;
  for (Xapian::doccount first = 0;; first += kPage) {
    std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
    if (time_limit > 0 && spent.count() > time_limit) {
      out.partial = true;
      break;
    }
    Xapian::MSet page = enquire.get_mset(first, kPage);
    out.matches += page.size();
    for (auto it = page.begin(); it != page.end(); ++it)
      if (sampler.Wants(*it)) sampler.Add(*it, it.get_document().get_value(s::kSlotFacets));
    if (page.size() < kPage) break;
  }
  out.exact = sampler.exact();
  out.facets = sampler.counts();
  return out;
}

// Sets the deadline of the count: count_share of the search's time limit (none without one).
void ArmDeadline(std::optional<SearchDeadline>& deadline, const SearchRequest& r) {
  if (r.time_limit_seconds <= 0) return;
  std::chrono::duration<double> share(r.time_limit_seconds * r.count_share);
  deadline.emplace(std::chrono::steady_clock::now() +
                   std::chrono::duration_cast<std::chrono::steady_clock::duration>(share));
}

struct SampledFacets {
  long sampled = 0;  // matches in the sample
  long total = 0;    // the estimated match count
  FacetCounts facets;
  bool partial = false;
};

// Counts the facets of the matches after docid `after` in the sample of `level`
// (query/facet_sample.h): the matcher checks only sampled candidates, unweighted and without
// the collapse key. Counts and total are scaled by 2^level.
SampledFacets CountSample(const Xapian::Database& db, const Xapian::Query& query, int level,
                          Xapian::docid after, SearchDeadline* deadline) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query((new FacetSampleSource(level, after))->release())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  FacetSpy spy;
  enquire.add_matchspy(&spy);
  if (deadline) enquire.add_matchspy(deadline);
  SampledFacets out;
  try {
    out.sampled = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  } catch (const SearchDeadline::Expired&) {
    out.partial = true;
  }
  out.total = out.sampled << level;
  out.facets = spy.counts(1L << level);
  return out;
}

// Facets and total of a local search whose exact count stopped at its limit+1-th match (docid
// `stop`; `exact` holds the counts of the matches up to it): the matches after it are counted
// over a sample of at most the limit, the level from the density of matches so far, lowered (at
// most twice) when the sample comes back under a quarter of the limit. Over several shards the
// docids interleave, so the whole index is sampled instead and the exact part dropped.
SampledFacets CountBroadSearch(const Xapian::Database& db, const FacetCounts& exact,
                               Xapian::docid stop, const Xapian::Query& query,
                               const SearchRequest& r) {
  const long limit = r.exact_facets_up_to;
  const bool stratified = db.size() == 1 && stop > 0;
  const long counted = stratified ? limit + 1 : 0;
  Xapian::docid after = stratified ? stop : 0;
  double last = static_cast<double>(db.get_lastdocid()) / db.size();  // of one shard
  double rest = stop == 0    ? last
                : stratified ? (limit + 1) * (last - stop) / stop
                             : (limit + 1) * last / stop;
  int level = SampleLevelFor(static_cast<Xapian::doccount>(rest), limit);
  std::optional<SearchDeadline> deadline;
  ArmDeadline(deadline, r);
  SampledFacets sample;
  for (int attempt = 0; attempt < 3; ++attempt) {
    sample = CountSample(db, query, level, after, deadline ? &*deadline : nullptr);
    int better = SampleLevelFor(sample.total, limit);
    if (sample.partial || sample.sampled >= limit / 4 || better >= level) break;
    level = better;
  }
  if (!stratified) return sample;
  sample.total += counted;
  for (const auto& [facet, values] : exact)
    for (const auto& [value, n] : values) sample.facets[facet][value] += n;
  return sample;
}

// Facets (and the exact total) go through every match, the cost of a broad search on a large
// index. Up to r.exact_facets_up_to matches they are exact; past it (a local index, not
// collapsed: collapsed totals count letters or threads, which a sample of documents cannot
// scale to) the count stops, the page is ranked without it and the facets and total are
// estimated from a sample (CountBroadSearch; docs/web.md "Facet counts of broad searches").
// A local reader keeps the counts per match set and revision, so the next page or another
// sort order only ranks. Counting that outlasts its share of the budget stops: the page is then
// ranked without it and the answer is `partial` (facets counted so far, estimated total).
Status RunSearch(const Xapian::Database& db, IndexReader& reader, const SearchRequest& r,
                 SearchResponse& out) {
  bool remote = reader.remote();
  BuiltQuery built = BuildQuery(db, r);
  out.corrected = built.corrected;
  Xapian::Enquire enquire(db);
  enquire.set_query(built.query);
  ConfigureEnquire(enquire, r);
  FacetCache& cache = reader.facet_cache();
  std::string key = r.facets && !remote ? FacetCacheKey(r, reader.Revision()) : "";
  std::optional<CachedFacets> cached = key.empty() ? std::nullopt : cache.Find(key);
  bool count = r.facets && !cached && !remote;
  FacetSpy spy;
  if (count) enquire.add_matchspy(&spy);
  MatchLimit limit(r.exact_facets_up_to);
  if (count && r.exact_facets_up_to > 0 && r.collapse == Collapse::kNone)
    enquire.add_matchspy(&limit);
  // Only the count is timed: a spy makes Xapian consider every candidate, which counting does
  // anyway but which made ranking-only searches 3x slower (docs/web.md). xapian-tcpsrv cannot
  // run our spy; a remote search is bounded by the remote timeout.
  std::optional<SearchDeadline> deadline;
  if (count) ArmDeadline(deadline, r);
  if (deadline) enquire.add_matchspy(&*deadline);
  Xapian::MSet mset;
  std::optional<SampledFacets> sampled;
  try {
    mset = enquire.get_mset(r.offset, r.limit, count ? db.get_doccount() : 0);
  } catch (const SearchDeadline::Expired&) {
    out.partial = true;
    enquire.clear_matchspies();
    mset = enquire.get_mset(r.offset, r.limit, Xapian::doccount{0});
  } catch (const MatchLimit::Exceeded&) {
    enquire.clear_matchspies();
    mset = enquire.get_mset(r.offset, r.limit, Xapian::doccount{0});
    sampled = CountBroadSearch(db, spy.counts(), limit.stopped_at(), built.query, r);
  }
  out.total = mset.get_matches_estimated();
  out.hits = HitsFromMSet(mset, built.query, r);
  if (cached) {
    out.total = cached->total;
    out.facets = std::move(cached->facets);
    out.facets_exact = cached->facets_exact;
  } else if (r.facets && remote) {
    RemoteFacetCount counted =
        RemoteFacets(db, built.query, r.time_limit_seconds, r.exact_facets_up_to);
    out.facets = std::move(counted.facets);
    out.facets_exact = counted.exact;
    if (counted.partial) out.partial = true;
    // Every match was read: the exact total, as a local count gives (a word query's stem is an
    // OP_SYNONYM of its forms, whose estimate is not exact). Collapsed totals stay estimated.
    if (!out.partial && r.collapse == Collapse::kNone) out.total = counted.matches;
  } else if (sampled) {
    out.partial = sampled->partial;
    // More than the limit matched (the count passed it): an estimate below is raised to it.
    if (!out.partial) out.total = std::max(sampled->total, r.exact_facets_up_to + 1);
    out.facets = std::move(sampled->facets);
    out.facets_exact = false;
  } else if (r.facets) {
    out.facets = spy.counts();
  }
  if (count && !out.partial) cache.Put(key, CachedFacets{out.total, out.facets, out.facets_exact});
  return Status::Ok();
}

}  // namespace

Result<SearchResponse> Search(IndexReader& reader, const SearchRequest& request) {
  CORRESP_RETURN_IF_ERROR(Validate(request));
  SearchResponse out;
  out.query = request.query;
  out.offset = request.offset;
  CORRESP_RETURN_IF_ERROR(reader.Run([&](const Xapian::Database& db) {
    try {
      return RunSearch(db, reader, request, out);
    } catch (const Xapian::QueryParserError& e) {
      return InvalidArgument("query: " + e.get_msg());
    }
  }));
  return out;
}

}  // namespace corresp
