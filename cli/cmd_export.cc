// `corresp export --level comment|response|letter|thread --format csv|jsonl [--query Q]
// [-o FILE]`: the index, or a search's matches, as a dataset (query/export.h; columns in
// docs/dataset.md). Streams to stdout, or to FILE through a temporary file renamed into place
// when the export is complete (core/atomic_file.h): an error leaves no half-written FILE.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/index_command.h"
#include "core/atomic_file.h"
#include "query/export.h"

namespace corresp {
namespace {

struct ExportFlags {
  std::string level = "comment", format = "csv", query, output;
  IndexLocation source;
};

Status StdoutSink(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout))
    return IoError("export: cannot write to standard output");
  return Status::Ok();
}

Status RunExport(IndexReader& reader, const ExportFlags& f) {
  ExportRequest request;
  request.level = *ParseExportLevel(f.level);
  request.format = *ParseExportFormat(f.format);
  request.search.query = f.query;
  std::unique_ptr<AtomicFile> file;
  if (!f.output.empty()) {
    CORRESP_ASSIGN_OR_RETURN(file, AtomicFile::Create(f.output));
  }
  ExportSink sink = file ? ExportSink([&](std::string_view b) { return file->Write(b); })
                         : ExportSink(StdoutSink);
  CORRESP_ASSIGN_OR_RETURN(ExportSummary summary, Export(reader, request, sink));
  if (file) CORRESP_RETURN_IF_ERROR(file->Commit());
  std::cerr << "exported " << summary.rows << " " << f.level << " rows"
            << (file ? " to " + f.output : std::string()) << "\n";
  return Status::Ok();
}

}  // namespace

void AddExportCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto f = std::make_shared<ExportFlags>();
  auto* cmd = app.add_subcommand(
      "export", "Export comments, responses, letters or threads as CSV or JSON lines");
  cmd->add_option("--level", f->level, "One row per comment, response, letter or thread")
      ->check(CLI::IsMember({"comment", "response", "letter", "thread"}))
      ->capture_default_str();
  cmd->add_option("--format", f->format, "csv (RFC 4180) or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--query", f->query,
                  "Export only what this search matches (the `search` query language)");
  cmd->add_option("-o,--output", f->output, "Write FILE (complete or not at all), not stdout");
  AddIndexLocationOptions(cmd, f->source);
  cmd->callback([&ctx, f, exit_code] {
    *exit_code =
        RunIndexLookup(ctx, f->source, [f](IndexReader& reader) { return RunExport(reader, *f); });
  });
}

}  // namespace corresp
