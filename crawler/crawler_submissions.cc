// Crawler::FetchCompanySubmissions: each stale company's submissions JSON and its pages.
#include "crawler/crawler.h"
#include "crawler/submissions_json.h"
#include "store/catalog_transaction.h"

namespace corresp {

struct Crawler::CompanyJob {
  Cik cik;
  std::string base;                    // SubmissionsBaseUrl
  std::vector<std::string> paths;      // [0] the first file, then its pages
  std::vector<CompanyFiling> filings;  // gathered so far
  std::size_t pending = 0;             // pages not answered yet
  std::optional<Date> oldest_letter;   // pages older than its window are not fetched
  Status failed;                       // the first file's failure: nothing to save
  std::vector<std::pair<std::string, Status>> page_failures;  // url, why
};

namespace {

// A 404 or an unparsable file will answer the same until EDGAR changes it.
bool Permanent(const Status& why) {
  return why.code() == StatusCode::kNotFound || why.code() == StatusCode::kParse;
}

}  // namespace

Status Crawler::FetchCompanySubmissions() {
  CheckStop();
  CORRESP_ASSIGN_OR_RETURN(std::vector<CompanySubmissionsState> states,
                           catalog_.ListCompanySubmissions());
  companies_.clear();
  oldest_letters_.clear();
  for (const CompanySubmissionsState& s : states)
    if (NeedsSubmissionsFetch(s.checked_at, s.newest_letter)) {
      companies_.push_back(s.cik);
      oldest_letters_.push_back(s.oldest_letter);
    }
  next_company_ = 0;
  in_flight_ = 0;
  phase_done_ = 0;
  phase_total_ = static_cast<long>(companies_.size());
  StartNextCompanies();
  RunLoop();
  return StepStatus();
}

void Crawler::StartNextCompanies() {
  std::size_t window = static_cast<std::size_t>(std::max(1, config_.crawl.max_connections));
  while (!stopping_ && fetcher_->fatal_status().ok() && in_flight_ < window &&
         next_company_ < companies_.size()) {
    ++in_flight_;
    auto job = std::make_shared<CompanyJob>();
    job->cik = companies_[next_company_];
    job->oldest_letter = oldest_letters_[next_company_++];
    job->base = SubmissionsBaseUrl(config_.crawl.base_url);
    job->paths.push_back(SubmissionsPath(job->cik));
    job->pending = 1;
    Get(job->base + "/" + job->paths[0],
        [this, job](Result<FetchResponse> r) { OnCompanyFile(job, 0, std::move(r)); });
  }
}

void Crawler::OnCompanyFile(std::shared_ptr<CompanyJob> job, std::size_t index,
                            Result<FetchResponse> response) {
  std::string url = job->base + "/" + job->paths[index];
  Result<SubmissionsPage> page =
      response.ok() ? ParseSubmissionsJson(response->body, index == 0) : response.status();
  if (!page.ok()) {
    Status why = response.ok() ? page.status().WithContext(url) : page.status();
    if (index == 0)
      job->failed = why;
    else
      job->page_failures.emplace_back(url, why);
  } else {
    job->filings.insert(job->filings.end(), page->filings.begin(), page->filings.end());
    for (const SubmissionsPageRef& ref : page->more_pages) {
      if (stopping_ || !PageNeeded(ref, job->oldest_letter)) continue;
      job->paths.push_back(SubmissionsPagePath(ref.name));
      std::size_t i = job->paths.size() - 1;
      ++job->pending;
      Get(job->base + "/" + job->paths[i],
          [this, job, i](Result<FetchResponse> r) { OnCompanyFile(job, i, std::move(r)); });
    }
  }
  if (--job->pending == 0) FinishCompany(job);
}

// Records one failed file: in the report and the failure record (subject the URL).
void Crawler::RecordSubmissionsFailure(const std::string& url, const Status& why) {
  report_.failures.push_back({url, "submissions", why.ToString()});
  Status recorded = catalog_.RecordFailure(url, "submissions", why, Permanent(why));
  if (!recorded.ok()) SetFatal(recorded);
}

void Crawler::FinishCompany(std::shared_ptr<CompanyJob> job) {
  --in_flight_;
  ++phase_done_;
  std::string first_url = job->base + "/" + job->paths[0];
  StatusCode code = job->failed.code();
  bool interrupted = code == StatusCode::kCancelled || code == StatusCode::kBlocked || stopping_;
  if (!job->failed.ok() && !interrupted) {
    ++report_.submissions_failed;
    RecordSubmissionsFailure(first_url, job->failed);
    Status saved =
        catalog_.SaveCompanyFilingsFailure(job->cik, job->failed, Permanent(job->failed));
    if (!saved.ok()) SetFatal(saved);
  } else if (job->failed.ok() && !interrupted) {
    // A missing or bad page loses its filings alone: the rest are saved, the page recorded.
    Status saved = [&]() -> Status {
      CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog_));
      CORRESP_RETURN_IF_ERROR(
          catalog_.SaveCompanyFilings(job->cik, job->filings, static_cast<int>(job->paths.size())));
      return txn.Commit();
    }();
    if (!saved.ok()) {
      SetFatal(saved);
    } else {
      ++report_.submissions;
      catalog_.ClearFailure(first_url, "submissions").IgnoreError();
    }
    for (const auto& [url, why] : job->page_failures) {
      if (why.code() == StatusCode::kCancelled || why.code() == StatusCode::kBlocked) continue;
      RecordSubmissionsFailure(url, why);
    }
    if (!job->page_failures.empty()) {
      Status noted = catalog_.SaveCompanyFilingsFailure(job->cik, job->page_failures[0].second,
                                                        /*permanent=*/true);
      if (!noted.ok()) SetFatal(noted);
    }
  }
  Report("submissions");
  StartNextCompanies();
}

}  // namespace corresp
