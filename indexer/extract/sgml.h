// EDGAR's SGML packaging: the <DOCUMENT><TYPE>..<TEXT> wrapper around a single document and
// the complete submission .txt (header + documents, PDFs uuencoded inside <PDF>).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corresp {

enum class PayloadType { kHtml, kPdf, kText };

// The letter inside an SGML wrapper or a submission file.
struct SgmlPayload {
  std::optional<std::string> form;  // CONFORMED SUBMISSION TYPE or the document's <TYPE>
  std::string filename;             // <FILENAME>, "" if absent
  std::string body;                 // the document's bytes (PDF decoded from uuencoding)
  PayloadType type = PayloadType::kText;
  std::vector<std::string> issues;  // e.g. a bad uuencoded line
};

// True if bytes look like an SGML-wrapped EDGAR document or submission (starts, after
// whitespace, with <SEC-DOCUMENT>, <SEC-HEADER>, <DOCUMENT> or <IMS-DOCUMENT>).
bool LooksLikeSgml(std::string_view bytes);

// Unwraps the letter through core/submission.h (ParseSubmission, or ParseDocumentBlocks for a
// bare wrapper); when that strict parser refuses (truncated SGML, a bad uuencoded line), falls
// back to a lenient scan and says so in `issues`.
std::optional<SgmlPayload> ReadSgml(std::string_view bytes);

// The lenient scan: unwraps the first letter document (TYPE UPLOAD/CORRESP, else the first
// document). Returns nullopt when no <DOCUMENT>/<TEXT> is found. Never throws.
std::optional<SgmlPayload> UnwrapSgml(std::string_view bytes);

// Decodes a uuencoded block ("begin 644 name" ... "end"); bad lines are skipped and
// counted in *bad_lines. (core/submission.h's UuDecode is the strict version.)
std::string UuDecodeLenient(std::string_view text, int* bad_lines);

// Sniffs a payload's type from its bytes and a file name.
PayloadType SniffType(std::string_view bytes, std::string_view name);

}  // namespace corresp
