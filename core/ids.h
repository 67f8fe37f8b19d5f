// Identifiers of EDGAR entities. Parsing is total: a bad string gives nullopt, never UB.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corresp {

// Central Index Key: a company's permanent number. Printed without leading zeros in URLs
// ("1090872") and zero-padded to 10 digits in submissions JSON ("0001090872").
struct Cik {
  std::uint64_t value = 0;
  auto operator<=>(const Cik&) const = default;

  std::string ToString() const;  // "1090872"
  std::string Padded() const;    // "0001090872"
  // Accepts 1..10 digits, leading zeros allowed, surrounding spaces ignored.
  static std::optional<Cik> Parse(std::string_view text);
};

// Accession number "0001090872-16-000078": filer id (10 digits), year (2), sequence (6).
// A letter obtained outside EDGAR (`corresp add`) gets a synthetic one, "X-" and the first
// 16 hex digits of the SHA-256 of its bytes ("X-3fa9c2d417e0b6a8"): EDGAR's are all digits,
// so the two never collide, and the same file always gets the same id.
struct Accession {
  std::string text;  // canonical dashed form (lower-case hex for a synthetic one)
  auto operator<=>(const Accession&) const = default;

  std::string NoDashes() const;  // "000109087216000078", the folder name on EDGAR
  // True for the synthetic id of a letter from outside EDGAR (no EDGAR folder or URL).
  bool IsOutsideEdgar() const;
  // Accepts the dashed 20-character form, the 18-digit form, or a synthetic "X-" + 16 hex
  // digits (either case).
  static std::optional<Accession> Parse(std::string_view text);
  // The synthetic id of a letter from outside EDGAR whose bytes hash to `sha256_hex` (64 hex
  // digits, as store/sha256.h prints); nullopt when it is not hex or shorter than 16 digits.
  static std::optional<Accession> OutsideEdgar(std::string_view sha256_hex);
};

// EDGAR paths for a filing, relative to the site root (no leading slash).
std::string FilingFolderPath(Cik cik,
                             const Accession& accession);  // Archives/edgar/data/CIK/NODASH
std::string SubmissionTextPath(Cik cik,
                               const Accession& accession);  // Archives/edgar/data/CIK/ACC.txt
std::string FilingIndexJsonPath(Cik cik, const Accession& accession);  // .../NODASH/index.json
// Public page of a filing's folder on www.sec.gov, for links shown to users.
std::string SecFilingUrl(Cik cik, const Accession& accession, std::string_view document = "");

}  // namespace corresp
