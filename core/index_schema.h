// The Xapian index schema: term prefixes, value slots and metadata keys, declared once.
// The indexer writes with these names and the query layer reads with them; nothing else
// may invent a prefix or slot. The table in docs/index-schema.md documents each entry, and
// kSchemaVersion is stored in the database metadata ("schema") so a reader can refuse an
// index written by an incompatible version.
//
// Documents: one per staff comment, one per company response, and one per letter that has
// neither (closings, extension requests, ...). The document data is the JSON record
// described in docs/index-schema.md (everything a hit, `show` and a snippet need).
#pragma once

#include <string>
#include <string_view>

namespace corresp::schema {

// 2 (2026-12-01): words without Z stems (see kPrefixStem).
inline constexpr int kSchemaVersion = 2;

// ---- free text ------------------------------------------------------------------------------
// Words of headings (wdf 2), text and a response's restated comment are unprefixed lower-case
// terms as Xapian's TermGenerator splits them (STEM_NONE), positional except the restated
// comment. There are no stem terms: Xapian's QueryParser writes a plain query word as
// kPrefixStem + its English stem, and the query layer replaces that term by the index's words
// sharing the stem (query/stem_expansion.h), so "revise" still finds "revised" and "revising".
inline constexpr std::string_view kPrefixStem = "Z";

// ---- boolean (filter) term prefixes -------------------------------------------------------
inline constexpr std::string_view kPrefixId = "Q";            // unique id: Q0000831001-07-000001#3
inline constexpr std::string_view kPrefixAccession = "XACC";  // letter the item belongs to
inline constexpr std::string_view kPrefixType = "XTYPE";      // comment | response | letter
inline constexpr std::string_view kPrefixForm = "XFORM";      // upload | corresp
inline constexpr std::string_view kPrefixKind = "XKIND";      // LetterKindName
inline constexpr std::string_view kPrefixCik = "XCIK";        // 831001 (no leading zeros)
inline constexpr std::string_view kPrefixCompany = "XCO";     // each company word + whole name
inline constexpr std::string_view kPrefixSic = "XSIC";        // 6021
inline constexpr std::string_view kPrefixState = "XST";       // de (state of incorporation)
inline constexpr std::string_view kPrefixRefForm = "XREF";    // referenced form: 10-k, s-1
inline constexpr std::string_view kPrefixFiscalYear = "XFY";  // fiscal year referenced: 2006
inline constexpr std::string_view kPrefixYear = "XY";         // year of the filing date: 2007
inline constexpr std::string_view kPrefixThread = "XTH";      // thread id
inline constexpr std::string_view kPrefixTopic = "XTOP";      // topic slug: hedge-accounting
inline constexpr std::string_view kPrefixStandard = "XSTD";   // standard key: sfas133, asc815
inline constexpr std::string_view kPrefixNumber = "XN";       // comment number: 3
inline constexpr std::string_view kPrefixSource = "XSRC";     // kSourceEdgar | kSourceOutsideEdgar
inline constexpr std::string_view kPrefixStatus = "XSTATUS";  // staff comment status: resolved
// Reviewed filing: each named form lower-cased ("10-k", "s-4/a" and "s-4" for an amendment)
// and the accession of each resolved one ("0001193125-17-050000").
inline constexpr std::string_view kPrefixReviewed = "XREV";
inline constexpr std::string_view kPrefixOffice = "XOFF";  // office words + whole name, as XCO

// ---- value slots --------------------------------------------------------------------------
inline constexpr unsigned kSlotDate = 0;        // filing date "YYYYMMDD" (sortable string)
inline constexpr unsigned kSlotLetterDate = 1;  // letter date "YYYYMMDD" (filing date if none)
inline constexpr unsigned kSlotNumber = 2;      // comment number, Xapian::sortable_serialise
inline constexpr unsigned kSlotThread = 3;      // thread id (collapse key for --collapse thread)
inline constexpr unsigned kSlotAccession = 4;   // accession (collapse key for --collapse letter)
inline constexpr unsigned kSlotFacets = 5;      // packed facet values, see PackFacets()
inline constexpr unsigned kSlotOrder = 6;       // item order inside its letter, sortable_serialise
inline constexpr unsigned kSlotRounds = 7;  // staff comment rounds, sortable_serialise (rounds:2..)

// ---- database metadata keys ---------------------------------------------------------------
inline constexpr std::string_view kMetaSchema = "schema";         // kSchemaVersion as text
inline constexpr std::string_view kMetaLetterPrefix = "letter:";  // letter:<CIK10>:<ACC> -> record
inline constexpr std::string_view kMetaThreadPrefix = "thread:";  // thread:<id> -> thread JSON
inline constexpr std::string_view kMetaCikThreads = "cikthreads:";  // cikthreads:<CIK10> -> ids
inline constexpr std::string_view kMetaLetterDocs = "letterdocs:";  // letterdocs:<ACC> -> docids
// letterfp:<ACC> -> fingerprint of what its documents were built from (LetterDocumentsFingerprint)
inline constexpr std::string_view kMetaLetterFingerprint = "letterfp:";
inline constexpr std::string_view kMetaCikLetters =
    "cikletters:";  // cikletters:<CIK10> -> accessions
inline constexpr std::string_view kMetaLastIndexed = "last_indexed";  // UTC ISO time
// Only in a backfill's partial indexes (backfill_writers.h), removed before they are merged:
// the backfill the partial belongs to (backfill_plan.h's text) and the last letter of the last
// batch it committed (an accession), from which an interrupted backfill resumes.
inline constexpr std::string_view kMetaBackfillPlan = "backfill:plan";
inline constexpr std::string_view kMetaBackfillThrough = "backfill:through";
// Running totals kept by the writer (decimal text), so stats need no scan of the records;
// every total's key starts with kMetaCountPrefix (partial indexes' totals are summed on merge).
inline constexpr std::string_view kMetaCountPrefix = "count:";
inline constexpr std::string_view kMetaCountLetters = "count:letters";
inline constexpr std::string_view kMetaCountThreadsOpen = "count:threads.open";
inline constexpr std::string_view kMetaCountThreadsClosed = "count:threads.closed";
static_assert(kMetaCountLetters.starts_with(kMetaCountPrefix) &&
              kMetaCountThreadsOpen.starts_with(kMetaCountPrefix) &&
              kMetaCountThreadsClosed.starts_with(kMetaCountPrefix));

// Query-parser field names (the user's `company:` etc.) are in query/query_builder.cc.

// ---- facet packing ------------------------------------------------------------------------
// kSlotFacets holds "<field>=<value>" entries separated by '\t'; fields are the single
// letters below. One value per entry; topics and standards repeat.
inline constexpr char kFacetForm = 'F';
inline constexpr char kFacetYear = 'Y';
inline constexpr char kFacetCompany = 'C';
inline constexpr char kFacetTopic = 'T';
inline constexpr char kFacetStandard = 'S';
inline constexpr char kFacetStatus = 'U';  // staff comments only: open, responded, ...
inline constexpr char kFacetOffice = 'O';  // "Office of Manufacturing"

inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value;
  return t;
}

