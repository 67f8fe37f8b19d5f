#include "crawler/crawler.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "crawler/index_file.h"
#include "store/catalog_transaction.h"

namespace corresp {

struct Crawler::FilingJob {
  IndexEntry entry;
  std::string folder;              // "Archives/edgar/data/CIK/NODASH"
  Status txt_problem;              // why the fallback runs
  std::vector<std::string> names;  // fallback: documents to fetch
  std::vector<std::optional<Result<FetchResponse>>> results;
  std::size_t pending = 0;
};

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Letter documents of a folder listing: PDFs and HTML pages that are not EDGAR's own index
// pages ("ACCESSION-index.html", "ACCESSION-index-headers.html").
bool IsLetterCandidate(const std::string& name, const Accession& accession) {
  std::string lower = Lower(name);
  bool document = lower.ends_with(".pdf") || lower.ends_with(".htm") || lower.ends_with(".html");
  return document && !lower.starts_with(accession.text) &&
         lower.find("-index") == std::string::npos;
}

std::vector<std::string> LetterCandidates(const std::string& listing, const Accession& accession) {
  std::vector<std::string> names;
  nlohmann::json json = nlohmann::json::parse(listing, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object() || !json.contains("directory")) return names;
  const nlohmann::json& dir = json["directory"];
  if (!dir.is_object() || !dir.contains("item") || !dir["item"].is_array()) return names;
  for (const nlohmann::json& item : dir["item"]) {
    if (!item.is_object() || !item.contains("name") || !item["name"].is_string()) continue;
    std::string name = item["name"].get<std::string>();
    if (IsLetterCandidate(name, accession) && name.find('/') == std::string::npos) {
      names.push_back(name);
    }
  }
  return names;
}

bool HasLetter(const std::vector<SubmissionDocument>& documents, const std::string& form) {
  return std::any_of(documents.begin(), documents.end(), [&](const SubmissionDocument& d) {
    return IsLetterType(d.type) || d.type == form;
  });
}

// A fetched document; the .htm files EDGAR serves may still wear their SGML wrapper.
SubmissionDocument FallbackDocument(std::string body, const std::string& name,
                                    const std::string& form, int sequence) {
  SubmissionDocument doc;
  doc.sequence = sequence;
  doc.type = form;
  doc.filename = name;
  doc.content_type = ContentTypeForFilename(name);
  if (body.starts_with("<DOCUMENT>")) {
    Result<std::vector<SubmissionDocument>> blocks = ParseDocumentBlocks(body);
    if (blocks.ok() && blocks->size() == 1) {
      SubmissionDocument& inner = (*blocks)[0];
      if (!inner.type.empty()) doc.type = inner.type;
      if (inner.sequence > 0) doc.sequence = inner.sequence;
      doc.description = inner.description;
      doc.body = std::move(inner.body);
      return doc;
    }
  }
  doc.body = std::move(body);
  return doc;
}

// A fetched filing's row and document rows, all or nothing.
Status SaveFetchedFiling(Catalog& catalog, const Filing& filing) {
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  CORRESP_RETURN_IF_ERROR(catalog.SaveFetched(filing));
  return txn.Commit();
}

// A failed fetch: the filing's state and its failure record, both or neither.
Status SaveFailedFiling(Catalog& catalog, const Accession& accession, const Status& why) {
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  CORRESP_RETURN_IF_ERROR(catalog.SaveFetchFailure(txn, accession, why, false));
  return txn.Commit();
}

}  // namespace

Crawler::Crawler(const Config& config, Catalog& catalog, DocumentStore& store,
                 ProgressSink* progress, const std::atomic<bool>* stop,
                 RateLimiter::Options limiter)
    : config_(config),
      catalog_(catalog),
      store_(store),
      progress_(progress),
      stop_(stop),
      fetcher_(std::make_unique<HttpFetcher>(io_, config.crawl, limiter)),
      stop_poll_(io_),
      started_(std::chrono::steady_clock::now()) {}

Crawler::~Crawler() { fetcher_.reset(); }

std::string Crawler::Url(const std::string& path) const {
  std::string base = config_.crawl.base_url;
  while (base.ends_with('/')) base.pop_back();
  return base + "/" + path;
}

