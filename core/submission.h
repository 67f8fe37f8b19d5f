// Parsing of a complete EDGAR submission file (ACCESSION.txt): the SGML header and every
// <DOCUMENT> in it. Used by the crawler (one request per filing) and by the extractor (which
// may read a stored .txt submission).
//
// The parser is total: any bytes give either a Submission or a Status, never a crash. It
// returns kCorruption when the SGML never closes (a <SEC-HEADER>, <DOCUMENT>, <TEXT> or <PDF>
// without its end tag, i.e. a truncated download) or a uuencoded body is malformed, and when
// the bytes are not an SGML submission at all. Header fields it cannot read are left empty
// and noted in `issues`; they never fail the parse.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/filing.h"
#include "core/status.h"

namespace corresp {

struct SubmissionDocument {
  int sequence = 0;          // <SEQUENCE>, 0 when absent
  std::string type;          // <TYPE>: "UPLOAD", "CORRESP", "GRAPHIC", ...
  std::string filename;      // <FILENAME>: "filename1.pdf"
  std::string description;   // <DESCRIPTION>, often empty
  std::string content_type;  // guessed from the filename: "application/pdf", "text/html", ...
  // The document's original bytes: a <PDF> (or other uuencoded) body decoded; a plain <TEXT>
  // body exactly as it stands between the line "<TEXT>" and the line "</TEXT>".
  std::string body;
};

struct Submission {
  // Header fields; fetch bookkeeping (state, attempts, source_url) left at defaults.
  // filing.documents mirrors `documents` (sha256 left empty: the store assigns it).
  Filing filing;
  std::vector<SubmissionDocument> documents;
  std::vector<std::string> issues;  // header fields that could not be read
};

// Parses a whole submission file. See the file comment for the failure cases.
Result<Submission> ParseSubmission(std::string_view bytes);

// Parses bare <DOCUMENT> blocks without a submission header, as in the .htm files EDGAR
// serves with their SGML wrapper still on. Text outside the blocks is ignored; no block at all
// gives an empty vector. kCorruption as for ParseSubmission.
Result<std::vector<SubmissionDocument>> ParseDocumentBlocks(std::string_view bytes);

// Decodes one uuencoded block ("begin MODE NAME" ... "end"); text around the block is
// ignored. kCorruption when there is no begin line, no end line, or a bad line.
Result<std::string> UuDecode(std::string_view text);

// "application/pdf" for .pdf, "text/html" for .htm/.html, "text/plain" for .txt, "image/jpeg",
// "image/gif", "image/png", "application/xml", else "application/octet-stream".
std::string ContentTypeForFilename(std::string_view filename);

// True for the document types that are review letters ("UPLOAD", "CORRESP").
bool IsLetterType(std::string_view type);

}  // namespace corresp
