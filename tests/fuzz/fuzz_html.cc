// libFuzzer: HTML bytes -> charset decoding -> Gumbo blocks -> segmentation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/extract/charset.h"
#include "indexer/extract/html_reader.h"
#include "indexer/segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  corresp::BlockDocument doc = corresp::ReadHtml(corresp::DecodeToUtf8(bytes));
  corresp::Letter letter = corresp::SegmentLetter(doc.blocks, std::nullopt);
  (void)letter;
  return 0;
}