const CrawlReport& Crawler::report() {
  const FetchStats& stats = fetcher_->stats();
  report_.requests = stats.requests;
  report_.retries = stats.retries;
  report_.blocks = stats.blocks;
  report_.bytes = stats.bytes;
  report_.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  report_.requests_per_second =
      report_.elapsed_seconds > 0 ? report_.requests / report_.elapsed_seconds : 0.0;
  return report_;
}

void Crawler::Report(const char* phase) {
  if (progress_ == nullptr) return;
  progress_->OnProgress(CrawlProgress{phase, phase_done_, phase_total_, &report()});
}

// ---- the loop ----------------------------------------------------------------------------

void Crawler::Get(const std::string& url, std::function<void(Result<FetchResponse>)> then) {
  ++outstanding_;
  fetcher_->Fetch(url, [this, then = std::move(then)](Result<FetchResponse> response) {
    --outstanding_;
    then(std::move(response));
    if (outstanding_ == 0) stop_poll_.cancel();
  });
}

void Crawler::CheckStop() {
  if (stop_ != nullptr && stop_->load() && !report_.interrupted) {
    report_.interrupted = true;
    stopping_ = true;
    fetcher_->CancelPending();
  }
}

void Crawler::ArmStopPoll() {
  stop_poll_.expires_after(std::chrono::milliseconds(100));
  stop_poll_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    CheckStop();
    if (outstanding_ > 0) ArmStopPoll();
  });
}

void Crawler::RunLoop() {
  if (outstanding_ == 0) return;
  ArmStopPoll();
  io_.restart();
  io_.run();
}

void Crawler::SetFatal(Status status) {
  if (fatal_.ok()) fatal_ = std::move(status);
  stopping_ = true;
  fetcher_->CancelPending();
}

Status Crawler::StepStatus() const {
  if (!fatal_.ok()) return fatal_;
  return fetcher_->fatal_status();
}

// ---- discovery ---------------------------------------------------------------------------

void Crawler::OnIndexFile(const IndexSource& source, const FilingFilter& filter,
                          Result<FetchResponse> response, std::vector<IndexEntry>* out) {
  ++phase_done_;
  ++report_.index_files;
  std::string url = Url(source.path);
  Status problem;
  if (!response.ok()) {
    StatusCode code = response.status().code();
    bool absent_ok = source.daily || source.reconcile;
    bool harmless = (code == StatusCode::kNotFound && absent_ok) ||
                    code == StatusCode::kCancelled || code == StatusCode::kBlocked;
    if (!harmless) problem = response.status();
  } else {
    ParsedIndex parsed = ParseIndexFile(response->body, source.index_day);
    report_.index_row_errors += static_cast<long>(parsed.errors.size());
    if (!parsed.layout) problem = ParseError(url + ": " + parsed.errors.at(0).reason);
    for (IndexEntry& entry : parsed.entries) {
      if (filter.Matches(entry.form, entry.cik)) out->push_back(std::move(entry));
    }
  }
  StatusCode outcome = !problem.ok()   ? problem.code()
                       : response.ok() ? StatusCode::kOk
                                       : response.status().code();
  index_outcomes_.push_back({source, outcome});
  if (!problem.ok()) {
    ++report_.failed;
    report_.failures.push_back({url, "discover", problem.ToString()});
    Status recorded = catalog_.RecordFailure(url, "discover", problem, false);
    if (!recorded.ok()) SetFatal(recorded);
  } else if (response.ok()) {
    catalog_.ClearFailure(url, "discover").IgnoreError();
  }
  Report("discover");
}

Result<std::vector<IndexEntry>> Crawler::Discover(const std::vector<IndexSource>& plan,
                                                  const FilingFilter& filter) {
  CheckStop();
  phase_done_ = 0;
  phase_total_ = static_cast<long>(plan.size());
  std::vector<std::vector<IndexEntry>> per_file(plan.size());
  for (std::size_t i = 0; i < plan.size() && !stopping_; ++i) {
    Get(Url(plan[i].path), [this, &plan, &filter, &per_file, i](Result<FetchResponse> r) {
      OnIndexFile(plan[i], filter, std::move(r), &per_file[i]);
    });
  }
  RunLoop();
  std::vector<IndexEntry> entries;
  std::set<std::string> seen;
  for (auto& file : per_file) {
    for (IndexEntry& entry : file) {
      if (seen.insert(entry.accession.text).second) entries.push_back(std::move(entry));
    }
  }
  if (!entries.empty()) {
    CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog_));
    for (const IndexEntry& entry : entries) CORRESP_RETURN_IF_ERROR(catalog_.AddDiscovered(entry));
    CORRESP_RETURN_IF_ERROR(txn.Commit());
  }
  report_.discovered += static_cast<long>(entries.size());
  CORRESP_RETURN_IF_ERROR(StepStatus());
  return entries;
}

