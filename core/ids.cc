#include "core/ids.h"

#include <cctype>
#include <cstdio>

namespace corresp {
namespace {
bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}
std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}
}  // namespace

std::string Cik::ToString() const { return std::to_string(value); }

std::string Cik::Padded() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%010llu", static_cast<unsigned long long>(value));
  return buf;
}

std::optional<Cik> Cik::Parse(std::string_view text) {
  text = Trim(text);
  if (!IsDigits(text) || text.size() > 10) return std::nullopt;
  Cik cik;
  for (char c : text) cik.value = cik.value * 10 + static_cast<std::uint64_t>(c - '0');
  if (cik.value == 0) return std::nullopt;
  return cik;
}

std::string Accession::NoDashes() const {
  std::string out;
  for (char c : text)
    if (c != '-') out += c;
  return out;
}

namespace {
constexpr std::string_view kOutsidePrefix = "X-";
// 64 bits of the content hash: a collision among a researcher's added letters is as likely as
// one in 2^32 letters, and the id stays short enough to type.
constexpr std::size_t kOutsideHexDigits = 16;

std::optional<std::string> LowerHex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}
}  // namespace

bool Accession::IsOutsideEdgar() const { return text.rfind(kOutsidePrefix, 0) == 0; }

std::optional<Accession> Accession::OutsideEdgar(std::string_view sha256_hex) {
  if (sha256_hex.size() < kOutsideHexDigits) return std::nullopt;
  std::optional<std::string> hex = LowerHex(sha256_hex.substr(0, kOutsideHexDigits));
  if (!hex || !LowerHex(sha256_hex)) return std::nullopt;
  return Accession{std::string(kOutsidePrefix) + *hex};
}

std::optional<Accession> Accession::Parse(std::string_view t) {
  t = Trim(t);
  if (t.size() == kOutsidePrefix.size() + kOutsideHexDigits &&
      (t.substr(0, 2) == "X-" || t.substr(0, 2) == "x-"))
    return OutsideEdgar(t.substr(2));
  if (t.size() == 20 && t[10] == '-' && t[13] == '-' && IsDigits(t.substr(0, 10)) &&
      IsDigits(t.substr(11, 2)) && IsDigits(t.substr(14, 6)))
    return Accession{std::string(t)};
  if (t.size() == 18 && IsDigits(t)) {
    return Accession{std::string(t.substr(0, 10)) + "-" + std::string(t.substr(10, 2)) + "-" +
                     std::string(t.substr(12, 6))};
  }
  return std::nullopt;
}

std::string FilingFolderPath(Cik cik, const Accession& accession) {
  return "Archives/edgar/data/" + cik.ToString() + "/" + accession.NoDashes();
}

std::string SubmissionTextPath(Cik cik, const Accession& accession) {
  return "Archives/edgar/data/" + cik.ToString() + "/" + accession.text + ".txt";
}

std::string FilingIndexJsonPath(Cik cik, const Accession& accession) {
  return FilingFolderPath(cik, accession) + "/index.json";
}

std::string SecFilingUrl(Cik cik, const Accession& accession, std::string_view document) {
  std::string url = "https://www.sec.gov/" + FilingFolderPath(cik, accession) + "/";
  if (document.empty()) return url + accession.text + "-index.htm";
  return url + std::string(document);
}

}  // namespace corresp
