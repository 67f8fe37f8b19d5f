#include "cli/crawl_flags.h"

namespace corresp {

void AddCrawlFlags(CLI::App* cmd, CrawlFlags& f) {
  cmd->add_option("--base-url", f.base_url, "EDGAR base URL (default https://www.sec.gov)");
  cmd->add_option("--user-agent", f.user_agent,
                  "Declared User-Agent \"Company Name email@domain\" (required for sec.gov)");
  cmd->add_option("--rate", f.rate,
                  "Requests per second, all requests included (default 8, max 10 for sec.gov)");
  cmd->add_option("--max-connections", f.max_connections, "Concurrent connections (default 8)");
  cmd->add_option("--block-pause-seconds", f.block_pause_seconds,
                  "Pause after a rate block (default 600)");
  cmd->add_option("--forms", f.forms,
                  "Form types to collect (default UPLOAD,SEC STAFF LETTER,CORRESP,DRSLTR,DOSLTR)")
      ->delimiter(',');
}

void ApplyCrawlFlags(const CrawlFlags& f, Config& c) {
  if (f.base_url) c.crawl.base_url = *f.base_url;
  if (f.user_agent) c.crawl.user_agent = *f.user_agent;
  if (f.rate) c.crawl.requests_per_second = *f.rate;
  if (f.max_connections) c.crawl.max_connections = *f.max_connections;
  if (f.block_pause_seconds) c.crawl.block_pause_seconds = *f.block_pause_seconds;
  if (!f.forms.empty()) c.crawl.forms = f.forms;
}

}  // namespace corresp
