// The columns of `corresp export`, one table per level: each column is a name, a type, the
// one line of the codebook that says what it holds and how it is derived, and the getter that
// reads it from the index's JSON (item document data, letter record, thread record:
// docs/index-schema.md). docs/dataset.md "Export codebook" prints these tables; a test
// compares the two, so the documentation cannot drift from the code.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace corresp {

enum class ExportLevel { kComment, kResponse, kLetter, kThread };

// "comment", "response", "letter", "thread".
const char* ExportLevelName(ExportLevel level);
std::optional<ExportLevel> ParseExportLevel(std::string_view name);

// What one row is read from; a source the level does not use is JSON null.
struct ExportSource {
  // comment/response level: the item's document data; letter level: the data of the letter's
  // first document (for its thread and URL).
  const nlohmann::json& item;
  // letter level: the letter record (metadata letter:<CIK10>:<ACC>, without item texts);
  // comment/response level: the record's fields an item row reads ({"sic"}), which the export
  // takes from the item document's terms instead of parsing the whole record.
  const nlohmann::json& letter;
  // thread level: the thread record (metadata thread:<id>).
  const nlohmann::json& thread;
};

// Column types as the codebook names them: string, integer, date (YYYY-MM-DD), list (JSON
// array in jsonl, elements joined by "|" in CSV), text (free text, may hold newlines).
struct ExportColumn {
  std::string_view name;
  std::string_view type;
  std::string_view meaning;  // one codebook line
  // The value: null (empty CSV field) when the source lacks it; never throws.
  nlohmann::json (*get)(const ExportSource& source);
};

// The columns of a level, in output order. Names are stable: a rename is a breaking change
// of the dataset.
std::span<const ExportColumn> ExportColumns(ExportLevel level);

// The Markdown table of a level's columns as docs/dataset.md holds it:
// "| column | type | meaning |" rows, names in backquotes.
std::string CodebookTable(ExportLevel level);

}  // namespace corresp
