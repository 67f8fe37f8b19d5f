// libFuzzer target: ParseSubmission (both modes), ParseDocumentBlocks and UuDecode must never
// crash on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/submission.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)corresp::ParseSubmission(bytes);
  (void)corresp::ParseSubmission(bytes, corresp::ParseMode::kLenient);
  (void)corresp::ParseDocumentBlocks(bytes);
  (void)corresp::UuDecode(bytes);
  (void)corresp::UuDecode(bytes, corresp::ParseMode::kLenient);
  return 0;
}
