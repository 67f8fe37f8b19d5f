// libFuzzer: SGML submission / wrapper bytes -> the whole ExtractLetter entry point.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/extract/extract.h"
#include "indexer/extract/sgml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  int bad = 0;
  (void)corresp::UuDecodeLenient(bytes, &bad);
  (void)corresp::ReadSgml(bytes);
  corresp::Letter letter = corresp::ExtractLetter({bytes, "filing.txt", std::nullopt});
  (void)corresp::LetterToJson(letter).dump();
  return 0;
}
