// Parsing of a complete EDGAR submission file (ACCESSION.txt): the SGML header and every
// <DOCUMENT> in it. One parser with two modes, one uudecoder shared by both:
//
//   ParseMode::kStrict   the crawler: a truncated download or a bad uuencoded line is an error,
//                        so the crawler falls back to the documents instead of storing a
//                        partial letter.
//   ParseMode::kLenient  the extractor, after the strict parse refused: read what is there
//                        from a letter that will not be fetched again; every repair is noted.
//
// The parser is total in both modes: any bytes give either a Submission or a Status, never a
// crash. Outcomes of ParseSubmission, by what the bytes hold:
//
//   bytes hold                                   kStrict           kLenient (note in `issues`)
//   no header and no <DOCUMENT> line             kCorruption       kCorruption
//   bare <DOCUMENT> blocks, no header            kCorruption       documents; filing left empty
//   <SEC-HEADER> that never closes               kCorruption       header up to the first
//                                                                  <DOCUMENT> or the end
//   <SEC-DOCUMENT> without </SEC-DOCUMENT>       kCorruption       parsed as it stands
//   <DOCUMENT> without </DOCUMENT>               kCorruption       block runs to the end
//   <DOCUMENT> without <TEXT>                    kCorruption       that document is dropped
//   <TEXT> without </TEXT>                       kCorruption       body runs to the block's end
//   <PDF> without </PDF>                         kCorruption       decoded to the body's end
//   a malformed uuencoded line                   kCorruption       line skipped and counted
//   uuencoded data without "begin" or "end"      kCorruption       what decoded (maybe nothing)
//   a header field it cannot read                field left empty, noted in `issues` (both)
//
// Tags are recognised at the start of a line (after "\r\n" too). A kCorruption message names
// the document (its FILENAME, else "document SEQUENCE") it concerns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/filing.h"
#include "core/status.h"

namespace corresp {

enum class ParseMode {
  kStrict,   // first problem is a kCorruption error: nothing partial is ever stored
  kLenient,  // repair and go on; only bytes with no SGML at all are an error
};

struct SubmissionDocument {
  int sequence = 0;          // <SEQUENCE>, 0 when absent
  std::string type;          // <TYPE>: "UPLOAD", "CORRESP", "GRAPHIC", ...
  std::string filename;      // <FILENAME>: "filename1.pdf"
  std::string description;   // <DESCRIPTION>, often empty
  std::string content_type;  // guessed from the filename: "application/pdf", "text/html", ...
  // The document's original bytes: a <PDF> (or other uuencoded) body decoded; a plain <TEXT>
  // body exactly as it stands between the line "<TEXT>" and the line "</TEXT>".
  std::string body;
  bool pdf_tag = false;  // the body stood inside <PDF>: EDGAR says it is a PDF, even if broken
};

struct Submission {
  // Header fields; fetch bookkeeping (state, attempts, source_url) left at defaults.
  // filing.documents mirrors `documents` (sha256 left empty: the store assigns it).
  Filing filing;
  std::vector<SubmissionDocument> documents;
  // Header fields that could not be read; in kLenient mode also each repair (see the table).
  std::vector<std::string> issues;
};

// Parses a whole submission file. See the file comment for the outcomes in each mode.
Result<Submission> ParseSubmission(std::string_view bytes, ParseMode mode = ParseMode::kStrict);

// Parses bare <DOCUMENT> blocks without a submission header, as in the .htm files EDGAR
// serves with their SGML wrapper still on, strictly. Text outside the blocks is ignored; no
// block at all gives an empty vector. kCorruption as for ParseSubmission in kStrict mode.
Result<std::vector<SubmissionDocument>> ParseDocumentBlocks(std::string_view bytes);

// Decodes one uuencoded block ("begin MODE NAME" ... "end"); text before the begin line is
// ignored. Each line's first character gives its byte count; a line shorter than that count
// needs (a mail or text tool stripped its trailing spaces, which encode zero bits) is padded
// with zero bits, the same in both modes. A line is malformed when it holds a character
// outside ' '..'`' or is longer than its count needs (beyond one checksum character).
//   kStrict:  kCorruption on no begin line, no end line, or the first malformed line.
//   kLenient: never fails; malformed lines are skipped, and each problem (the skipped lines
//             with their count, a missing begin or end line) is appended to *issues when
//             issues is not null.
Result<std::string> UuDecode(std::string_view text, ParseMode mode = ParseMode::kStrict,
                             std::vector<std::string>* issues = nullptr);

// "application/pdf" for .pdf, "text/html" for .htm/.html, "text/plain" for .txt, "image/jpeg",
// "image/gif", "image/png", "application/xml", else "application/octet-stream".
std::string ContentTypeForFilename(std::string_view filename);

// True for the document types that are review letters: those with a side in
// core/letter_form.h (UPLOAD, SEC STAFF LETTER, CORRESP, DRSLTR, DOSLTR).
bool IsLetterType(std::string_view type);

}  // namespace corresp
