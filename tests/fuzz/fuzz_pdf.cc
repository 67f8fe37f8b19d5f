// libFuzzer: PDF bytes -> poppler words -> lines -> blocks -> segmentation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/extract/pdf_reader.h"
#include "indexer/segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  corresp::PdfReadOptions options;
  options.max_pages = 20;  // keep each run short
  corresp::BlockDocument doc = corresp::ReadPdf(bytes, options);
  corresp::Letter letter = corresp::SegmentLetter(doc.blocks, std::string("UPLOAD"));
  (void)letter;
  return 0;
}
