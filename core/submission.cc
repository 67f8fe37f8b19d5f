#include "core/submission.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/letter_form.h"

namespace corresp {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// Iterates over lines of a buffer, giving each line (without its '\n') and its offset.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text, std::size_t pos = 0) : text_(text), pos_(pos) {}
  bool Next(std::string_view* line, std::size_t* offset) {
    if (pos_ >= text_.size()) return false;
    std::size_t nl = text_.find('\n', pos_);
    std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
    *offset = pos_;
    *line = text_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = nl == std::string_view::npos ? text_.size() : nl + 1;
    return true;
  }
  std::size_t position() const { return pos_; }

 private:
  std::string_view text_;
  std::size_t pos_;
};

// Offset of `tag` at the start of a line at or after `from`, or npos.
std::size_t FindLineTag(std::string_view text, std::string_view tag, std::size_t from) {
  while (true) {
    std::size_t at = text.find(tag, from);
    if (at == std::string_view::npos) return at;
    if (at == 0 || text[at - 1] == '\n') return at;
    from = at + 1;
  }
}

// Same, searching backwards from `before` (exclusive).
std::size_t RFindLineTag(std::string_view text, std::string_view tag, std::size_t before) {
  std::string_view head = text.substr(0, before);
  std::size_t at = head.rfind(tag);
  while (at != std::string_view::npos) {
    if (at == 0 || text[at - 1] == '\n') return at;
    at = head.rfind(tag, at - 1);
  }
  return at;
}

using FieldMap = std::map<std::string, std::string, std::less<>>;

struct Header {
  FieldMap top;                                          // ACCESSION NUMBER, FILED AS OF DATE, ...
  std::vector<std::pair<std::string, FieldMap>> blocks;  // ("FILER", fields), ...
};

Header ParseHeaderLines(std::string_view header) {
  Header out;
  LineCursor cursor(header);
  std::string_view line;
  std::size_t offset;
  FieldMap* block = nullptr;
  while (cursor.Next(&line, &offset)) {
    if (line.empty() || line.front() == '<') continue;
    bool indented = line.front() == '\t' || line.front() == ' ';
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(Trim(line.substr(0, colon)));
    std::string value(Trim(line.substr(colon + 1)));
    if (!indented) {
      if (value.empty() &&
          (key == "FILER" || key == "FILED FOR" || key == "SUBJECT COMPANY" || key == "FILED BY")) {
        out.blocks.emplace_back(key, FieldMap{});
        block = &out.blocks.back().second;
      } else {
        out.top.emplace(key, value);
        block = nullptr;
      }
    } else if (block != nullptr && !value.empty()) {
      block->emplace(key, value);  // first occurrence wins (FORM TYPE appears once per block)
    }
  }
  return out;
}

const FieldMap* ChooseCompanyBlock(const Header& header) {
  for (const char* kind : {"SUBJECT COMPANY", "FILED FOR", "FILER", "FILED BY"}) {
    for (const auto& [name, fields] : header.blocks) {
      if (name == kind) return &fields;
    }
  }
  return nullptr;
}

std::string Lookup(const FieldMap& map, std::string_view key) {
  auto it = map.find(key);
  return it == map.end() ? std::string() : it->second;
}

// "NATIONAL COMMERCIAL BANKS [6021]" -> "6021"; a bare code stays as is.
std::string SicCode(const std::string& text) {
  std::size_t open = text.rfind('[');
  std::size_t close = text.rfind(']');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return text.substr(open + 1, close - open - 1);
  }
  return text;
}

std::optional<Date> OptionalDate(const std::string& text, const char* what,
                                 std::vector<std::string>* issues) {
  if (text.empty()) return std::nullopt;
  std::optional<Date> date = Date::Parse(text);
  if (!date) issues->push_back(std::string("bad ") + what + " \"" + text + "\"");
  return date;
}

