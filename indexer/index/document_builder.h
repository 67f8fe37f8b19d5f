// Turns one letter (with its company's thread links) into Xapian documents following
// core/index_schema.h: one per staff comment, one per company response, one for the letter
// itself when it has neither. Pure: no database access beyond the TermGenerator's spelling
// table (when the generator has a database set).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/index/letter_record.h"
#include "indexer/index/thread_linker.h"

namespace corresp {

// The text of every item of a company, by item id, so a comment's document can carry the
// first lines of its paired response and vice versa.
using ItemTexts = std::map<std::string, std::string>;
ItemTexts CollectItemTexts(const std::vector<const LetterRecord*>& letters);

struct BuiltDocument {
  std::string id;           // ACC#N, ACC#uK or ACC
  std::string unique_term;  // Q + id
  Xapian::Document document;
};

// Characters of a paired item kept in the document data ("the first lines").
inline constexpr size_t kPairedExcerptChars = 400;

// Bump whenever BuildLetterDocuments (or what it calls: topics, standards, abbreviations) would
// build different documents from the same inputs: stored fingerprints then all differ, so the
// next indexing run rewrites every letter's documents.
inline constexpr int kDocumentFormatVersion =
    5;  // 2: no Z stems; 3: topic cues of 2026-12-01; 4, 5: of 2026-12-03

// Sets up a generator as every document of the index is built: words unstemmed, as
// core/index_schema.h describes (no Z stems since schema 2). Call once per generator.
void ConfigureTermGenerator(Xapian::TermGenerator& tg);

// Builds the documents of `record`. Pure and thread-safe given one `tg` per thread, set up by
// ConfigureTermGenerator: it reads only its arguments. On return `tg` holds no document, so the
// documents may be moved to another thread.
std::vector<BuiltDocument> BuildLetterDocuments(const LetterRecord& record,
                                                const ThreadLinks& links, const ItemTexts& texts,
                                                Xapian::TermGenerator& tg);

// A fingerprint (64 hex characters) of everything BuildLetterDocuments reads for `record`:
// `record_json` (the record as stored: `record` was parsed from it), its thread, the
// paired items' excerpts and its comments' lifecycles, kDocumentFormatVersion and the schema
// version. Equal fingerprints mean identical documents, so an unchanged letter need not be
// rebuilt.
std::string LetterDocumentsFingerprint(std::string_view record_json, const LetterRecord& record,
                                       const ThreadLinks& links, const ItemTexts& texts);

// Terms added for abbreviations when the text uses the long form (and vice versa): "held for
// sale" -> hfs, "management's discussion and analysis" / "MD&A" -> mda. Exposed for tests.
std::vector<std::string> AbbreviationTerms(const std::string& text);

}  // namespace corresp
