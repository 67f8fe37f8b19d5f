// libFuzzer target: ParseSubmission and ParseDocumentBlocks must never crash on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/submission.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)corresp::ParseSubmission(bytes);
  (void)corresp::ParseDocumentBlocks(bytes);
  (void)corresp::UuDecode(bytes);
  return 0;
}
