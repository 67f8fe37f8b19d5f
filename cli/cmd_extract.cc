// `corresp extract FILE... [--json]`: segments letters from files and prints an outline or
// JSON (one object per file; an array when several files).
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "indexer/extract/extract.h"

namespace corresp {
namespace {

std::string Preview(const std::string& text, size_t max) {
  std::string one = text;
  for (char& c : one)
    if (c == '\n') c = ' ';
  if (one.size() <= max) return one;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(one[n]) & 0xC0) == 0x80) --n;
  return one.substr(0, n) + "...";
}

void PrintOutline(const Letter& l, std::ostream& out) {
  out << l.file << "\n  form: " << (l.form ? *l.form : "?") << "  kind: " << LetterKindName(l.kind)
      << "  date: " << (l.letter_date ? l.letter_date->ToIso() : "?") << "\n";
  if (!l.company.empty()) out << "  company: " << l.company << "\n";
  if (!l.addressee.empty()) out << "  addressee: " << l.addressee << "\n";
  for (const Reference& r : l.references) {
    out << "  re: " << r.form;
    if (r.period) out << " period " << r.period->ToIso();
    if (r.filed) out << " filed " << r.filed->ToIso();
    for (const auto& n : r.file_numbers) out << " " << n;
    out << "\n";
  }
  for (const Comment& c : l.comments) {
    out << "  comment " << (c.number ? std::to_string(*c.number) : "-");
    if (!c.headings.empty()) out << "  [" << c.headings.back() << "]";
    out << "\n    " << Preview(c.text, 160) << "\n";
  }
  for (const Response& r : l.responses) {
    out << "  response " << (r.number ? std::to_string(*r.number) : "-") << "\n";
    if (!r.comment_text.empty()) out << "    comment: " << Preview(r.comment_text, 120) << "\n";
    out << "    answer:  " << Preview(r.text, 120) << "\n";
  }
  for (const auto& i : l.issues) out << "  issue: " << i << "\n";
}

}  // namespace

void AddExtractCommand(CLI::App& app, CliContext& ctx, int* exit_code) {
  auto* cmd = app.add_subcommand("extract", "Segment letter files into comments and responses");
  auto files = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("files", *files, "Letter files (.txt submission, .htm, .pdf, plain text)")
      ->required();
  cmd->add_flag("--json", *json, "One JSON object per file (an array when several)");
  cmd->callback([&ctx, exit_code, files, json] {
    nlohmann::json all = nlohmann::json::array();
    for (const std::string& path : *files) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        ctx.PrintError(IoError(path + ": cannot open"));
        *exit_code = kExitPartial;
        continue;
      }
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      Letter letter = ExtractLetter({bytes, path, std::nullopt});
      if (*json)
        all.push_back(LetterToJson(letter));
      else
        PrintOutline(letter, std::cout);
    }
    if (*json) std::cout << (files->size() == 1 && all.size() == 1 ? all[0] : all).dump(2) << "\n";
  });
}

}  // namespace corresp
