// Parsing of EDGAR index files: form.idx, master.idx and company.idx, daily
// (daily-index/YYYY/QTRn/form.YYYYMMDD.idx) and quarterly (full-index/YYYY/QTRn/form.idx).
//
// The parser is total: any bytes give a ParsedIndex, holding every row it understood and one
// IndexRowError (with its 1-based line number) per row it did not. It never throws or aborts.
// Accepted: the fixed-width layouts (form, company; company's header wrapped over two lines),
// the pipe-delimited master layout, CRLF or LF line ends, trailing spaces, backslashes and
// other punctuation in company names, dates as YYYY-MM-DD or YYYYMMDD, and gzip-compressed
// input (detected by its magic bytes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/filing.h"

namespace corresp {

enum class IndexLayout {
  kForm,     // "Form Type   Company Name   CIK   Date Filed  File Name", fixed width
  kCompany,  // "Company Name   Form Type   CIK" / "Date Filed  File Name", fixed width
  kMaster,   // "CIK|Company Name|Form Type|Date Filed|File Name"
};

struct IndexRowError {
  int line = 0;        // 1-based line number in the (decompressed) file; 0 = whole file
  std::string text;    // the offending line (trimmed, at most 200 characters)
  std::string reason;  // "bad CIK \"12x\"", "bad date", "path is not edgar/data/CIK/ACC.txt"
};

struct ParsedIndex {
  std::optional<IndexLayout> layout;  // nullopt when no known header was found
  std::vector<IndexEntry> entries;    // in file order
  std::vector<IndexRowError> errors;  // in file order
};

// Parses `bytes` (plain or gzip). Every entry gets `index_day` (the daily index's day, or the
// quarter's first day for a full index). The layout is detected from the column header; a file
// without a recognisable header yields one error with line 0 and no entries.
ParsedIndex ParseIndexFile(std::string_view bytes, Date index_day);

// "edgar/data/1090872/0001090872-16-000078.txt" -> its CIK and accession; nullopt otherwise.
struct IndexRowPath {
  Cik cik;
  Accession accession;
};
std::optional<IndexRowPath> ParseIndexPath(std::string_view path);

}  // namespace corresp
