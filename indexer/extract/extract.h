// The extractor's public entry point: any letter's bytes (complete submission .txt, .htm/.html
// with or without EDGAR's SGML wrapper, .pdf, plain text) -> a segmented Letter.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/letter.h"

namespace corresp {

inline constexpr int kExtractorVersion = 17;  // bump when output changes; triggers re-indexing

struct ExtractInput {
  std::string_view bytes;           // the document's original bytes
  std::string name;                 // file name or path: used for type sniffing and Letter::file
  std::optional<std::string> form;  // "UPLOAD"/"CORRESP" when the caller knows it (catalog)
};

// Caps (also in docs/extractor.md). Input beyond max_input_bytes is cut and the cut is
// reported in Letter::issues; see also PdfReadOptions, HtmlReadOptions, SegmentOptions.
inline constexpr size_t kMaxInputBytes = 64u << 20;  // largest corpus letter is ~5 MB
// kMaxLetterTextBytes (indexer/extract/block.h) caps the text that is read and segmented.

// Total: never throws, never aborts. Always returns a Letter with file = input.name; what the
// extractor was unsure of (undetected form, unreadable PDF, cut input) is in Letter::issues.
// Letter::unreadable is set, with the reason, when there is no letter text at all: an empty
// document, binary bytes posing as HTML or text, a PDF that cannot be opened or has no text.
// Form precedence: input.form, then the SGML header/<TYPE>, else inferred from the text.
Letter ExtractLetter(const ExtractInput& input);

// Exactly the JSON shape of `corresp extract --json` (see docs/extractor.md): file, form,
// kind, letter_date, company, addressee, references, comments, responses, issues.
nlohmann::json LetterToJson(const Letter& letter);

}  // namespace corresp
