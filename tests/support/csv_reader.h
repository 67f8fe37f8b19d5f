// Test helper: a strict RFC 4180 reader, written apart from the exporter's writer so a test
// parses what `corresp export` wrote the way a spreadsheet or pandas would. Records end with
// CRLF; a field is quoted or bare; inside quotes "" is a quote and CR/LF are data; a bare field
// holding a quote, a CR or an LF, text after a closing quote, or an unterminated quote make the
// input malformed (nullopt).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corresp::test {

using CsvRecord = std::vector<std::string>;

inline std::optional<std::vector<CsvRecord>> ReadCsv(std::string_view text) {
  std::vector<CsvRecord> records;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRecord record;
    for (;;) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) return std::nullopt;  // unterminated quote
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          field += text[i++];
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\r') {
          if (text[i] == '"' || text[i] == '\n') return std::nullopt;
          field += text[i++];
        }
      }
      record.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (text.substr(i, 2) != "\r\n") return std::nullopt;  // every record ends with CRLF
      i += 2;
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace corresp::test