void FillFiling(const Header& header, std::string_view first_line, Submission* out) {
  Filing& f = out->filing;
  std::vector<std::string>* issues = &out->issues;
  std::string accession = Lookup(header.top, "ACCESSION NUMBER");
  if (auto parsed = Accession::Parse(accession)) {
    f.accession = *parsed;
  } else {
    issues->push_back("bad or missing ACCESSION NUMBER \"" + accession + "\"");
  }
  f.form = Lookup(header.top, "CONFORMED SUBMISSION TYPE");
  if (f.form.empty()) issues->push_back("missing CONFORMED SUBMISSION TYPE");
  f.date_filed = OptionalDate(Lookup(header.top, "FILED AS OF DATE"), "FILED AS OF DATE", issues);
  // "<SEC-DOCUMENT>0000000000-19-013210.txt : 20191003": the dissemination date.
  std::size_t sep = first_line.rfind(" : ");
  if (first_line.starts_with("<SEC-DOCUMENT>") && sep != std::string_view::npos) {
    f.dissemination_date = Date::Parse(Trim(first_line.substr(sep + 3)));
  }
  if (!f.dissemination_date) {
    f.dissemination_date =
        OptionalDate(Lookup(header.top, "DATE AS OF CHANGE"), "DATE AS OF CHANGE", issues);
  }
  const FieldMap* company = ChooseCompanyBlock(header);
  if (company == nullptr) {
    issues->push_back("no FILER / FILED FOR / SUBJECT COMPANY / FILED BY block");
    return;
  }
  f.company = Lookup(*company, "COMPANY CONFORMED NAME");
  std::string cik = Lookup(*company, "CENTRAL INDEX KEY");
  if (auto parsed = Cik::Parse(cik)) {
    f.cik = *parsed;
  } else {
    issues->push_back("bad or missing CENTRAL INDEX KEY \"" + cik + "\"");
  }
  f.sic = SicCode(Lookup(*company, "STANDARD INDUSTRIAL CLASSIFICATION"));
  f.state = Lookup(*company, "STATE OF INCORPORATION");
  f.fiscal_year_end = Lookup(*company, "FISCAL YEAR END");
  f.file_number = Lookup(*company, "SEC FILE NUMBER");
}

// What a problem becomes in each mode: kStrict an error, kLenient a note in `issues`.
class Problems {
 public:
  Problems(ParseMode mode, std::vector<std::string>* issues) : mode_(mode), issues_(issues) {}
  ParseMode mode() const { return mode_; }

  // kStrict: Corruption(what). kLenient: notes "what; repair" and returns OK to go on.
  Status Report(const std::string& what, std::string_view repair) const {
    if (mode_ == ParseMode::kStrict) return Corruption(what);
    Note(what + "; " + std::string(repair));
    return Status::Ok();
  }
  // Notes a problem already repaired (kLenient only; kStrict never gets this far).
  void Note(std::string what) const {
    if (issues_ != nullptr) issues_->push_back(std::move(what));
  }

 private:
  ParseMode mode_;
  std::vector<std::string>* issues_;
};

bool StartsWithUuBegin(std::string_view body) {
  return body.starts_with("begin ") && body.size() > 10 && body[6] >= '0' && body[6] <= '7';
}

// Characters a uuencoded line may carry beyond what its count needs: some encoders append a
// checksum character.
constexpr std::size_t kUuExtraChars = 1;

bool IsUuChar(char c) { return c >= ' ' && c <= '`'; }

// Appends the bytes of one uuencoded line to *out and returns "", or returns why the line is
// malformed and appends nothing. Characters missing at the end of a line (stripped trailing
// spaces) count as zero bits.
std::string_view DecodeUuLine(std::string_view line, std::string* out) {
  if (line.empty()) return "";
  int n = (line[0] - ' ') & 63;
  std::size_t needed = static_cast<std::size_t>((n + 2) / 3 * 4);
  if (line.size() > 1 + needed + kUuExtraChars) return "too long";
  for (std::size_t i = 0; i < line.size() && i <= needed; ++i) {
    if (!IsUuChar(line[i])) return "bad character";
  }
  auto sextet = [&](std::size_t i) { return i < line.size() ? (line[i] - ' ') & 63 : 0; };
  for (std::size_t g = 1; g < 1 + needed; g += 4) {
    int s0 = sextet(g), s1 = sextet(g + 1), s2 = sextet(g + 2), s3 = sextet(g + 3);
    const char bytes[3] = {static_cast<char>(s0 << 2 | s1 >> 4),
                           static_cast<char>((s1 & 15) << 4 | s2 >> 2),
                           static_cast<char>((s2 & 3) << 6 | s3)};
    for (int k = 0; k < 3 && n > 0; ++k, --n) out->push_back(bytes[k]);
  }
  return "";
}