// Values of kPrefixType (and of "type" in the document data and the JSON output).
inline constexpr std::string_view kTypeComment = "comment";
inline constexpr std::string_view kTypeResponse = "response";
inline constexpr std::string_view kTypeLetter = "letter";

// Values of kPrefixSource (and of "source" in the document data and the letter record): where
// the letter came from. "outside-edgar" letters were added with `corresp add` (FOIA copies, a
// firm's own files); their accession is synthetic (Accession::IsOutsideEdgar) and they have no
// sec.gov URL.
inline constexpr std::string_view kSourceEdgar = "edgar";
inline constexpr std::string_view kSourceOutsideEdgar = "outside-edgar";

// Canonical key of an accounting standard as a user may type it: lowercased, spaces, dots
// and "no." removed, "fas"/"statement" -> "sfas", "topic" -> "asc", "s-k item" -> "regsk",
// "s-x rule"/"article" -> "regsx" ("Rule 4-08(h)" -> "regsx4-08h", a lettered paragraph).
// "SFAS 133", "FAS 133", "Statement 133" -> "sfas133"; "ASC 815-10" -> "asc815-10". The
// indexer's recogniser (indexer/index/standards.h) produces keys in this same form.
std::string CanonicalStandardKey(std::string_view text);

}  // namespace corresp::schema
