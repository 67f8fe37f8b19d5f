#include "query/export.h"

#include <algorithm>
#include <set>

#include "core/ids.h"
#include "core/index_schema.h"
#include "query/csv.h"
#include "query/query_builder.h"

namespace corresp {

namespace s = schema;
using nlohmann::json;

namespace {

// Output buffered up to flush_bytes, then handed to the sink.
class RowWriter {
 public:
  RowWriter(const ExportRequest& request, const ExportSink& sink)
      : request_(request), sink_(sink) {}

  Status Add(const ExportSource& source) {
    buffer_ += ExportRow(request_.level, request_.format, source);
    ++rows_;
    return buffer_.size() >= request_.flush_bytes ? Flush() : Status::Ok();
  }
  Status AddText(const std::string& text) {
    buffer_ += text;
    return Status::Ok();
  }
  Status Flush() {
    if (buffer_.empty()) return Status::Ok();
    sent_ = true;
    Status status = sink_(buffer_);
    buffer_.clear();
    return status;
  }
  long rows() const { return rows_; }
  bool sent() const { return sent_; }

 private:
  const ExportRequest& request_;
  const ExportSink& sink_;
  std::string buffer_;
  long rows_ = 0;
  bool sent_ = false;
};

// Thrown from inside the match to stop it when the sink fails; caught in ForEachMatch.
struct StopMatch {};

class CallbackSpy : public Xapian::MatchSpy {
 public:
  explicit CallbackSpy(const std::function<Status(const Xapian::Document&)>& fn) : fn_(fn) {}
  void operator()(const Xapian::Document& doc, double) override {
    status_ = fn_(doc);
    if (!status_.ok()) throw StopMatch{};
  }
  const Status& status() const { return status_; }

 private:
  const std::function<Status(const Xapian::Document&)>& fn_;
  Status status_ = Status::Ok();
};

// Calls `fn` with every document matching `query`, in document id order, without keeping the
// matches: a match spy over a local index, pages of `remote_page` over a remote one (0 = local).
// Stops at fn's first error.
Status ForEachMatch(const Xapian::Database& db, unsigned remote_page, const Xapian::Query& query,
                    const std::function<Status(const Xapian::Document&)>& fn) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  if (remote_page > 0) {
    for (Xapian::doccount first = 0;; first += remote_page) {
      Xapian::MSet page = enquire.get_mset(first, remote_page);
      for (auto it = page.begin(); it != page.end(); ++it)
        CORRESP_RETURN_IF_ERROR(fn(it.get_document()));
      if (page.size() < remote_page) return Status::Ok();
    }
  }
  CallbackSpy spy(fn);
  enquire.add_matchspy(&spy);
  try {
    enquire.get_mset(0, 0, db.get_doccount());
  } catch (const StopMatch&) {
    return spy.status();
  }
  return Status::Ok();
}

bool WholeIndex(const SearchRequest& r) {
  bool blank = std::all_of(r.query.begin(), r.query.end(),
                           [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  return blank && r.form.empty() && r.kind.empty() && r.company.empty() && r.cik.empty() &&
         r.topic.empty() && r.standard.empty() && !r.since && !r.until;
}

json Parse(const std::string& text) { return json::parse(text, nullptr, false); }

// A letter record without the texts of the letter's items and body, which letter rows only
// count: the record holds the whole letter.
json ParseLetterRecord(const std::string& text) {
  json::parser_callback_t skip = [](int depth, json::parse_event_t event, json& parsed) {
    if (event != json::parse_event_t::key || depth < 2) return true;
    return parsed != "text" && parsed != "body" && parsed != "comment_text" && parsed != "headings";
  };
  json record = json::parse(text, skip, false);
  return record.is_object() ? record : json(nullptr);
}

std::string LetterKey(const std::string& cik10, const std::string& accession) {
  return std::string(s::kMetaLetterPrefix) + cik10 + ":" + accession;
}

// The fields of the letter record an item row reads (`sic`), taken from the item's own
// boolean terms (every document carries its letter's XSIC term): parsing the whole record,
// which holds the whole letter, cost more than the rest of the row.
json LetterFieldsOf(const Xapian::Document& doc) {
  std::string prefix(s::kPrefixSic);
  Xapian::TermIterator term = doc.termlist_begin();
  term.skip_to(prefix);
  if (term == doc.termlist_end() || (*term).rfind(prefix, 0) != 0) return json::object();
  return {{"sic", (*term).substr(prefix.size())}};
}

Status ExportItems(const Xapian::Database& db, unsigned remote_page, const Xapian::Query& query,
                   std::string_view type, RowWriter& out) {
  Xapian::Query items(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(s::Term(s::kPrefixType, type)));
  const json none;
  return ForEachMatch(db, remote_page, items, [&](const Xapian::Document& doc) {
    json item = Parse(doc.get_data());
    if (!item.is_object()) return Status::Ok();  // not a document this schema wrote
    return out.Add(ExportSource{item, LetterFieldsOf(doc), none});
  });
}

// The ids a company's metadata list holds (cikletters:/cikthreads:).
std::vector<std::string> IdList(const Xapian::Database& db, const std::string& key) {
  std::vector<std::string> ids;
  json list = Parse(db.get_metadata(key));
  if (list.is_array())
    for (const json& id : list)
      if (id.is_string()) ids.push_back(id.get<std::string>());
  return ids;
}

// The letter or thread values (kSlotAccession / kSlotThread) of a company's matching documents.
Status MatchedOfCompany(const Xapian::Database& db, unsigned remote_page,
                        const Xapian::Query& query, const std::string& cik10, unsigned slot,
                        std::set<std::string>& out) {
  std::optional<Cik> cik = Cik::Parse(cik10);
  if (!cik) return Status::Ok();
  Xapian::Query company(Xapian::Query::OP_FILTER, query,
                        Xapian::Query(s::Term(s::kPrefixCik, cik->ToString())));
  return ForEachMatch(db, remote_page, company, [&](const Xapian::Document& doc) {
    out.insert(doc.get_value(slot));
    return Status::Ok();
  });
}

Status LetterRow(const Xapian::Database& db, const std::string& cik10, const std::string& accession,
                 RowWriter& out) {
  json record = ParseLetterRecord(db.get_metadata(LetterKey(cik10, accession)));
  if (!record.is_object()) return Status::Ok();  // letter no longer indexed
  std::string term = s::Term(s::kPrefixAccession, accession);
  auto post = db.postlist_begin(term);
  json item =
      post == db.postlist_end(term) ? json(nullptr) : Parse(db.get_document(*post).get_data());
  const json none;
  return out.Add(ExportSource{item, record, none});
}

Status ThreadRow(const Xapian::Database& db, const std::string& id, RowWriter& out) {
  json thread = Parse(db.get_metadata(std::string(s::kMetaThreadPrefix) + id));
  if (!thread.is_object()) return Status::Ok();  // "" once the thread no longer exists
  const json none;
  return out.Add(ExportSource{none, none, thread});
}

// Letters or threads, company by company (the cikletters:/cikthreads: keys in key order).
Status ExportByCompany(const Xapian::Database& db, unsigned remote_page, const Xapian::Query& query,
                       bool whole, ExportLevel level, RowWriter& out) {
  bool letters = level == ExportLevel::kLetter;
  std::string prefix(letters ? s::kMetaCikLetters : s::kMetaCikThreads);
  unsigned slot = letters ? s::kSlotAccession : s::kSlotThread;
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    std::string cik10 = (*key).substr(prefix.size());
    std::set<std::string> matched;
    if (!whole)
      CORRESP_RETURN_IF_ERROR(MatchedOfCompany(db, remote_page, query, cik10, slot, matched));
    for (const std::string& id : IdList(db, *key)) {
      if (!whole && !matched.count(id)) continue;
      CORRESP_RETURN_IF_ERROR(letters ? LetterRow(db, cik10, id, out) : ThreadRow(db, id, out));
    }
  }
  return Status::Ok();
}

// `remote_page`: matches per round trip from a remote index, 0 for a local one. Letter and
// thread records are metadata, kept by the shard holding the company: those levels go shard by
// shard (in the order given, so CIK-range shards given in order keep the one-index row order).
Status RunExport(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                 unsigned remote_page, const ExportRequest& r, RowWriter& out) {
  Xapian::Query query = BuildQuery(db, r.search).query;
  bool whole = WholeIndex(r.search);
  CORRESP_RETURN_IF_ERROR(out.AddText(ExportHeader(r.level, r.format)));
  switch (r.level) {
    case ExportLevel::kComment:
      CORRESP_RETURN_IF_ERROR(ExportItems(db, remote_page, query, s::kTypeComment, out));
      break;
    case ExportLevel::kResponse:
      CORRESP_RETURN_IF_ERROR(ExportItems(db, remote_page, query, s::kTypeResponse, out));
      break;
    case ExportLevel::kLetter:
    case ExportLevel::kThread:
      for (const Xapian::Database& shard : shards)
        CORRESP_RETURN_IF_ERROR(ExportByCompany(shard, remote_page, query, whole, r.level, out));
      break;
  }
  return out.Flush();
}

}  // namespace

const char* ExportFormatName(ExportFormat format) {
  return format == ExportFormat::kJsonl ? "jsonl" : "csv";
}

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  return std::nullopt;
}