IndexEntry EntryForFiling(const Filing& f) {
  IndexEntry entry;
  entry.form = f.form;
  entry.company = f.company;
  entry.cik = f.cik;
  entry.accession = f.accession;
  entry.date_filed = f.date_filed.value_or(Date{});
  entry.index_day = f.index_day.value_or(entry.date_filed);
  entry.path = "edgar/data/" + f.cik.ToString() + "/" + f.accession.text + ".txt";
  return entry;
}

Result<std::vector<IndexEntry>> Crawler::PendingFromCatalog(const FilingFilter& filter) const {
  std::vector<IndexEntry> out;
  for (FetchState state : {FetchState::kDiscovered, FetchState::kFailed}) {
    CORRESP_ASSIGN_OR_RETURN(std::vector<Filing> filings, catalog_.ListFilings(state));
    for (const Filing& f : filings)
      if (filter.Matches(f.form, f.cik)) out.push_back(EntryForFiling(f));
  }
  return out;
}

// ---- fetching ----------------------------------------------------------------------------

Status Crawler::FetchFilings(const std::vector<IndexEntry>& entries) {
  CheckStop();
  entries_ = &entries;
  next_entry_ = 0;
  in_flight_ = 0;
  phase_done_ = 0;
  phase_total_ = static_cast<long>(entries.size());
  StartNextFilings();
  RunLoop();
  entries_ = nullptr;
  return StepStatus();
}

void Crawler::StartNextFilings() {
  std::size_t window = static_cast<std::size_t>(std::max(2, config_.crawl.max_connections * 2));
  while (!stopping_ && fetcher_->fatal_status().ok() && in_flight_ < window &&
         next_entry_ < entries_->size()) {
    const IndexEntry& entry = (*entries_)[next_entry_++];
    Result<std::optional<Filing>> existing = catalog_.GetFiling(entry.accession);
    if (!existing.ok()) {
      SetFatal(existing.status());
      return;
    }
    if (*existing && ((*existing)->fetch_state == FetchState::kFetched ||
                      (*existing)->fetch_state == FetchState::kPermanent)) {
      ++report_.skipped;
      ++phase_done_;
      continue;
    }
    ++in_flight_;
    auto job = std::make_shared<FilingJob>();
    job->entry = entry;
    job->folder = FilingFolderPath(entry.cik, entry.accession);
    Get(Url(SubmissionTextPath(entry.cik, entry.accession)),
        [this, job](Result<FetchResponse> r) { OnSubmission(job, std::move(r)); });
  }
}

void Crawler::OnSubmission(std::shared_ptr<FilingJob> job, Result<FetchResponse> response) {
  if (!response.ok()) {
    if (response.status().code() == StatusCode::kNotFound) {
      StartFallback(job, response.status());
    } else {
      FailFiling(job, response.status());
    }
    return;
  }
  Result<Submission> submission = ParseSubmission(response->body);
  if (!submission.ok()) {
    StartFallback(job, submission.status().WithContext(response->url));
    return;
  }
  const IndexEntry& entry = job->entry;
  if (!HasLetter(submission->documents, entry.form)) {
    StartFallback(job, NotFound(response->url + ": no letter document in the submission"));
    return;
  }
  Filing filing = std::move(submission->filing);
  filing.accession = entry.accession;  // the row we discovered names the filing
  if (filing.cik.value == 0) filing.cik = entry.cik;
  if (filing.company.empty()) filing.company = entry.company;
  if (filing.form.empty()) filing.form = entry.form;
  if (!filing.date_filed) filing.date_filed = entry.date_filed;
  filing.index_day = entry.index_day;
  filing.source_url = response->url;
  SaveFiling(job, std::move(filing), std::move(submission->documents));
}

