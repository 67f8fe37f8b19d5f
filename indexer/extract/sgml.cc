#include "indexer/extract/sgml.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/submission.h"
#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

// The header-less wrapper EDGAR leaves on its standalone .htm files is read by
// ParseDocumentBlocks: strictly, it is not a submission.
bool HasSubmissionHeader(std::string_view bytes) {
  // memmem skips ahead; string_view::find stops at every '<' of the HTML.
  auto has = [bytes](std::string_view tag) {
    return memmem(bytes.data(), bytes.size(), tag.data(), tag.size()) != nullptr;
  };
  return has("<SEC-HEADER>") || has("<SEC-DOCUMENT>");
}

Result<Submission> ParseStrictly(std::string_view bytes) {
  if (HasSubmissionHeader(bytes)) return ParseSubmission(bytes, ParseMode::kStrict);
  Result<std::vector<SubmissionDocument>> blocks = ParseDocumentBlocks(bytes);
  if (!blocks.ok()) return blocks.status();
  Submission out;
  out.documents = std::move(blocks).value();
  return out;
}

// The letter document of a parsed submission, or nullopt when it has no document.
std::optional<SgmlPayload> LetterPayload(Submission submission) {
  if (submission.documents.empty()) return std::nullopt;
  auto letter = std::find_if(submission.documents.begin(), submission.documents.end(),
                             [](const SubmissionDocument& d) { return IsLetterType(d.type); });
  SubmissionDocument& chosen =
      letter == submission.documents.end() ? submission.documents.front() : *letter;
  SgmlPayload out;
  if (IsLetterType(submission.filing.form)) {
    out.form = submission.filing.form;
  } else if (IsLetterType(chosen.type)) {
    out.form = chosen.type;
  }
  out.filename = chosen.filename;
  out.body = std::move(chosen.body);
  out.type = chosen.pdf_tag ? PayloadType::kPdf : SniffType(out.body, out.filename);
  return out;
}

// True when `lower` (lower-cased text) holds the tag `<name` followed by '>', '/' or a space:
// "<p>" and "<P STYLE=...>" are paragraphs, "<PAGE>" (a plain-text page mark) is not.
bool HasTag(std::string_view lower, std::string_view name) {
  std::string open = "<" + std::string(name);
  for (size_t at = lower.find(open); at != std::string::npos; at = lower.find(open, at + 1)) {
    size_t after = at + open.size();
    if (after == lower.size()) return false;
    char c = lower[after];
    if (c == '>' || c == '/' || std::isspace(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeSgml(std::string_view bytes) {
  std::string_view s = TrimLeft(bytes.substr(0, 4096));
  return IStartsWith(s, "<SEC-DOCUMENT>") || IStartsWith(s, "<SEC-HEADER>") ||
         IStartsWith(s, "<DOCUMENT>") || IStartsWith(s, "<IMS-DOCUMENT>");
}

PayloadType SniffType(std::string_view bytes, std::string_view name) {
  std::string_view head = TrimLeft(bytes.substr(0, 2048));
  if (StartsWith(head, "%PDF")) return PayloadType::kPdf;
  std::string lname = AsciiLower(name);
  // EDGAR's text documents mark tables with <TABLE>, <CAPTION>, <S> and <C>: a table is
  // HTML's only with its rows or cells.
  const std::string lower = AsciiLower(head);
  if (lower.find("<!doctype html") != std::string::npos || HasTag(lower, "html") ||
      HasTag(lower, "body") || HasTag(lower, "p") || HasTag(lower, "div") ||
      (HasTag(lower, "table") && (HasTag(lower, "tr") || HasTag(lower, "td"))))
    return PayloadType::kHtml;
  if (EndsWith(lname, ".htm") || EndsWith(lname, ".html")) return PayloadType::kHtml;
  if (EndsWith(lname, ".pdf") && bytes.find("%PDF") != std::string_view::npos)
    return PayloadType::kPdf;
  return PayloadType::kText;
}

std::optional<SgmlPayload> UnwrapSgml(std::string_view bytes) {
  Result<Submission> lenient = ParseSubmission(bytes, ParseMode::kLenient);
  if (!lenient.ok()) return std::nullopt;
  std::vector<std::string> repairs = std::move(lenient->issues);
  std::optional<SgmlPayload> out = LetterPayload(std::move(lenient).value());
  if (!out) return out;
  for (const std::string& repair : repairs) out->issues.push_back("sgml: " + repair);
  return out;
}

std::optional<SgmlPayload> ReadSgml(std::string_view bytes) {
  Result<Submission> strict = ParseStrictly(bytes);
  if (strict.ok() && !strict->documents.empty()) return LetterPayload(std::move(strict).value());
  std::optional<SgmlPayload> lenient = UnwrapSgml(bytes);
  if (lenient && !strict.ok()) {
    lenient->issues.insert(lenient->issues.begin(),
                           "sgml: " + strict.status().ToString() + "; read leniently");
  }
  return lenient;
}

}  // namespace corresp
