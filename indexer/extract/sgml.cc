#include "indexer/extract/sgml.h"

#include <cctype>

#include "core/submission.h"
#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

// Value of an SGML tag line "<TAG>value" inside doc, or "".
std::string TagValue(std::string_view doc, std::string_view tag) {
  size_t p = doc.find(tag);
  if (p == std::string_view::npos) return "";
  p += tag.size();
  size_t e = doc.find_first_of("\r\n<", p);
  if (e == std::string_view::npos) e = doc.size();
  return CollapseSpace(doc.substr(p, e - p));
}

// Header field "NAME:\t\tvalue".
std::string HeaderValue(std::string_view header, std::string_view name) {
  size_t p = header.find(name);
  if (p == std::string_view::npos) return "";
  p += name.size();
  size_t e = header.find_first_of("\r\n", p);
  if (e == std::string_view::npos) e = header.size();
  return CollapseSpace(header.substr(p, e - p));
}

bool IsLetterForm(const std::string& f) { return f == "UPLOAD" || f == "CORRESP"; }

}  // namespace

bool LooksLikeSgml(std::string_view bytes) {
  std::string_view s = TrimLeft(bytes.substr(0, 4096));
  return IStartsWith(s, "<SEC-DOCUMENT>") || IStartsWith(s, "<SEC-HEADER>") ||
         IStartsWith(s, "<DOCUMENT>") || IStartsWith(s, "<IMS-DOCUMENT>");
}

std::string UuDecodeLenient(std::string_view text, int* bad_lines) {
  std::string out;
  size_t pos = text.find("begin ");
  if (pos == std::string_view::npos) return out;
  pos = text.find('\n', pos);
  while (pos != std::string_view::npos && pos + 1 < text.size()) {
    size_t start = pos + 1;
    size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    pos = end;
    while (!line.empty() && (line.back() == '\r')) line.remove_suffix(1);
    if (line == "end" || StartsWith(line, "</")) break;
    if (line.empty()) continue;
    int n = (line[0] - 32) & 63;
    if (n == 0) continue;
    size_t need = (static_cast<size_t>(n) + 2) / 3 * 4;
    if (line.size() < need + 1) {
      if (bad_lines) ++*bad_lines;
      continue;
    }
    int got = 0;
    for (size_t i = 1; i + 3 < line.size() + 1 && got < n; i += 4) {
      unsigned c[4];
      for (int k = 0; k < 4; ++k) c[k] = (static_cast<unsigned>(line[i + k]) - 32) & 63;
      unsigned char b[3] = {static_cast<unsigned char>((c[0] << 2) | (c[1] >> 4)),
                            static_cast<unsigned char>((c[1] << 4) | (c[2] >> 2)),
                            static_cast<unsigned char>((c[2] << 6) | c[3])};
      for (int k = 0; k < 3 && got < n; ++k, ++got) out.push_back(static_cast<char>(b[k]));
    }
  }
  return out;
}

PayloadType SniffType(std::string_view bytes, std::string_view name) {
  std::string_view head = TrimLeft(bytes.substr(0, 2048));
  if (StartsWith(head, "%PDF")) return PayloadType::kPdf;
  std::string lname = AsciiLower(name);
  if (IContains(head, "<html") || IContains(head, "<!doctype html") || IContains(head, "<body") ||
      IContains(head, "<p") || IContains(head, "<div") || IContains(head, "<table"))
    return PayloadType::kHtml;
  if (EndsWith(lname, ".htm") || EndsWith(lname, ".html")) return PayloadType::kHtml;
  if (EndsWith(lname, ".pdf") && bytes.find("%PDF") != std::string_view::npos)
    return PayloadType::kPdf;
  return PayloadType::kText;
}

std::optional<SgmlPayload> UnwrapSgml(std::string_view bytes) {
  SgmlPayload out;
  size_t header_end = bytes.find("</SEC-HEADER>");
  std::string submission_type;
  if (header_end != std::string_view::npos) {
    submission_type = HeaderValue(bytes.substr(0, header_end), "CONFORMED SUBMISSION TYPE:");
  }
  // Pick the document: first with a letter TYPE, else the first.
  std::string_view chosen;
  std::string chosen_type;
  size_t pos = 0;
  while (true) {
    size_t d = bytes.find("<DOCUMENT>", pos);
    if (d == std::string_view::npos) break;
    size_t e = bytes.find("</DOCUMENT>", d);
    std::string_view doc = bytes.substr(d, e == std::string_view::npos ? bytes.npos : e - d);
    std::string type = TagValue(doc.substr(0, 1024), "<TYPE>");
    if (chosen.empty() || (!IsLetterForm(chosen_type) && IsLetterForm(type))) {
      chosen = doc;
      chosen_type = type;
    }
    if (e == std::string_view::npos) break;
    pos = e + 1;
  }
  if (chosen.empty()) return std::nullopt;
  size_t t = chosen.find("<TEXT>");
  if (t == std::string_view::npos) return std::nullopt;
  std::string_view text = chosen.substr(t + 6);
  size_t te = text.rfind("</TEXT>");
  if (te != std::string_view::npos) text = text.substr(0, te);
  out.filename = TagValue(chosen.substr(0, t), "<FILENAME>");
  std::string form = IsLetterForm(submission_type) ? submission_type : chosen_type;
  if (IsLetterForm(form)) out.form = form;
  std::string_view trimmed = TrimLeft(text);
  if (IStartsWith(trimmed, "<PDF>")) {
    int bad = 0;
    out.body = UuDecodeLenient(trimmed, &bad);
    out.type = PayloadType::kPdf;
    if (bad) out.issues.push_back("uudecode: " + std::to_string(bad) + " bad lines skipped");
    return out;
  }
  out.body.assign(text);
  out.type = SniffType(out.body, out.filename);
  return out;
}

std::optional<SgmlPayload> ReadSgml(std::string_view bytes) {
  std::vector<SubmissionDocument> docs;
  std::optional<std::string> form;
  Status status;
  if (bytes.find("<SEC-HEADER>") != std::string_view::npos ||
      bytes.find("<SEC-DOCUMENT>") != std::string_view::npos) {
    Result<Submission> sub = ParseSubmission(bytes);
    if (sub.ok()) {
      docs = std::move(sub->documents);
      if (IsLetterType(sub->filing.form)) form = sub->filing.form;
    } else {
      status = sub.status();
    }
  } else {
    Result<std::vector<SubmissionDocument>> blocks = ParseDocumentBlocks(bytes);
    if (blocks.ok())
      docs = std::move(*blocks);
    else
      status = blocks.status();
  }
  if (!status.ok() || docs.empty()) {
    std::optional<SgmlPayload> lenient = UnwrapSgml(bytes);
    if (lenient && !status.ok())
      lenient->issues.insert(lenient->issues.begin(),
                             "sgml: " + status.ToString() + "; read leniently");
    return lenient;
  }
  const SubmissionDocument* chosen = &docs.front();
  for (const SubmissionDocument& d : docs)
    if (IsLetterType(d.type)) {
      chosen = &d;
      break;
    }
  SgmlPayload out;
  out.form =
      form ? form
           : (IsLetterType(chosen->type) ? std::optional<std::string>(chosen->type) : std::nullopt);
  out.filename = chosen->filename;
  out.body = chosen->body;
  out.type = SniffType(out.body, out.filename);
  return out;
}

}  // namespace corresp
