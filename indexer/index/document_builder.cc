#include "indexer/index/document_builder.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/ascii_words.h"
#include "core/company_name.h"
#include "core/index_schema.h"
#include "indexer/index/comment_lifecycle.h"
#include "indexer/index/reviewed.h"
#include "indexer/index/standards.h"
#include "indexer/index/topic_terms.h"
#include "store/sha256.h"

namespace corresp {

namespace s = schema;
using nlohmann::json;

namespace {

// Cut at a word boundary near `max` characters.
std::string Excerpt(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = text.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) cut = max;
  return text.substr(0, cut) + " ...";
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// One item (comment, response or letter) before it becomes a document.
struct Item {
  std::string id;
  std::string_view type;
  std::optional<int> number;
  std::vector<std::string> headings;
  std::string text;        // what the item says
  std::string extra_text;  // the restated comment of a response (indexed, not displayed)
  std::optional<std::string> page_ref;
  json paired;  // {"id","text"} of the paired comment/response, or null
  int order = 0;
  const CommentLifecycle* life = nullptr;  // staff comments of a thread
};

// Status term, rounds value and status facet of a staff comment; its lifecycle fields in the
// document data.
void AddLifecycle(Xapian::Document& doc, const CommentLifecycle& life, std::string& facets,
                  json& data) {
  std::string status = CommentStatusName(life.status);
  doc.add_boolean_term(s::Term(s::kPrefixStatus, status));
  doc.add_value(s::kSlotRounds, Xapian::sortable_serialise(life.rounds));
  facets += std::string("\t") + s::kFacetStatus + "=" + status;
  data.update(LifecycleFields(life));
}

// Each word of `name` and the whole name (core/company_name.h), under `prefix`: the company
// (as `company:` looks them up) and the reviewing office (`office:`).
void AddNameTerms(Xapian::Document& doc, std::string_view prefix, const std::string& name) {
  for (const std::string& w : CompanyNameWords(name)) doc.add_boolean_term(s::Term(prefix, w));
  std::string key = CompanyNameKey(name);
  if (!key.empty()) doc.add_boolean_term(s::Term(prefix, key));
}

void AddReviewedTerms(Xapian::Document& doc, const LetterRecord& r) {
  for (const ReviewedFiling& f : r.reviewed) {
    if (!f.form.empty()) {
      std::string form = Lowercase(f.form);
      doc.add_boolean_term(s::Term(s::kPrefixReviewed, form));
      if (form.ends_with("/a"))
        doc.add_boolean_term(s::Term(s::kPrefixReviewed, form.substr(0, form.size() - 2)));
      else if (f.amendment)
        doc.add_boolean_term(s::Term(s::kPrefixReviewed, form + "/a"));
    }
    if (f.accession) doc.add_boolean_term(s::Term(s::kPrefixReviewed, f.accession->text));
  }
  if (r.letter.office) AddNameTerms(doc, s::kPrefixOffice, *r.letter.office);
}

void AddLetterTerms(Xapian::Document& doc, const LetterRecord& r, const std::string& thread) {
  doc.add_boolean_term(s::Term(s::kPrefixAccession, r.accession.text));
  doc.add_boolean_term(s::Term(s::kPrefixForm, Lowercase(r.form)));
  doc.add_boolean_term(s::Term(s::kPrefixKind, LetterKindName(r.letter.kind)));
  doc.add_boolean_term(s::Term(s::kPrefixCik, r.cik.ToString()));
  doc.add_boolean_term(s::Term(s::kPrefixSource, r.Source()));
  AddNameTerms(doc, s::kPrefixCompany, r.company);
  AddReviewedTerms(doc, r);
  if (!r.sic.empty()) doc.add_boolean_term(s::Term(s::kPrefixSic, r.sic));
  if (!r.state.empty()) doc.add_boolean_term(s::Term(s::kPrefixState, Lowercase(r.state)));
  for (const Reference& ref : r.letter.references) {
    if (!ref.form.empty()) doc.add_boolean_term(s::Term(s::kPrefixRefForm, Lowercase(ref.form)));
    if (ref.period)
      doc.add_boolean_term(s::Term(s::kPrefixFiscalYear, std::to_string(ref.period->year)));
  }
  doc.add_boolean_term(s::Term(s::kPrefixYear, std::to_string(r.SortDate().year)));
  if (!thread.empty()) doc.add_boolean_term(s::Term(s::kPrefixThread, thread));
  doc.add_value(s::kSlotDate, r.SortDate().ToCompact());
  doc.add_value(s::kSlotLetterDate, r.LetterDate().ToCompact());
  doc.add_value(s::kSlotThread, thread.empty() ? r.accession.text : thread);
  doc.add_value(s::kSlotAccession, r.accession.text);
}

std::string_view TypeOf(const LetterRecord& r, bool comment) {
  (void)r;
  return comment ? s::kTypeComment : s::kTypeResponse;
}

BuiltDocument MakeDocument(const LetterRecord& r, const Item& item, const std::string& thread,
                           Xapian::TermGenerator& tg) {
  BuiltDocument out{item.id, s::Term(s::kPrefixId, item.id), Xapian::Document()};
  Xapian::Document& doc = out.document;
  tg.set_document(doc);
  std::string headings = Join(item.headings, " / ");
  tg.index_text(headings, 2);
  tg.increase_termpos(10);
  tg.index_text(item.text);
  tg.increase_termpos(10);
  tg.index_text_without_positions(item.extra_text);  // restated comment: words only
  std::string all_text = headings + "\n" + item.text + "\n" + item.extra_text;
  for (const std::string& t : AbbreviationTerms(all_text)) doc.add_term(t);
  doc.add_boolean_term(out.unique_term);
  doc.add_boolean_term(s::Term(s::kPrefixType, item.type));
  AddLetterTerms(doc, r, thread);
  if (item.number) {
    doc.add_boolean_term(s::Term(s::kPrefixNumber, std::to_string(*item.number)));
    doc.add_value(s::kSlotNumber, Xapian::sortable_serialise(*item.number));
  }
  doc.add_value(s::kSlotOrder, Xapian::sortable_serialise(item.order));

  std::vector<StandardHit> standards = FindStandards(all_text);
  TopicFields topics = AddItemTopics(doc, {item.headings, item.text, item.extra_text});
  std::string facets = std::string(1, s::kFacetForm) + "=" + Lowercase(r.form) + "\t" +
                       s::kFacetYear + "=" + std::to_string(r.SortDate().year) + "\t" +
                       s::kFacetCompany + "=" + r.company + topics.facets;
  if (r.letter.office) facets += std::string("\t") + s::kFacetOffice + "=" + *r.letter.office;
  json standard_list = json::array();
  for (const StandardHit& h : standards) {
    doc.add_term(s::Term(s::kPrefixStandard, h.key), h.direct ? 2 * h.count : 1);
    facets += std::string("\t") + s::kFacetStandard + "=" + h.key;
    standard_list.push_back(h.key);
  }
  json data = {{"id", item.id},
               {"type", item.type},
               {"accession", r.accession.text},
               {"form", r.form},
               {"kind", LetterKindName(r.letter.kind)},
               {"cik", r.cik.ToString()},
               {"company", r.company},
               {"date", r.SortDate().ToIso()},
               {"letter_date", r.LetterDate().ToIso()},
               {"number", item.number ? json(*item.number) : json(nullptr)},
               {"headings", item.headings},
               {"page_ref", item.page_ref ? json(*item.page_ref) : json(nullptr)},
               {"text", item.text},
               {"comment_text", item.extra_text},
               {"url", r.Url()},
               {"source", r.Source()},
               {"thread", thread},
               {"topics", topics.slugs},
               {"topics_evidence", topics.evidence},
               {"standards", standard_list},
               {"order", item.order},
               {"reviewed", PrimaryReviewedJson(r)},
               {"office", r.letter.office ? json(*r.letter.office) : json(nullptr)},
               {"staff_contacts", r.letter.staff_contacts}};
  data[item.type == s::kTypeResponse ? "comment" : "response"] = item.paired;
  if (item.life) AddLifecycle(doc, *item.life, facets, data);
  doc.add_value(s::kSlotFacets, facets);
  doc.set_data(data.dump());
  return out;
}

json Paired(const std::map<std::string, std::string>& links, const std::string& id,
            const ItemTexts& texts) {
  auto it = links.find(id);
  if (it == links.end()) return nullptr;
  auto text = texts.find(it->second);
  return {{"id", it->second},
          {"text", text == texts.end() ? "" : Excerpt(text->second, kPairedExcerptChars)}};
}

}  // namespace

std::vector<std::string> AbbreviationTerms(const std::string& text) {
  std::string lower = Lowercase(text);
  std::vector<std::string> out;
  if (lower.find("held for sale") != std::string::npos ||
      lower.find("held-for-sale") != std::string::npos)
    out.push_back("hfs");
  if (lower.find("md&a") != std::string::npos ||
      lower.find("discussion and analysis") != std::string::npos)
    out.push_back("mda");
  return out;
}

ItemTexts CollectItemTexts(const std::vector<const LetterRecord*>& letters) {
  ItemTexts texts;
  for (const LetterRecord* r : letters) {
    ItemIds ids = MakeItemIds(*r);
    for (size_t i = 0; i < ids.comments.size(); ++i)
      texts[ids.comments[i]] = r->letter.comments[i].text;
    for (size_t i = 0; i < ids.responses.size(); ++i)
      texts[ids.responses[i]] = r->letter.responses[i].text;
  }
  return texts;
}

namespace {

// The items of one letter, with everything a document takes from the company's links.
struct LetterItems {
  std::string thread;
  std::vector<Item> items;
};

LetterItems CollectItems(const LetterRecord& r, const ThreadLinks& links, const ItemTexts& texts) {
  LetterItems out;
  auto thread_it = links.thread_of.find(r.accession.text);
  if (thread_it != links.thread_of.end()) out.thread = thread_it->second;
  ItemIds ids = MakeItemIds(r);
  int order = 0;
  for (size_t i = 0; i < ids.comments.size(); ++i) {
    const Comment& c = r.letter.comments[i];
    Item item{ids.comments[i], TypeOf(r, true),
              c.number,        c.headings,
              c.text,          "",
              c.page_ref,      Paired(links.first_response, ids.comments[i], texts),
              order++};
    auto life = links.lifecycle.find(ids.comments[i]);
    if (life != links.lifecycle.end()) item.life = &life->second;
    out.items.push_back(std::move(item));
  }
  for (size_t i = 0; i < ids.responses.size(); ++i) {
    const Response& resp = r.letter.responses[i];
    Item item{ids.responses[i], TypeOf(r, false),
              resp.number,      resp.headings,
              resp.text,        resp.comment_text,
              std::nullopt,     Paired(links.response_to, ids.responses[i], texts),
              order++};
    out.items.push_back(std::move(item));
  }
  if (out.items.empty()) {
    std::string text = r.letter.addressee.empty() ? r.company : r.letter.addressee;
    text = std::string(LetterKindName(r.letter.kind)) + " letter to or from " + text;
    if (!r.letter.body.empty()) text += "\n\n" + r.letter.body;
    out.items.push_back(Item{
        r.accession.text, s::kTypeLetter, std::nullopt, {}, text, "", std::nullopt, nullptr, 0});
  }
  return out;
}

}  // namespace

std::string LetterDocumentsFingerprint(std::string_view record_json, const LetterRecord& r,
                                       const ThreadLinks& links, const ItemTexts& texts) {
  LetterItems letter = CollectItems(r, links, texts);
  // The record gives every item's own fields; what the links add is listed per item.
  json linked = json::array();
  for (const Item& item : letter.items)
    linked.push_back({item.id, item.paired, item.life ? LifecycleEntry(*item.life) : json()});
  std::string inputs = std::to_string(kDocumentFormatVersion) + "\n" +
                       std::to_string(s::kSchemaVersion) + "\n" + letter.thread + "\n" +
                       linked.dump() + "\n";
  inputs.append(record_json);
  return Sha256Hex(inputs);
}

void ConfigureTermGenerator(Xapian::TermGenerator& tg) {
  // Words only, unstemmed and positional (schema 2): a Z stem per distinct word doubled the
  // postings, the writer's main cost; queries expand a stem to the words that share it
  // (query/stem_expansion.h, docs/index-schema.md "Words and stems").
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
}

std::vector<BuiltDocument> BuildLetterDocuments(const LetterRecord& r, const ThreadLinks& links,
                                                const ItemTexts& texts, Xapian::TermGenerator& tg) {
  LetterItems letter = CollectItems(r, links, texts);
  std::vector<BuiltDocument> docs;
  for (const Item& item : letter.items) docs.push_back(MakeDocument(r, item, letter.thread, tg));
  // The generator holds a reference to the last document; drop it so the documents can be
  // handed to another thread (Xapian's reference counts are not atomic).
  tg.set_document(Xapian::Document());
  return docs;
}

}  // namespace corresp
