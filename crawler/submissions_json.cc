#include "crawler/submissions_json.h"

#include <nlohmann/json.hpp>

#include "config/load.h"

namespace corresp {
namespace {

using nlohmann::json;

// Column `key` as strings ("" for a null or non-string cell); nullopt when absent.
std::optional<std::vector<std::string>> Column(const json& table, const char* key) {
  if (!table.contains(key) || !table[key].is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const json& cell : table[key])
    out.push_back(cell.is_string() ? cell.get<std::string>() : "");
  return out;
}

bool IsPageName(const std::string& name) {
  constexpr std::string_view kSuffix = ".json";
  constexpr std::string_view kMiddle = "-submissions-";
  if (!name.starts_with("CIK") || name.size() < 3 + 10 + kMiddle.size() + 1 + kSuffix.size() ||
      !name.ends_with(kSuffix) || name.compare(13, kMiddle.size(), kMiddle) != 0)
    return false;
  std::string digits =
      name.substr(3, 10) +
      name.substr(13 + kMiddle.size(), name.size() - 13 - kMiddle.size() - kSuffix.size());
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::vector<CompanyFiling>> ReadTable(const json& table, const char* where) {
  if (!table.is_object()) return ParseError(std::string("expected an object at ") + where);
  auto acc = Column(table, "accessionNumber");
  auto form = Column(table, "form");
  auto filed = Column(table, "filingDate");
  if (!acc || !form || !filed || acc->size() != form->size() || acc->size() != filed->size())
    return ParseError(std::string("expected accessionNumber, form and filingDate arrays of one "
                                  "length at ") +
                      where);
  auto report = Column(table, "reportDate");
  auto number = Column(table, "fileNumber");
  std::vector<CompanyFiling> out;
  for (size_t i = 0; i < acc->size(); ++i) {
    std::optional<Accession> a = Accession::Parse((*acc)[i]);
    if (!a) continue;
    CompanyFiling f{*a, (*form)[i], Date::Parse((*filed)[i]), std::nullopt, ""};
    if (report && i < report->size()) f.report_date = Date::Parse((*report)[i]);
    if (number && i < number->size()) f.file_number = (*number)[i];
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<Date> DayOf(const std::string& timestamp) {
  return timestamp.size() >= 10 ? Date::Parse(std::string_view(timestamp).substr(0, 10))
                                : std::nullopt;
}

}  // namespace

Result<SubmissionsPage> ParseSubmissionsJson(std::string_view body, bool first_page) {
  json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return ParseError("not JSON");
  SubmissionsPage page;
  if (!first_page) {
    CORRESP_ASSIGN_OR_RETURN(page.filings, ReadTable(doc, "the top level"));
    return page;
  }
  if (!doc.is_object() || !doc.contains("filings") || !doc["filings"].is_object())
    return ParseError("expected a \"filings\" object");
  const json& filings = doc["filings"];
  if (!filings.contains("recent")) return ParseError("expected \"filings.recent\"");
  CORRESP_ASSIGN_OR_RETURN(page.filings, ReadTable(filings["recent"], "filings.recent"));
  if (filings.contains("files") && filings["files"].is_array())
    for (const json& f : filings["files"])
      if (f.is_object() && f.contains("name") && f["name"].is_string() &&
          IsPageName(f["name"].get<std::string>())) {
        std::optional<Date> to;
        if (f.contains("filingTo") && f["filingTo"].is_string())
          to = Date::Parse(f["filingTo"].get<std::string>());
        page.more_pages.push_back({f["name"].get<std::string>(), to});
      }
  return page;
}

bool PageNeeded(const SubmissionsPageRef& page, const std::optional<Date>& oldest_letter) {
  return !oldest_letter || !page.filing_to ||
         *page.filing_to >= oldest_letter->AddDays(-kPageLookbackDays);
}

std::string SubmissionsPath(Cik cik) { return "submissions/CIK" + cik.Padded() + ".json"; }

std::string SubmissionsPagePath(const std::string& page) { return "submissions/" + page; }

std::string SubmissionsBaseUrl(const std::string& base_url) {
  if (IsSecGov(base_url)) return "https://data.sec.gov";
  std::string base = base_url;
  while (base.ends_with('/')) base.pop_back();
  return base;
}

bool NeedsSubmissionsFetch(const std::optional<std::string>& checked_at,
                           const std::optional<Date>& newest_letter) {
  if (!newest_letter) return false;
  std::optional<Date> checked = checked_at ? DayOf(*checked_at) : std::nullopt;
  return !checked || *checked <= *newest_letter;
}

}  // namespace corresp
