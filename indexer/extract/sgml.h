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

// Unwraps the letter (the first document of TYPE UPLOAD/CORRESP, else the first document)
// through core/submission.h: ParseSubmission in kStrict mode (ParseDocumentBlocks for a bare
// wrapper without header); when that refuses (truncated SGML, a bad uuencoded line) or finds
// no document, ParseSubmission in kLenient mode, with the refusal and each repair in `issues`.
// nullopt when neither finds a document with a <TEXT>.
std::optional<SgmlPayload> ReadSgml(std::string_view bytes);

// The kLenient parse alone, without the strict attempt first (tools/eval-extract's block dump).
std::optional<SgmlPayload> UnwrapSgml(std::string_view bytes);

// Sniffs a payload's type from its bytes and a file name.
PayloadType SniffType(std::string_view bytes, std::string_view name);

}  // namespace corresp
