// What a search asks for and what it returns (the shapes printed by `corresp search --json`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/date.h"

namespace corresp {

enum class SortOrder { kRelevance, kDate, kDateDescending };
enum class Collapse { kNone, kLetter, kThread };

struct SearchRequest {
  // Query language of docs/index-schema.md (Xapian QueryParser plus our fields and ranges).
  std::string query;
  // Filters (ANDed, boolean). Empty = no filter.
  std::string form;           // UPLOAD / CORRESP (any case)
  std::string kind;           // comment | response | letter (item type) or a LetterKindName
  std::string company;        // words of the company name, all required
  std::string cik;            // digits, leading zeros allowed
  std::string topic;          // topic slug
  std::string standard;       // any spelling CanonicalStandardKey understands ("FAS 133")
  std::string status;         // staff comment status: open, responded, reissued, resolved, unclear
  std::string office;         // the reviewing office's whole name ("Office of Manufacturing")
  std::optional<Date> since;  // filing date >= since
  std::optional<Date> until;  // filing date <= until
  // Page: results offset..offset+limit-1. Ten fits a terminal.
  int limit = 10;
  int offset = 0;
  SortOrder sort = SortOrder::kRelevance;
  // One hit per letter or per thread (the best of each).
  Collapse collapse = Collapse::kNone;
  // Count form/year/company/topic/standard over all matches (slower: checks every match).
  bool facets = false;
  // Facets are counted exactly while the matches number at most this many; a broader search
  // counts a sample of at most this many matches (chosen by document id) and scales the counts
  // and the total, marking the answer facets_exact = false (docs/web.md "Facet counts of broad
  // searches"). Default and reason: config/options.h SearchOptions. 0 = always exact.
  long exact_facets_up_to = SearchOptions{}.exact_facets_up_to;
  // Markers around matched words in snippets. Snippets are HTML-escaped text (Xapian escapes
  // only around non-empty markers, so keep them non-empty); PlainSnippet() in query/present.h
  // turns them into terminal text.
  std::string highlight_start = "<b>";
  std::string highlight_end = "</b>";
  // Snippet length in characters: two or three lines.
  std::size_t snippet_chars = 300;
  // Wall-clock budget of a local search (query/search_deadline.h): counting every match
  // (facets, exact total) stops at count_share of it, the page is ranked without the count and
  // the response is partial. Ranking itself is not timed. 0 = no limit (the CLI).
  double time_limit_seconds = 0;
  // The share of time_limit_seconds counting may use; half leaves the page as long again,
  // and ranking one page without counting is many times cheaper than counting every match.
  double count_share = 0.5;
};

struct PairedItem {
  std::string id;
  std::string snippet;  // the first lines of the paired item, HTML-escaped like every snippet
};

// Why the index assigned a topic (document data "topics_evidence", docs/topics.md): the cue
// words, citations ("ASC 740") and "heading: ..." / "comment: ..." evidence.
struct TopicEvidence {
  std::string slug;
  std::vector<std::string> cues;
};

struct SearchHit {
  std::string id;    // ACC#N, ACC#uK or ACC
  std::string type;  // comment | response | letter
  std::string accession, form, kind, cik, company, date, letter_date;
  std::optional<int> number;
  std::vector<std::string> headings;
  std::string snippet;  // HTML-escaped text, matched words between the highlight markers
  std::string url;
  std::string thread;
  std::vector<std::string> topics;
  std::vector<TopicEvidence> topics_evidence;  // one per topic; empty in an index without it
  std::vector<std::string> standards;
  std::optional<PairedItem> response;  // for a staff comment: the company's paired response
  std::optional<PairedItem> comment;   // for a response: the staff comment it answers
  double score = 0;
};

using FacetCounts = std::map<std::string, std::map<std::string, long>>;

struct SearchResponse {
  std::string query;
  std::string corrected;  // "did you mean" suggestion; empty when none
  long total = 0;  // matches (exact with facets unless partial or sampled, else Xapian's estimate)
  int offset = 0;
  std::vector<SearchHit> hits;
  FacetCounts facets;  // empty unless requested: form, year, company, topic, standard, status,
                       // office
  // The time limit stopped the count: total is an estimate, facets count only the matches
  // seen so far (never cached).
  bool partial = false;
  // False when the facets were counted over a sample of the matches (more matches than
  // SearchRequest::exact_facets_up_to): each count, and a local search's total, is then an
  // estimate.
  bool facets_exact = true;
};

}  // namespace corresp
