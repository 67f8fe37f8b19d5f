#include "crawler/crawl.h"

#include <set>

#include "crawler/crawl_plan.h"
#include "crawler/crawler.h"

namespace corresp {

Result<CrawlReport> RunCrawl(const CrawlRequest& request, const Config& config, Catalog& catalog,
                             DocumentStore& store, ProgressSink* progress) {
  Date today = request.today.value_or(Date::Today());
  Date until = request.until.value_or(today);
  if (request.since > until) {
    return InvalidArgument("--since " + request.since.ToIso() + " is after --until " +
                           until.ToIso());
  }
  FilingFilter filter{request.forms.empty() ? config.crawl.forms : request.forms, request.ciks};
  Crawler crawler(config, catalog, store, progress, request.stop);
  CORRESP_ASSIGN_OR_RETURN(std::vector<IndexEntry> entries,
                           crawler.Discover(PlanIndexFiles(request.since, until, today), filter));
  if (!crawler.stopped()) {
    // Filings an earlier run discovered or failed on are retried too.
    CORRESP_ASSIGN_OR_RETURN(std::vector<IndexEntry> pending, crawler.PendingFromCatalog(filter));
    std::set<std::string> seen;
    for (const IndexEntry& e : entries) seen.insert(e.accession.text);
    for (IndexEntry& e : pending) {
      if (seen.insert(e.accession.text).second) entries.push_back(std::move(e));
    }
  }
  CORRESP_RETURN_IF_ERROR(crawler.FetchFilings(entries));
  CORRESP_RETURN_IF_ERROR(crawler.FetchCompanySubmissions());
  return crawler.report();
}

}  // namespace corresp
