// Finding and extracting a corpus letter by accession: shared by the eval-extract subcommands
// (labels, topics).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/letter.h"

namespace corresp::labels {

struct LetterDocument {
  std::filesystem::path path;
  std::optional<std::string> form;  // UPLOAD / CORRESP from MANIFEST.tsv; nullopt for a folder
};

// The document of `accession` under the first root that has it: ROOT/ACCESSION.{pdf,htm,txt},
// or the `document` of its row in ROOT/MANIFEST.tsv (a mirror). nullopt when no root has it.
std::optional<LetterDocument> FindDocument(const std::string& accession,
                                           const std::vector<std::filesystem::path>& roots);

// The whole file ("" when it cannot be read).
std::string ReadFile(const std::filesystem::path& path);

// The extracted letter of `accession` (the form from the manifest unless `form` is given);
// nullopt when no root has its document.
std::optional<Letter> LoadLetter(const std::string& accession,
                                 const std::vector<std::filesystem::path>& roots,
                                 std::optional<std::string> form = std::nullopt);

}  // namespace corresp::labels