// Decodes one document's <TEXT> body into doc->body: <PDF>...</PDF> or a bare uuencoded
// block, else the body as it stands. `name` prefixes errors and notes.
Status DecodeBody(std::string_view body, const std::string& name, const Problems& problems,
                  SubmissionDocument* doc) {
  std::string_view lead = body;
  while (!lead.empty() && (lead.front() == '\n' || lead.front() == '\r')) lead.remove_prefix(1);
  std::string_view encoded = lead;
  if (lead.starts_with("<PDF>")) {
    doc->pdf_tag = true;
    std::size_t end = RFindLineTag(lead, "</PDF>", lead.size());
    if (end == std::string_view::npos) {
      CORRESP_RETURN_IF_ERROR(
          problems.Report(name + ": <PDF> without </PDF>", "decoded to the end of the body"));
      end = lead.size();
    }
    encoded = lead.substr(5, end - 5);
  } else if (!StartsWithUuBegin(lead)) {
    doc->body = std::string(body);
    return Status::Ok();
  }
  std::vector<std::string> notes;
  Result<std::string> decoded = UuDecode(encoded, problems.mode(), &notes);
  if (!decoded.ok()) return decoded.status().WithContext(name);
  for (const std::string& note : notes) problems.Note(name + ": " + note);
  doc->body = std::move(decoded).value();
  return Status::Ok();
}

// Parses one <DOCUMENT> block (from its <DOCUMENT> line to its </DOCUMENT> line, exclusive)
// and appends it to *documents; kLenient drops a block without <TEXT>.
Status ParseDocument(std::string_view block, const Problems& problems,
                     std::vector<SubmissionDocument>* documents) {
  SubmissionDocument doc;
  LineCursor cursor(block);
  std::string_view line;
  std::size_t offset;
  std::size_t text_start = std::string_view::npos;
  while (cursor.Next(&line, &offset)) {
    if (line.starts_with("<TEXT>")) {
      text_start = cursor.position();
      break;
    }
    auto value = [&](std::string_view tag) { return std::string(Trim(line.substr(tag.size()))); };
    if (line.starts_with("<TYPE>")) doc.type = value("<TYPE>");
    if (line.starts_with("<FILENAME>")) doc.filename = value("<FILENAME>");
    if (line.starts_with("<DESCRIPTION>")) doc.description = value("<DESCRIPTION>");
    if (line.starts_with("<SEQUENCE>")) {
      std::string seq = value("<SEQUENCE>");
      doc.sequence = 0;
      for (char c : seq) {
        if (c < '0' || c > '9' || doc.sequence > 1'000'000) break;
        doc.sequence = doc.sequence * 10 + (c - '0');
      }
    }
  }
  std::string name =
      doc.filename.empty() ? "document " + std::to_string(doc.sequence) : doc.filename;
  if (text_start == std::string_view::npos) {
    return problems.Report(name + ": <DOCUMENT> without <TEXT>", "document dropped");
  }
  std::size_t text_end = RFindLineTag(block, "</TEXT>", block.size());
  if (text_end == std::string_view::npos || text_end < text_start) {
    CORRESP_RETURN_IF_ERROR(
        problems.Report(name + ": <TEXT> without </TEXT>", "body read to the end of the block"));
    text_end = block.size();
  }
  CORRESP_RETURN_IF_ERROR(
      DecodeBody(block.substr(text_start, text_end - text_start), name, problems, &doc));
  doc.content_type = ContentTypeForFilename(doc.filename);
  documents->push_back(std::move(doc));
  return Status::Ok();
}

Result<std::vector<SubmissionDocument>> ParseDocumentsFrom(std::string_view bytes, std::size_t pos,
                                                           const Problems& problems) {
  std::vector<SubmissionDocument> documents;
  int count = 0;
  while ((pos = FindLineTag(bytes, "<DOCUMENT>", pos)) != std::string_view::npos) {
    ++count;
    std::size_t end = FindLineTag(bytes, "</DOCUMENT>", pos);
    if (end == std::string_view::npos) {
      CORRESP_RETURN_IF_ERROR(problems.Report(
          "<DOCUMENT> " + std::to_string(count) + " never closes", "read to the next <DOCUMENT>"));
      end = std::min(FindLineTag(bytes, "<DOCUMENT>", pos + 1), bytes.size());
    }
    CORRESP_RETURN_IF_ERROR(ParseDocument(bytes.substr(pos, end - pos), problems, &documents));
    pos = end;
  }
  return documents;
}

}  // namespace

Result<std::vector<SubmissionDocument>> ParseDocumentBlocks(std::string_view bytes) {
  return ParseDocumentsFrom(bytes, 0, Problems(ParseMode::kStrict, nullptr));
}

