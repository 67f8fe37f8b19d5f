#include "tools/eval-extract/letter_loader.h"

#include <fstream>
#include <map>
#include <sstream>

#include "indexer/extract/extract.h"
#include "tools/eval-extract/label_compare.h"

namespace corresp::labels {

namespace fs = std::filesystem;

std::optional<LetterDocument> FindDocument(const std::string& accession,
                                           const std::vector<fs::path>& roots) {
  for (const fs::path& root : roots) {
    for (const char* ext : {".pdf", ".htm", ".txt"}) {
      fs::path p = root / (accession + ext);
      if (fs::exists(p)) return LetterDocument{p, std::nullopt};
    }
    fs::path manifest = root / "MANIFEST.tsv";
    if (fs::exists(manifest)) {
      static std::map<fs::path, std::vector<std::map<std::string, std::string>>> cache;
      auto& rows = cache[manifest];
      if (rows.empty()) rows = ReadTsv(manifest.string());
      for (const auto& row : rows)
        if (row.at("accession") == accession)
          return LetterDocument{root / row.at("document"), row.at("form")};
    }
  }
  return std::nullopt;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<Letter> LoadLetter(const std::string& accession, const std::vector<fs::path>& roots,
                                 std::optional<std::string> form) {
  std::optional<LetterDocument> doc = FindDocument(accession, roots);
  if (!doc) return std::nullopt;
  std::string bytes = ReadFile(doc->path);
  return ExtractLetter({bytes, doc->path.string(), form ? form : doc->form});
}

}  // namespace corresp::labels
