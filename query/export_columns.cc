#include "query/export_columns.h"

#include <array>

#include "core/letter_form.h"

namespace corresp {

using nlohmann::json;

namespace {

// j[key] when present and not null, else null.
json Field(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? json(nullptr) : *it;
}

json Nested(const json& j, const char* object, const char* key) {
  return Field(Field(j, object), key);
}

// The `key` of each object of `list` (elements without it skipped); [] when not an array.
json Each(const json& list, const char* key) {
  json out = json::array();
  if (!list.is_array()) return out;
  for (const json& element : list) {
    json value = Field(element, key);
    if (!value.is_null()) out.push_back(std::move(value));
  }
  return out;
}

json Count(const json& list) { return list.is_array() ? json(list.size()) : json(nullptr); }

// "ACC#3" -> "ACC".
json AccessionOfId(const json& id) {
  if (!id.is_string()) return nullptr;
  const std::string& text = id.get_ref<const std::string&>();
  return text.substr(0, text.find('#'));
}

// The company responses answering a staff comment: the lifecycle's `responses` list, or on an
// index written before it, the single paired `response`.
json Responses(const json& item) {
  json list = Field(item, "responses");
  if (list.is_array()) return list;
  json paired = Field(item, "response");
  if (!paired.is_object()) return json::array();
  return json::array({{{"id", Field(paired, "id")}, {"accession", AccessionOfId(paired["id"])}}});
}

// Sum of the "comments" counts of a thread's letters on the staff (or the company) side.
bool IsStaffForm(const json& letter) {
  json form = Field(letter, "form");
  return form.is_string() && SideOfForm(form.get<std::string>()) == LetterSide::kStaff;
}

json ThreadCount(const json& thread, bool staff) {
  json letters = Field(thread, "letters");
  if (!letters.is_array()) return nullptr;
  long sum = 0;
  for (const json& l : letters)
    if (IsStaffForm(l) == staff)
      sum += Field(l, "comments").is_number_integer() ? Field(l, "comments").get<long>() : 0;
  return sum;
}

json ThreadLetters(const json& thread, bool staff, bool with_comments) {
  json letters = Field(thread, "letters");
  if (!letters.is_array()) return nullptr;
  long n = 0;
  for (const json& l : letters) {
    bool comments =
        Field(l, "comments").is_number_integer() && Field(l, "comments").get<long>() > 0;
    if (IsStaffForm(l) == staff && (!with_comments || comments)) ++n;
  }
  return n;
}

using S = ExportSource;

// Codebook sentences shared by several levels (one wording per fact).
constexpr std::string_view kCik = "company CIK, no leading zeros (EDGAR)";
constexpr std::string_view kCompany = "company name as EDGAR lists the filer";
constexpr std::string_view kSic = "SIC code of the company (EDGAR header); empty when unknown";
constexpr std::string_view kLetterDate =
    "date printed on the letter; the filing date when the extractor found none";
constexpr std::string_view kFilingDate =
    "EDGAR filing date of the letter (the letter date when the catalog has none)";
constexpr std::string_view kNumber =
    "item number as printed (a response: the comment it answers); empty when unnumbered; "
    "numbering right on 137/137 labelled letters (docs/extractor.md)";
constexpr std::string_view kHeadings =
    "captions above the item, outermost first; heading sequences right on 135/137 labelled "
    "letters (98.5%)";
constexpr std::string_view kTopics =
    "topic slugs (docs/topics.md) assigned by the rule tagger; precision 0.89, recall 0.68 on "
    "107 held-out hand-labelled comments (docs/topics.md)";
constexpr std::string_view kStandards =
    "accounting standards cited (keys such as sfas133, asc815; a pre-codification citation "
    "also gives its ASC key)";
constexpr std::string_view kReviewedForm =
    "form of the reviewed filing from the letter's Re: block (`reviewed.form`)";
constexpr std::string_view kReviewedPeriod =
    "period of the reviewed filing, YYYY-MM-DD (`reviewed.period`)";
constexpr std::string_view kReviewedAccession =
    "accession of the reviewed filing resolved through the company's submissions JSON "
    "(`reviewed.accession`); empty when unresolved";
constexpr std::string_view kOffice = "reviewing SEC office named in the letter (`office`)";
constexpr std::string_view kThread =
    "review thread id <CIK>-<first accession> (docs/index-schema.md, Review threads)";
constexpr std::string_view kUrl = "the letter on www.sec.gov";
constexpr std::string_view kText =
    "full item text, paragraphs separated by a blank line; item starts right on 406/406 "
    "labelled items";

// Columns a comment row and a response row read alike from the item.
constexpr ExportColumn kItemCik{"cik", "string", kCik,
                                [](const S& s) { return Field(s.item, "cik"); }};
constexpr ExportColumn kItemCompany{"company", "string", kCompany,
                                    [](const S& s) { return Field(s.item, "company"); }};
constexpr ExportColumn kItemSic{"sic", "string", kSic,
                                [](const S& s) { return Field(s.letter, "sic"); }};
constexpr ExportColumn kItemLetterDate{"letter_date", "date", kLetterDate,
                                       [](const S& s) { return Field(s.item, "letter_date"); }};
constexpr ExportColumn kItemFilingDate{"filing_date", "date", kFilingDate,
                                       [](const S& s) { return Field(s.item, "date"); }};
constexpr ExportColumn kItemNumber{"number", "integer", kNumber,
                                   [](const S& s) { return Field(s.item, "number"); }};
constexpr ExportColumn kItemHeadings{"headings", "list", kHeadings,
                                     [](const S& s) { return Field(s.item, "headings"); }};
constexpr ExportColumn kItemTopics{"topics", "list", kTopics,
                                   [](const S& s) { return Field(s.item, "topics"); }};
constexpr ExportColumn kItemStandards{"standards", "list", kStandards,
                                      [](const S& s) { return Field(s.item, "standards"); }};
constexpr ExportColumn kItemReviewedForm{"reviewed_form", "string", kReviewedForm, [](const S& s) {
                                           return Nested(s.item, "reviewed", "form");
                                         }};
constexpr ExportColumn kItemReviewedPeriod{
    "reviewed_period", "date", kReviewedPeriod,
    [](const S& s) { return Nested(s.item, "reviewed", "period"); }};
constexpr ExportColumn kItemReviewedAccession{
    "reviewed_accession", "string", kReviewedAccession,
    [](const S& s) { return Nested(s.item, "reviewed", "accession"); }};
constexpr ExportColumn kItemOffice{"office", "string", kOffice,
                                   [](const S& s) { return Field(s.item, "office"); }};
constexpr ExportColumn kItemThread{"thread", "string", kThread,
                                   [](const S& s) { return Field(s.item, "thread"); }};
constexpr ExportColumn kItemUrl{"url", "string", kUrl,
                                [](const S& s) { return Field(s.item, "url"); }};
constexpr ExportColumn kItemText{"text", "text", kText,
                                 [](const S& s) { return Field(s.item, "text"); }};

const std::array kCommentColumns = {
    ExportColumn{"id", "string", "item id ACCESSION#N (numbered) or ACCESSION#uK (K-th unnumbered)",
                 [](const S& s) { return Field(s.item, "id"); }},
    ExportColumn{"accession", "string", "accession of the staff letter (UPLOAD, SEC STAFF LETTER)",
                 [](const S& s) { return Field(s.item, "accession"); }},
    kItemCik,
    kItemCompany,
    kItemSic,
    kItemLetterDate,
    kItemFilingDate,
    kItemNumber,
    kItemHeadings,
    kItemTopics,
    kItemStandards,
    kItemReviewedForm,
    kItemReviewedPeriod,
    kItemReviewedAccession,
    kItemOffice,
    ExportColumn{"response_ids", "list",
                 "ids of the company responses answering it (`responses`; before the lifecycle "
                 "fields, the one paired `response`); pairs right on 120/120 labelled, 765/771 "
                 "restatements agree on the corpus",
                 [](const S& s) { return Each(Responses(s.item), "id"); }},
    ExportColumn{"response_accessions", "list", "accessions of those responses' letters",
                 [](const S& s) { return Each(Responses(s.item), "accession"); }},
    ExportColumn{"response_match", "list",
                 "how each response was paired: number or text (`responses[].match`)",
                 [](const S& s) { return Each(Responses(s.item), "match"); }},
    ExportColumn{"first_response_date", "date", "date of the first response letter",
                 [](const S& s) { return Field(s.item, "first_response_date"); }},
    ExportColumn{"status", "string",
                 "open, responded, reissued, resolved or unclear (`status`, docs/dataset.md "
                 "Lifecycle)",
                 [](const S& s) { return Field(s.item, "status"); }},
    ExportColumn{"status_reason", "string", "why that status, in words (`status_reason`)",
                 [](const S& s) { return Field(s.item, "status_reason"); }},
    ExportColumn{"rounds", "integer", "staff letters that carried the comment or its follow-ups",
                 [](const S& s) { return Field(s.item, "rounds"); }},
    ExportColumn{"follows_up", "list", "ids of the earlier comments it follows up (`follows_up`)",
                 [](const S& s) { return Field(s.item, "follows_up"); }},
    ExportColumn{"followed_up_by", "list", "ids of the later comments that follow it up",
                 [](const S& s) { return Field(s.item, "followed_up_by"); }},
    ExportColumn{"closed_date", "date", "date of the closing letter that resolved it",
                 [](const S& s) { return Field(s.item, "closed_date"); }},
    ExportColumn{"days_to_close", "integer", "days from the letter date to closed_date",
                 [](const S& s) { return Field(s.item, "days_to_close"); }},
    kItemThread,
    kItemUrl,
    kItemText,
};

const std::array kResponseColumns = {
    ExportColumn{"id", "string",
                 "item id ACCESSION#N (N: the comment it answers) or ACCESSION#uK (unnumbered)",
                 [](const S& s) { return Field(s.item, "id"); }},
    ExportColumn{"accession", "string", "accession of the company letter (CORRESP and kin)",
                 [](const S& s) { return Field(s.item, "accession"); }},
    kItemCik,
    kItemCompany,
    kItemSic,
    kItemLetterDate,
    kItemFilingDate,
    kItemNumber,
    kItemHeadings,
    kItemTopics,
    kItemStandards,
    ExportColumn{"comment_id", "string",
                 "id of the staff comment it answers (`comment`: by number in the latest earlier "
                 "staff letter of the thread); empty when unpaired",
                 [](const S& s) { return Nested(s.item, "comment", "id"); }},
    ExportColumn{"comment_accession", "string", "accession of that comment's staff letter",
                 [](const S& s) { return AccessionOfId(Nested(s.item, "comment", "id")); }},
    ExportColumn{"restated_comment", "text",
                 "the staff comment as the company restates it before answering; empty when "
                 "not restated",
                 [](const S& s) { return Field(s.item, "comment_text"); }},
    kItemReviewedForm,
    kItemReviewedPeriod,
    kItemReviewedAccession,
    kItemOffice,
    kItemThread,
    kItemUrl,
    kItemText,
};

const std::array kLetterColumns = {
    ExportColumn{"accession", "string", "accession of the letter",
                 [](const S& s) { return Field(s.letter, "accession"); }},
    ExportColumn{"cik", "string", kCik, [](const S& s) { return Field(s.letter, "cik"); }},
    ExportColumn{"company", "string", kCompany,
                 [](const S& s) { return Field(s.letter, "company"); }},
    ExportColumn{"sic", "string", kSic, [](const S& s) { return Field(s.letter, "sic"); }},
    ExportColumn{"state", "string", "state of incorporation (EDGAR header)",
                 [](const S& s) { return Field(s.letter, "state"); }},
    ExportColumn{"form", "string", "EDGAR form: UPLOAD (staff), CORRESP, DRSLTR, DOSLTR (company)",
                 [](const S& s) { return Field(s.letter, "form"); }},
    ExportColumn{"kind", "string",
                 "what the letter does: comment_letter, closing, no_review, response, "
                 "extension_request, acceleration_request, other; right on 137/137 labelled",
                 [](const S& s) { return Nested(s.letter, "letter", "kind"); }},
    ExportColumn{"letter_date", "date", "date printed on the letter; empty when none was found",
                 [](const S& s) { return Nested(s.letter, "letter", "letter_date"); }},
    ExportColumn{"filing_date", "date", "EDGAR filing date",
                 [](const S& s) { return Field(s.letter, "date_filed"); }},
    ExportColumn{"file_number", "string", "SEC file number of the filing (EDGAR header)",
                 [](const S& s) { return Field(s.letter, "file_number"); }},
    ExportColumn{"thread", "string", kThread, [](const S& s) { return Field(s.item, "thread"); }},
    ExportColumn{"comments", "integer", "staff comments found in the letter",
                 [](const S& s) { return Count(Nested(s.letter, "letter", "comments")); }},
    ExportColumn{"responses", "integer", "company responses found in the letter",
                 [](const S& s) { return Count(Nested(s.letter, "letter", "responses")); }},
    ExportColumn{"ref_forms", "list", "forms named in the Re: block, as printed",
                 [](const S& s) { return Each(Nested(s.letter, "letter", "references"), "form"); }},
    ExportColumn{
        "ref_periods", "list", "fiscal periods named in the Re: block, YYYY-MM-DD",
        [](const S& s) { return Each(Nested(s.letter, "letter", "references"), "period"); }},
    ExportColumn{"reviewed_form", "string", kReviewedForm,
                 [](const S& s) { return Nested(s.letter, "reviewed", "form"); }},
    ExportColumn{"reviewed_period", "date", kReviewedPeriod,
                 [](const S& s) { return Nested(s.letter, "reviewed", "period"); }},
    ExportColumn{"reviewed_accession", "string", kReviewedAccession,
                 [](const S& s) { return Nested(s.letter, "reviewed", "accession"); }},
    ExportColumn{"office", "string", kOffice, [](const S& s) { return Field(s.letter, "office"); }},
    ExportColumn{"staff_contacts", "list",
                 "staff named in \"You may contact ...\" (`staff_contacts`)",
                 [](const S& s) { return Field(s.letter, "staff_contacts"); }},
    ExportColumn{"extraction_issues", "integer",
                 "notes the extractor left on the letter (a lost number, ...); 0 when clean",
                 [](const S& s) { return Count(Nested(s.letter, "letter", "issues")); }},
    ExportColumn{"url", "string", kUrl, [](const S& s) { return Field(s.item, "url"); }},
};

const std::array kThreadColumns = {
    ExportColumn{"id", "string", kThread, [](const S& s) { return Field(s.thread, "thread"); }},
    ExportColumn{"cik", "string", kCik, [](const S& s) { return Field(s.thread, "cik"); }},
    ExportColumn{"company", "string", kCompany,
                 [](const S& s) { return Field(s.thread, "company"); }},
    ExportColumn{"status", "string",
                 "closed when the last staff letter is a closing or no-review letter, else open",
                 [](const S& s) { return Field(s.thread, "status"); }},
    ExportColumn{"start", "date", "date of the first letter",
                 [](const S& s) { return Field(s.thread, "start"); }},
    ExportColumn{"end", "date", "date of the last letter",
                 [](const S& s) { return Field(s.thread, "end"); }},
    ExportColumn{"days", "integer", "days from start to end",
                 [](const S& s) { return Field(s.thread, "days"); }},
    ExportColumn{"letters", "integer", "letters in the thread, staff and company",
                 [](const S& s) { return Count(Field(s.thread, "letters")); }},
    ExportColumn{"staff_letters", "integer",
                 "staff letters (UPLOAD, SEC STAFF LETTER), closings included",
                 [](const S& s) { return ThreadLetters(s.thread, true, false); }},
    ExportColumn{"comment_letters", "integer",
                 "staff letters carrying comments: the review's rounds",
                 [](const S& s) { return ThreadLetters(s.thread, true, true); }},
    ExportColumn{"company_letters", "integer", "company letters (CORRESP, DRSLTR, DOSLTR)",
                 [](const S& s) { return ThreadLetters(s.thread, false, false); }},
    ExportColumn{"staff_comments", "integer", "staff comments over all its staff letters",
                 [](const S& s) { return ThreadCount(s.thread, true); }},
    ExportColumn{"responses", "integer", "company responses over all its company letters",
                 [](const S& s) { return ThreadCount(s.thread, false); }},
    ExportColumn{"accessions", "list", "accessions of its letters in date order",
                 [](const S& s) { return Each(Field(s.thread, "letters"), "accession"); }},
    ExportColumn{"reviewed_forms", "list", "forms of the filings reviewed (`reviewed[].form`)",
                 [](const S& s) { return Each(Field(s.thread, "reviewed"), "form"); }},
    ExportColumn{"reviewed_accessions", "list",
                 "accessions of the reviewed filings resolved (`reviewed[].accession`)",
                 [](const S& s) { return Each(Field(s.thread, "reviewed"), "accession"); }},
};

}  // namespace

const char* ExportLevelName(ExportLevel level) {
  switch (level) {
    case ExportLevel::kComment:
      return "comment";
    case ExportLevel::kResponse:
      return "response";
    case ExportLevel::kLetter:
      return "letter";
    case ExportLevel::kThread:
      return "thread";
  }
  return "comment";
}

std::optional<ExportLevel> ParseExportLevel(std::string_view name) {
  for (ExportLevel level :
       {ExportLevel::kComment, ExportLevel::kResponse, ExportLevel::kLetter, ExportLevel::kThread})
    if (name == ExportLevelName(level)) return level;
  return std::nullopt;
}

std::span<const ExportColumn> ExportColumns(ExportLevel level) {
  switch (level) {
    case ExportLevel::kComment:
      return kCommentColumns;
    case ExportLevel::kResponse:
      return kResponseColumns;
    case ExportLevel::kLetter:
      return kLetterColumns;
    case ExportLevel::kThread:
      return kThreadColumns;
  }
  return kCommentColumns;
}

std::string CodebookTable(ExportLevel level) {
  std::string out = "| column | type | meaning |\n|---|---|---|\n";
  for (const ExportColumn& c : ExportColumns(level))
    out += "| `" + std::string(c.name) + "` | " + std::string(c.type) + " | " +
           std::string(c.meaning) + " |\n";
  return out;
}

}  // namespace corresp