void Crawler::StartFallback(std::shared_ptr<FilingJob> job, const Status& why) {
  job->txt_problem = why;
  if (stopping_) {
    FinishFiling(job);
    return;
  }
  Get(Url(FilingIndexJsonPath(job->entry.cik, job->entry.accession)),
      [this, job](Result<FetchResponse> r) { OnFolderListing(job, std::move(r)); });
}

void Crawler::OnFolderListing(std::shared_ptr<FilingJob> job, Result<FetchResponse> response) {
  std::string after = "submission unusable (" + job->txt_problem.ToString() + ")";
  if (!response.ok()) {
    FailFiling(job, response.status().WithContext(after));
    return;
  }
  job->names = LetterCandidates(response->body, job->entry.accession);
  if (job->names.empty()) {
    FailFiling(job, NotFound(response->url + ": no letter document listed; " + after));
    return;
  }
  if (stopping_) {
    FinishFiling(job);
    return;
  }
  job->results.resize(job->names.size());
  job->pending = job->names.size();
  for (std::size_t i = 0; i < job->names.size(); ++i) {
    Get(Url(job->folder + "/" + job->names[i]),
        [this, job, i](Result<FetchResponse> r) { OnFallbackDocument(job, i, std::move(r)); });
  }
}

void Crawler::OnFallbackDocument(std::shared_ptr<FilingJob> job, std::size_t index,
                                 Result<FetchResponse> response) {
  job->results[index] = std::move(response);
  if (--job->pending > 0) return;
  std::vector<SubmissionDocument> documents;
  for (std::size_t i = 0; i < job->names.size(); ++i) {
    Result<FetchResponse>& r = *job->results[i];
    if (!r.ok()) {
      if (r.status().code() == StatusCode::kNotFound) continue;  // listed but gone
      FailFiling(job, r.status());
      return;
    }
    documents.push_back(FallbackDocument(std::move(r->body), job->names[i], job->entry.form,
                                         static_cast<int>(documents.size()) + 1));
  }
  if (documents.empty()) {
    FailFiling(job, NotFound(Url(job->folder) + ": no listed letter document could be fetched"));
    return;
  }
  const IndexEntry& entry = job->entry;
  Filing filing;
  filing.accession = entry.accession;
  filing.cik = entry.cik;
  filing.company = entry.company;
  filing.form = entry.form;
  filing.date_filed = entry.date_filed;
  filing.index_day = entry.index_day;
  filing.source_url = Url(job->folder + "/");
  SaveFiling(job, std::move(filing), std::move(documents));
}

void Crawler::SaveFiling(std::shared_ptr<FilingJob> job, Filing filing,
                         std::vector<SubmissionDocument> documents) {
  filing.documents.clear();
  for (const SubmissionDocument& d : documents) {
    Result<std::string> key = store_.Put(d.body);
    if (!key.ok()) {
      SetFatal(key.status());
      FinishFiling(job);
      return;
    }
    filing.documents.push_back(DocumentInfo{d.sequence, d.type, d.filename, d.description,
                                            d.content_type, *key, d.body.size()});
  }
  filing.fetch_state = FetchState::kFetched;
  Status saved = SaveFetchedFiling(catalog_, filing);
  if (!saved.ok()) {
    SetFatal(saved);
  } else {
    ++report_.fetched;
  }
  FinishFiling(job);
}

void Crawler::FailFiling(std::shared_ptr<FilingJob> job, const Status& why) {
  StatusCode code = why.code();
  // Interrupted or blocked: not the filing's fault; it stays "discovered" for the next run.
  if (code != StatusCode::kCancelled && code != StatusCode::kBlocked) {
    ++report_.failed;
    report_.failures.push_back({job->entry.accession.text, "fetch", why.ToString()});
    Status recorded = SaveFailedFiling(catalog_, job->entry.accession, why);
    if (!recorded.ok()) SetFatal(recorded);
  }
  FinishFiling(job);
}

void Crawler::FinishFiling(std::shared_ptr<FilingJob>) {
  --in_flight_;
  ++phase_done_;
  Report("fetch");
  StartNextFilings();
}

}  // namespace corresp
