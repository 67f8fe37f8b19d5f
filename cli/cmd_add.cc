// `corresp add FILE... --cik N --form UPLOAD|CORRESP [--date D] [--company NAME] [--json]`:
// stores letters obtained outside EDGAR (pipeline/add_letters.h), then indexes them with the
// company's EDGAR letters (as `corresp index` does). Takes the writer lock.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/data_dir.h"
#include "cli/exit_codes.h"
#include "indexer/index/index_pipeline.h"
#include "pipeline/add_letters.h"

namespace corresp {
namespace {

struct AddFlags {
  std::vector<std::string> files;
  std::string cik, form, date, company;
  bool json = false;
};

Result<AddLettersRequest> MakeRequest(const AddFlags& flags) {
  AddLettersRequest r;
  for (const std::string& f : flags.files) r.files.emplace_back(f);
  std::optional<Cik> cik = Cik::Parse(flags.cik);
  if (!cik) return InvalidArgument("--cik: expected 1 to 10 digits, got \"" + flags.cik + "\"");
  r.cik = *cik;
  r.form = flags.form;
  if (!flags.date.empty()) {
    r.date = Date::Parse(flags.date);
    if (!r.date) return InvalidArgument("--date: expected YYYY-MM-DD, got \"" + flags.date + "\"");
  }
  r.company = flags.company;
  return r;
}

void Print(const AddLettersReport& added, const IndexReport& indexed, bool json) {
  if (json) {
    nlohmann::json letters = nlohmann::json::array(), failures = nlohmann::json::array();
    for (const AddedLetter& a : added.added)
      letters.push_back({{"file", a.file.string()},
                         {"accession", a.accession.text},
                         {"date", a.date.ToIso()},
                         {"company", a.company},
                         {"changed", a.changed}});
    for (const AddFailure& f : added.failures)
      failures.push_back({{"file", f.file.string()}, {"reason", f.reason}});
    std::cout << nlohmann::json{{"added", letters},
                                {"failures", failures},
                                {"indexed", indexed.indexed},
                                {"documents", indexed.documents}}
                     .dump()
              << "\n";
    return;
  }
  for (const AddedLetter& a : added.added)
    std::cout << a.accession.text << "  " << a.date.ToIso() << "  " << a.company << "  "
              << a.file.string() << (a.changed ? "" : "  (unchanged)") << "\n";
  std::cout << "added " << added.added.size() << " letters, " << added.failures.size()
            << " failed; indexed " << indexed.indexed << ", " << indexed.documents
            << " documents in the index\n";
}

int RunAdd(CliContext& ctx, const AddFlags& flags) {
  Result<AddLettersRequest> request = MakeRequest(flags);
  if (!request.ok()) return ctx.PrintError(request.status()), kExitUsage;
  Result<Config> config = ctx.LoadConfig();
  if (!config.ok()) return ctx.PrintError(config.status()), kExitUsage;
  Result<WriterSession> session = OpenForWriting(*config);
  if (!session.ok()) return ctx.PrintError(session.status()), ExitCodeFor(session.status());
  Result<AddLettersReport> added = AddOutsideLetters(*request, *session->catalog, *session->store);
  if (!added.ok()) return ctx.PrintError(added.status()), ExitCodeFor(added.status());
  for (const AddFailure& f : added->failures) ctx.PrintError(f.reason);
  Result<IndexReport> indexed = IndexPending(*config, *session->catalog, *session->store);
  if (!indexed.ok()) return ctx.PrintError(indexed.status()), ExitCodeFor(indexed.status());
  Print(*added, *indexed, flags.json);
  return added->failures.empty() && indexed->failed == 0 ? kExitOk : kExitPartial;
}

}  // namespace

void AddAddCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto flags = std::make_shared<AddFlags>();
  auto* cmd = app.add_subcommand(
      "add", "Store and index letters obtained outside EDGAR (FOIA copies, a firm's own files)");
  cmd->add_option("files", flags->files, "Letters: HTML, text or PDF")->required();
  cmd->add_option("--cik", flags->cik, "The company's CIK")->required();
  cmd->add_option("--form", flags->form, "UPLOAD (staff letter) or CORRESP (company letter)")
      ->required()
      ->check(CLI::IsMember({"UPLOAD", "CORRESP"}));
  cmd->add_option("--date", flags->date, "Letter date YYYY-MM-DD (default: found in the text)");
  cmd->add_option("--company", flags->company,
                  "Company name (default: from its EDGAR letters, else the letter)");
  cmd->add_flag("--json", flags->json, "Print the report as JSON");
  cmd->callback([&ctx, flags, exit_code] { *exit_code = RunAdd(ctx, *flags); });
}

}  // namespace corresp
