#include "indexer/extract/extract.h"

#include <cctype>
#include <exception>

#include "core/letter_form.h"
#include "indexer/extract/charset.h"
#include "indexer/extract/html_reader.h"
#include "indexer/extract/pdf_reader.h"
#include "indexer/extract/sgml.h"
#include "indexer/extract/text_reader.h"
#include "indexer/extract/text_util.h"
#include "indexer/segment/letter_dates.h"
#include "indexer/segment/segment.h"

namespace corresp {
namespace {

// Share of bytes that never occur in text (NUL and C0 controls other than tab, CR, LF, FF).
double ControlByteShare(std::string_view body) {
  if (body.empty()) return 0;
  size_t control = 0;  // counted without a branch, so the loop vectorizes
  for (unsigned char c : body)
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  return static_cast<double>(control) / static_cast<double>(body.size());
}

bool HasWordCharacter(const std::vector<Block>& blocks) {
  for (const Block& b : blocks)
    for (char c : b.text)
      if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return false;
}

// Why a document holds no letter at all, or nullopt.
std::optional<std::string> Unreadable(std::string_view body, PayloadType type,
                                      const BlockDocument& doc) {
  if (type != PayloadType::kPdf && ControlByteShare(body) > 0.01)
    return "binary data, not a letter (" +
           std::to_string(static_cast<int>(ControlByteShare(body) * 100 + 0.5)) +
           "% control bytes)";
  if (HasWordCharacter(doc.blocks)) return std::nullopt;
  if (body.find_first_not_of(" \t\r\n\f") == std::string_view::npos) return "empty document";
  for (const std::string& issue : doc.issues)
    if (issue.rfind("pdf:", 0) == 0) return issue;
  return "no readable text in the document";
}

// Replaces every byte that does not start a valid UTF-8 sequence with U+FFFD, so every string
// of a Letter is valid UTF-8 (JSON output and the index require it).
std::string ValidUtf8(const std::string& s) {
  if (IsValidUtf8(s)) return s;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n > 0 && i + n <= s.size() && IsValidUtf8(std::string_view(s).substr(i, n))) {
      out.append(s, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

void MakeValidUtf8(Letter& l) {
  for (std::string* s : {&l.company, &l.addressee, &l.body}) *s = ValidUtf8(*s);
  if (l.form) *l.form = ValidUtf8(*l.form);
  if (l.unreadable) *l.unreadable = ValidUtf8(*l.unreadable);
  for (Reference& r : l.references)
    for (std::string& f : r.file_numbers) f = ValidUtf8(f);
  for (Reference& r : l.references) r.form = ValidUtf8(r.form);
  for (Comment& c : l.comments) {
    c.text = ValidUtf8(c.text);
    if (c.page_ref) *c.page_ref = ValidUtf8(*c.page_ref);
    for (std::string& h : c.headings) h = ValidUtf8(h);
  }
  for (Response& r : l.responses) {
    r.text = ValidUtf8(r.text);
    r.comment_text = ValidUtf8(r.comment_text);
    for (std::string& h : r.headings) h = ValidUtf8(h);
  }
  for (std::string& i : l.issues) i = ValidUtf8(i);
}

BlockDocument ReadAny(std::string_view bytes, const std::string& name) {
  std::optional<std::string> form;
  std::vector<std::string> issues;
  std::string body_storage;
  PayloadType type;
  std::string_view body = bytes;
  if (LooksLikeSgml(bytes)) {
    std::optional<SgmlPayload> payload = ReadSgml(bytes);
    if (payload) {
      form = payload->form;
      issues = payload->issues;
      body_storage = std::move(payload->body);
      body = body_storage;
      type = payload->type;
    } else {
      issues.push_back("sgml: no <DOCUMENT>/<TEXT> found; read as text");
      type = PayloadType::kText;
    }
  } else {
    type = SniffType(bytes, name);
  }
  BlockDocument doc;
  switch (type) {
    case PayloadType::kPdf:
      doc = ReadPdf(body);
      break;
    case PayloadType::kHtml:
      doc = ReadHtml(DecodeToUtf8(body));
      break;
    case PayloadType::kText:
      doc = ReadPlainText(DecodeToUtf8(body));
      break;
  }
  doc.form = form;
  doc.issues.insert(doc.issues.begin(), issues.begin(), issues.end());
  doc.unreadable = Unreadable(body, type, doc);
  return doc;
}

}  // namespace

Letter ExtractLetter(const ExtractInput& input) {
  Letter letter;
  try {
    std::string_view bytes = input.bytes;
    std::vector<std::string> cut;
    if (bytes.size() > kMaxInputBytes) {
      bytes = bytes.substr(0, kMaxInputBytes);
      cut.push_back("input cut at " + std::to_string(kMaxInputBytes) + " bytes");
    }
    BlockDocument doc = ReadAny(bytes, input.name);
    std::optional<std::string> form = input.form ? input.form : doc.form;
    SegmentOptions segment_options;
    segment_options.page_header_lines = std::move(doc.page_header_lines);
    letter = SegmentLetter(doc.blocks, form, segment_options);
    letter.unreadable = doc.unreadable;
    if (!letter.form || SideOfForm(*letter.form) != LetterSide::kStaff)
      letter.named_dates = NamedLetterDates(LetterOpening(doc.blocks, letter));
    if (letter.comments.empty() && letter.responses.empty() && !letter.unreadable) {
      for (const Block& b : doc.blocks) {
        if (!letter.body.empty()) letter.body += "\n\n";
        letter.body += b.text;
      }
    }
    if (letter.unreadable) letter.issues.push_back("unreadable: " + *letter.unreadable);
    letter.issues.insert(letter.issues.begin(), doc.issues.begin(), doc.issues.end());
    letter.issues.insert(letter.issues.begin(), cut.begin(), cut.end());
  } catch (const std::exception& e) {
    letter = Letter();
    letter.form = input.form;
    letter.issues.push_back(std::string("extractor failed: ") + e.what());
  } catch (...) {
    letter = Letter();
    letter.form = input.form;
    letter.issues.push_back("extractor failed: unknown error");
  }
  letter.file = ValidUtf8(input.name);
  MakeValidUtf8(letter);
  return letter;
}

}  // namespace corresp
