// RFC 4180 CSV writing for `corresp export`: fields separated by commas, records ended by
// CRLF, a field quoted when it holds a comma, a double quote, CR or LF (a quote inside doubled),
// bytes otherwise copied as they are (the index holds UTF-8). docs/dataset.md documents it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace corresp {

// The record terminator RFC 4180 prescribes.
inline constexpr std::string_view kCsvLineEnd = "\r\n";
// Joins the elements of a list column in one CSV field ("sfas133|asc815"): a character that
// no id, date, slug or standard key contains.
inline constexpr std::string_view kCsvListSeparator = "|";

// Appends `field` to `out`, quoted when RFC 4180 requires it.
void AppendCsvField(std::string& out, std::string_view field);

// The CSV text of an export value: null -> "", string as is, integer/number/bool in JSON
// spelling, array -> its elements' texts joined by kCsvListSeparator, object -> compact JSON.
std::string CsvText(const nlohmann::json& value);

}  // namespace corresp