std::string ExportHeader(ExportLevel level, ExportFormat format) {
  if (format != ExportFormat::kCsv) return "";
  std::string out;
  for (const ExportColumn& c : ExportColumns(level)) {
    if (!out.empty()) out += ',';
    AppendCsvField(out, c.name);
  }
  return out += kCsvLineEnd;
}

std::string ExportRow(ExportLevel level, ExportFormat format, const ExportSource& source) {
  std::string out;
  bool first = true;
  if (format == ExportFormat::kCsv) {
    for (const ExportColumn& c : ExportColumns(level)) {
      if (!first) out += ',';
      first = false;
      AppendCsvField(out, CsvText(c.get(source)));
    }
    return out += kCsvLineEnd;
  }
  out += '{';
  for (const ExportColumn& c : ExportColumns(level)) {
    if (!first) out += ',';
    first = false;
    out += json(std::string(c.name)).dump();
    out += ':';
    out += c.get(source).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return out += "}\n";
}

Result<ExportSummary> Export(IndexReader& reader, const ExportRequest& request,
                             const ExportSink& sink) {
  if (request.flush_bytes == 0) return InvalidArgument("export: flush_bytes must be positive");
  ExportSummary summary;
  int attempts = 0;
  bool sent = false;
  CORRESP_RETURN_IF_ERROR(reader.Run([&](const Xapian::Database& db) {
    if (attempts++ > 0 && sent)
      return Unavailable("export: the index changed under the export; run it again");
    RowWriter out(request, sink);
    Status status = Status::Ok();
    try {
      status = RunExport(db, reader.shards(),
                         reader.remote() ? std::max(1u, request.remote_page) : 0, request, out);
    } catch (const Xapian::QueryParserError& e) {
      status = InvalidArgument("query: " + e.get_msg());
    } catch (const std::exception& e) {
      status = Internal(std::string("export: ") + e.what());
    } catch (...) {
      sent = out.sent();
      throw;  // Run() converts Xapian errors (and retries a modified database)
    }
    sent = out.sent();
    summary.rows = out.rows();
    return status;
  }));
  return summary;
}

}  // namespace corresp
