#include "crawler/index_file.h"

#include <algorithm>

#include "store/gzip.h"

namespace corresp {
namespace {

constexpr std::size_t kMaxErrorText = 200;

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view Trim(std::string_view s) {
  s = TrimRight(s);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// Splits off the last whitespace-separated token of `s` (which must be right-trimmed).
std::string_view PopLastToken(std::string_view& s) {
  std::size_t cut = s.find_last_of(" \t");
  std::string_view token = cut == std::string_view::npos ? s : s.substr(cut + 1);
  s = TrimRight(cut == std::string_view::npos ? std::string_view() : s.substr(0, cut));
  return token;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

bool IsSeparator(std::string_view line) {
  line = Trim(line);
  return line.size() >= 10 && line.find_first_not_of('-') == std::string_view::npos;
}

struct Layout {
  IndexLayout kind;
  std::size_t split_column;  // form: where "Company Name" starts; company: where "Form Type" does
};

std::optional<Layout> DetectLayout(std::string_view header) {
  if (header.starts_with("CIK|Company Name|")) return Layout{IndexLayout::kMaster, 0};
  if (header.starts_with("Form Type")) {
    std::size_t col = header.find("Company Name");
    if (col != std::string_view::npos) return Layout{IndexLayout::kForm, col};
  }
  if (header.starts_with("Company Name")) {
    std::size_t col = header.find("Form Type");
    if (col != std::string_view::npos) return Layout{IndexLayout::kCompany, col};
  }
  return std::nullopt;
}

// Splits the text left of the CIK column into its two name-like fields. `first_width` is the
// header's column; when a long value overflowed it, the split falls back to a run of spaces.
bool SplitTwoColumns(std::string_view rest, std::size_t first_width, bool prefer_last_gap,
                     std::string_view* first, std::string_view* second) {
  if (rest.size() > first_width && first_width > 0 && rest[first_width - 1] == ' ' &&
      rest[first_width] != ' ') {
    *first = Trim(rest.substr(0, first_width));
    *second = Trim(rest.substr(first_width));
    return !first->empty() && !second->empty();
  }
  std::size_t gap = prefer_last_gap ? rest.rfind("  ") : rest.find("  ");
  if (gap == std::string_view::npos) return false;
  *first = Trim(rest.substr(0, gap));
  *second = Trim(rest.substr(gap));
  return !first->empty() && !second->empty();
}

struct RawRow {
  std::string_view form, company, cik, date, path;
};

std::optional<RawRow> SplitFixedWidth(std::string_view line, const Layout& layout,
                                      std::string* reason) {
  std::string_view rest = TrimRight(line);
  RawRow row;
  row.path = PopLastToken(rest);
  row.date = PopLastToken(rest);
  row.cik = PopLastToken(rest);
  if (rest.empty()) {
    *reason = "too few columns";
    return std::nullopt;
  }
  bool ok = layout.kind == IndexLayout::kForm
                ? SplitTwoColumns(rest, layout.split_column, false, &row.form, &row.company)
                : SplitTwoColumns(rest, layout.split_column, true, &row.company, &row.form);
  if (!ok) {
    *reason = "cannot separate form type and company name";
    return std::nullopt;
  }
  return row;
}

std::optional<RawRow> SplitMaster(std::string_view line, std::string* reason) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t bar = line.find('|', start);
    fields.push_back(line.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  if (fields.size() < 5) {
    *reason = "expected 5 '|'-separated fields, got " + std::to_string(fields.size());
    return std::nullopt;
  }
  // A '|' inside a company name: the name is everything between CIK and the last three fields.
  std::size_t n = fields.size();
  std::string_view company(fields[1].data(),
                           fields[n - 4].data() + fields[n - 4].size() - fields[1].data());
  return RawRow{Trim(fields[n - 3]), Trim(company), Trim(fields[0]), Trim(fields[n - 2]),
                Trim(fields[n - 1])};
}

std::optional<IndexEntry> BuildEntry(const RawRow& row, Date index_day, std::string* reason) {
  std::optional<Cik> cik = Cik::Parse(row.cik);
  if (!cik || row.cik.empty()) {
    *reason = "bad CIK \"" + std::string(row.cik) + "\"";
    return std::nullopt;
  }
  std::optional<Date> date = Date::Parse(row.date);
  if (!date) {
    *reason = "bad date \"" + std::string(row.date) + "\"";
    return std::nullopt;
  }
  std::optional<IndexRowPath> path = ParseIndexPath(row.path);
  if (!path) {
    *reason = "path is not edgar/data/CIK/ACCESSION.txt: \"" + std::string(row.path) + "\"";
    return std::nullopt;
  }
  if (path->cik != *cik) {
    *reason = "CIK column " + cik->ToString() + " differs from the path's " + path->cik.ToString();
    return std::nullopt;
  }
  if (row.form.empty() || row.company.empty()) {
    *reason = "empty form type or company name";
    return std::nullopt;
  }
  return IndexEntry{std::string(row.form), std::string(row.company), *cik,     *date,
                    std::string(row.path), path->accession,          index_day};
}

void AddError(ParsedIndex& out, int line, std::string_view text, std::string reason) {
  text = Trim(text);
  out.errors.push_back(
      IndexRowError{line, std::string(text.substr(0, kMaxErrorText)), std::move(reason)});
}

}  // namespace

std::optional<IndexRowPath> ParseIndexPath(std::string_view path) {
  constexpr std::string_view kPrefix = "edgar/data/";
  if (!path.starts_with(kPrefix) || !path.ends_with(".txt")) return std::nullopt;
  path.remove_prefix(kPrefix.size());
  path.remove_suffix(4);
  std::size_t slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view cik_text = path.substr(0, slash);
  if (cik_text.empty() ||
      !std::all_of(cik_text.begin(), cik_text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::optional<Cik> cik = Cik::Parse(cik_text);
  std::optional<Accession> accession = Accession::Parse(path.substr(slash + 1));
  if (!cik || !accession) return std::nullopt;
  return IndexRowPath{*cik, *accession};
}

ParsedIndex ParseIndexFile(std::string_view bytes, Date index_day) {
  ParsedIndex out;
  std::string inflated;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
      static_cast<unsigned char>(bytes[1]) == 0x8b) {
    Result<std::string> plain = GzipDecompress(bytes);
    if (!plain.ok()) {
      AddError(out, 0, "", "bad gzip data: " + plain.status().message());
      return out;
    }
    inflated = std::move(plain).value();
    bytes = inflated;
  }
  std::vector<std::string_view> lines = SplitLines(bytes);
  std::optional<Layout> layout;
  std::size_t first_row = lines.size();
  for (std::size_t i = 0; i < lines.size() && i < 50; ++i) {
    if (!IsSeparator(lines[i])) continue;
    // The header is the last non-blank line above the separator, or (company.idx, whose
    // header wraps) the one above that.
    for (std::size_t back = 1; back <= 2 && back <= i && !layout; ++back) {
      layout = DetectLayout(TrimRight(lines[i - back]));
    }
    first_row = i + 1;
    break;
  }
  if (!layout) {
    AddError(out, 0, "", "no EDGAR index header (form, company or master layout) found");
    return out;
  }
  out.layout = layout->kind;
  for (std::size_t i = first_row; i < lines.size(); ++i) {
    std::string_view line = TrimRight(lines[i]);
    if (Trim(line).empty()) continue;
    std::string reason;
    std::optional<RawRow> row = layout->kind == IndexLayout::kMaster
                                    ? SplitMaster(line, &reason)
                                    : SplitFixedWidth(line, *layout, &reason);
    std::optional<IndexEntry> entry;
    if (row) entry = BuildEntry(*row, index_day, &reason);
    if (entry) {
      out.entries.push_back(std::move(*entry));
    } else {
      AddError(out, static_cast<int>(i + 1), line, std::move(reason));
    }
  }
  return out;
}

}  // namespace corresp