Result<std::string> UuDecode(std::string_view text, ParseMode mode,
                             std::vector<std::string>* issues) {
  Problems problems(mode, issues);
  LineCursor cursor(text);
  std::string_view line;
  std::size_t offset;
  bool begun = false;
  bool ended = false;
  std::string out;
  int line_no = 0;
  int skipped = 0;
  std::string first_skipped;
  while (!ended && cursor.Next(&line, &offset)) {
    ++line_no;
    if (!begun) {
      begun = StartsWithUuBegin(line);
      continue;
    }
    ended = line == "end";
    if (ended) break;
    std::string_view malformed = DecodeUuLine(line, &out);
    if (malformed.empty()) continue;
    std::string what = "uuencoded line " + std::to_string(line_no) + " " + std::string(malformed);
    if (mode == ParseMode::kStrict) return Corruption(what);
    if (skipped++ == 0) first_skipped = what;
  }
  if (skipped > 0) {  // one note for the lot: a mangled file can have thousands
    problems.Note(std::to_string(skipped) +
                  " malformed uuencoded line(s) skipped (first: " + first_skipped + ")");
  }
  if (!begun) CORRESP_RETURN_IF_ERROR(problems.Report("no uuencode begin line", "nothing decoded"));
  if (begun && !ended) {
    CORRESP_RETURN_IF_ERROR(
        problems.Report("uuencoded data without its end line", "decoded to the end"));
  }
  return out;
}

std::string ContentTypeForFilename(std::string_view filename) {
  std::size_t dot = filename.rfind('.');
  std::string ext;
  if (dot != std::string_view::npos) {
    for (char c : filename.substr(dot + 1)) ext.push_back(static_cast<char>(std::tolower(c)));
  }
  if (ext == "pdf") return "application/pdf";
  if (ext == "htm" || ext == "html") return "text/html";
  if (ext == "txt") return "text/plain";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "png") return "image/png";
  if (ext == "xml") return "application/xml";
  return "application/octet-stream";
}

bool IsLetterType(std::string_view type) { return SideOfForm(type) != LetterSide::kNone; }

Result<Submission> ParseSubmission(std::string_view bytes, ParseMode mode) {
  Submission out;
  Problems problems(mode, &out.issues);
  std::size_t header_begin = FindLineTag(bytes, "<SEC-HEADER>", 0);
  if (header_begin == std::string_view::npos) header_begin = FindLineTag(bytes, "<IMS-HEADER>", 0);
  std::size_t documents_from = 0;
  if (header_begin == std::string_view::npos) {
    if (FindLineTag(bytes, "<DOCUMENT>", 0) == std::string_view::npos) {
      return Corruption("not an EDGAR submission: no <SEC-HEADER> and no <DOCUMENT>");
    }
    CORRESP_RETURN_IF_ERROR(problems.Report("not an EDGAR submission: no <SEC-HEADER>",
                                            "read its <DOCUMENT> blocks alone"));
  } else {
    std::string_view close_tag =
        bytes.substr(header_begin, 5) == "<SEC-" ? "</SEC-HEADER>" : "</IMS-HEADER>";
    std::size_t header_end = FindLineTag(bytes, close_tag, header_begin);
    if (header_end == std::string_view::npos) {
      CORRESP_RETURN_IF_ERROR(
          problems.Report("SGML header never closes", "read to the first <DOCUMENT>"));
      header_end = std::min(FindLineTag(bytes, "<DOCUMENT>", header_begin), bytes.size());
    }
    bool wrapped = bytes.starts_with("<SEC-DOCUMENT>") || bytes.starts_with("<IMS-DOCUMENT>");
    if (wrapped &&
        FindLineTag(bytes, bytes.starts_with("<SEC") ? "</SEC-DOCUMENT>" : "</IMS-DOCUMENT>",
                    header_end) == std::string_view::npos) {
      CORRESP_RETURN_IF_ERROR(
          problems.Report("submission never closes (truncated?)", "read as it stands"));
    }
    std::string_view first_line = bytes.substr(0, bytes.find('\n'));
    FillFiling(ParseHeaderLines(bytes.substr(header_begin, header_end - header_begin)), first_line,
               &out);
    documents_from = header_end;
  }
  Result<std::vector<SubmissionDocument>> documents =
      ParseDocumentsFrom(bytes, documents_from, problems);
  if (!documents.ok()) return documents.status();
  out.documents = std::move(documents).value();
  for (const SubmissionDocument& d : out.documents) {
    out.filing.documents.push_back(DocumentInfo{d.sequence, d.type, d.filename, d.description,
                                                d.content_type, "", d.body.size()});
  }
  return out;
}

}  // namespace corresp
