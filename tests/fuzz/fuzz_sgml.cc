// libFuzzer: SGML submission / wrapper bytes -> the whole ExtractLetter entry point.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/submission.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/sgml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> issues;
  (void)corresp::UuDecode(bytes, corresp::ParseMode::kLenient, &issues);
  (void)corresp::ParseSubmission(bytes, corresp::ParseMode::kLenient);
  (void)corresp::ReadSgml(bytes);
  corresp::Letter letter = corresp::ExtractLetter({bytes, "filing.txt", std::nullopt});
  (void)corresp::LetterToJson(letter).dump();
  return 0;
}
