// `corresp search QUERY [options] [--json]`: precedent search over the index (query/search.h),
// locally, against xapian-tcpsrv with --remote HOST:PORT, or over shards (--remote repeated, or
// --index STUBFILE; docs/scaling.md).
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/index_command.h"
#include "query/present.h"
#include "query/request_grammar.h"
#include "query/search.h"

namespace corresp {
namespace {

struct SearchFlags {
  std::vector<std::string> words;
  std::string since, until, sort = "relevance", collapse;
  IndexLocation source;
  bool json = false;
  std::optional<long> exact_facets_up_to;  // the flag; else the config's search section
  SearchRequest request;
};

// An empty flag is no bound; otherwise the shared grammar of query/request_grammar.h.
Result<std::optional<Date>> ParseBound(const std::string& text, BoundSide side, const char* flag) {
  if (text.empty()) return std::optional<Date>();
  std::optional<Date> d = ParseDateBound(text, side);
  if (!d)
    return InvalidArgument(std::string(flag) + ": expected " + DateBoundSyntax() + ", got \"" +
                           text + "\"");
  return d;
}

Status Finish(SearchFlags& f) {
  for (const std::string& w : f.words) f.request.query += (f.request.query.empty() ? "" : " ") + w;
  CORRESP_ASSIGN_OR_RETURN(f.request.since, ParseBound(f.since, BoundSide::kLower, "--since"));
  CORRESP_ASSIGN_OR_RETURN(f.request.until, ParseBound(f.until, BoundSide::kUpper, "--until"));
  if (f.request.since && f.request.until && *f.request.since > *f.request.until)
    return InvalidArgument("--since is after --until");
  std::optional<SortOrder> sort = ParseSortOrder(f.sort);
  if (!sort)
    return InvalidArgument("--sort: expected " + std::string(SortOrderSyntax()) + ", got \"" +
                           f.sort + "\"");
  f.request.sort = *sort;
  if (f.collapse == "letter") f.request.collapse = Collapse::kLetter;
  if (f.collapse == "thread") f.request.collapse = Collapse::kThread;
  return Status::Ok();
}

int RunSearch(CliContext& ctx, SearchFlags& flags) {
  Status finished = Finish(flags);
  if (!finished.ok()) return ctx.PrintError(finished), kExitUsage;
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  flags.request.exact_facets_up_to =
      flags.exact_facets_up_to.value_or(config->search.exact_facets_up_to);
  auto reader = OpenIndexLocation(*config, flags.source);
  if (!reader.ok()) return ctx.PrintError(reader.status()), ExitCodeFor(reader.status());
  Result<SearchResponse> response = Search(**reader, flags.request);
  if (!response.ok()) return ctx.PrintError(response.status()), ExitCodeFor(response.status());
  if (flags.json)
    std::cout << SearchResponseToJson(*response).dump() << "\n";
  else
    PrintSearchText(std::cout, *response, isatty(STDOUT_FILENO) != 0);
  return kExitOk;
}

}  // namespace

void AddSearchCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto f = std::make_shared<SearchFlags>();
  auto* cmd = app.add_subcommand("search", "Search staff comments and company responses");
  cmd->add_option("query", f->words,
                  "Query: words, \"phrases\", AND/OR/NOT, NEAR/n, field:value, 2005..2010");
  cmd->add_option("--form", f->request.form, "UPLOAD, CORRESP, DRSLTR or DOSLTR");
  cmd->add_option("--kind", f->request.kind,
                  "comment, response, letter, or a letter kind (closing, ...)");
  cmd->add_option("--company", f->request.company, "Words of the company name");
  cmd->add_option("--cik", f->request.cik, "Company CIK");
  cmd->add_option("--topic", f->request.topic, "Topic slug (docs/topics.md)");
  cmd->add_option("--office", f->request.office,
                  "Reviewing office (\"Office of Manufacturing\"; or office:WORD in the query)");
  cmd->add_option("--standard", f->request.standard, "Accounting standard (\"SFAS 133\", asc815)");
  cmd->add_option("--status", f->request.status,
                  "Staff comment status: open, responded, reissued, resolved, unclear");
  cmd->add_option("--since", f->since,
                  std::string("Filed on or after (") + DateBoundSyntax() + ")");
  cmd->add_option("--until", f->until,
                  std::string("Filed on or before (") + DateBoundSyntax() + ")");
  cmd->add_option("--limit", f->request.limit, "Hits per page")->capture_default_str();
  cmd->add_option("--offset", f->request.offset, "First hit to show")->capture_default_str();
  cmd->add_option("--sort", f->sort, SortOrderSyntax());
  cmd->add_option("--collapse", f->collapse, "One hit per letter or thread")
      ->check(CLI::IsMember({"letter", "thread"}));
  cmd->add_flag("--facets", f->request.facets,
                "Count hits by form, year, company, topic, standard, status, office");
  cmd->add_option("--exact-facets-up-to", f->exact_facets_up_to,
                  "Count facets exactly up to this many matches, over a sample above (counts "
                  "then marked ~); 0 = always exact (default: search.exact_facets_up_to, 10000)")
      ->check(CLI::NonNegativeNumber);
  AddIndexLocationOptions(cmd, f->source);
  cmd->add_flag("--json", f->json, "Print one JSON object");
  cmd->callback([&ctx, f, exit_code] { *exit_code = RunSearch(ctx, *f); });
}

}  // namespace corresp
