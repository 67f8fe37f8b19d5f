// `corresp export` and `/api/export`: the index, or the matches of a search, as a dataset of
// one row per unit (staff comment, company response, letter or review thread) in RFC 4180 CSV
// or JSON lines, with the columns of query/export_columns.h (docs/dataset.md, Export codebook).
//
// Streaming: rows go to the sink in blocks of about ExportRequest::flush_bytes as they are
// read; memory does not grow with the index. Comment and response rows come straight from the
// match (a Xapian match spy on a local index, pages of matches on a remote one). Letter and
// thread rows are made company by company, so what is held at once is one company's matched
// letters or threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "query/export_columns.h"
#include "query/index_reader.h"
#include "query/search_request.h"

namespace corresp {

enum class ExportFormat { kCsv, kJsonl };

// "csv", "jsonl".
const char* ExportFormatName(ExportFormat format);
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportRequest {
  ExportLevel level = ExportLevel::kComment;
  ExportFormat format = ExportFormat::kCsv;
  // The units exported: those matching this search's query string and filters (form, kind,
  // company, cik, topic, standard, since/until). A letter or thread is exported when any of
  // its documents matches. Paging, sorting, collapsing, facets and snippets are ignored. The
  // default (nothing set) exports the whole index.
  SearchRequest search;
  // Bytes gathered before each sink call: a call per row would cost more than the row, and
  // 64 KiB keeps the buffer small against any index.
  std::size_t flush_bytes = 64 * 1024;
  // Matches read per round trip from a remote index (no match spy there; the server holds
  // offset + page matches while it answers a page): a thousand keeps round trips a small
  // part of the time.
  unsigned remote_page = 1000;
};

// Receives the output in order. A non-OK status stops the export, which returns it.
using ExportSink = std::function<Status(std::string_view bytes)>;

struct ExportSummary {
  long rows = 0;  // data rows written (the CSV header not counted)
};

// Writes the header (CSV only) and every row. Rows come in index order: comments and
// responses by document id (the order they were indexed), letters and threads by company
// (CIK10 ascending), then in the company's own order. Errors: kInvalidArgument for a query the
// parser rejects; the sink's status when it fails; kUnavailable when the index changed in a
// way that forced a reopen after rows were written (run again); else as IndexReader::Run.
// On error, part of the output may have gone to the sink: callers that must not leave half a
// file write through core/atomic_file.h.
Result<ExportSummary> Export(IndexReader& reader, const ExportRequest& request,
                             const ExportSink& sink);

// The CSV header line (column names, CRLF) of a level; "" for jsonl.
std::string ExportHeader(ExportLevel level, ExportFormat format);
// One row with its line end: CSV (RFC 4180, CRLF) or one JSON object with the columns in
// table order and "\n". Invalid UTF-8 in jsonl is replaced by U+FFFD.
std::string ExportRow(ExportLevel level, ExportFormat format, const ExportSource& source);

}  // namespace corresp
