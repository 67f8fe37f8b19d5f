// libFuzzer target: ParseIndexFile must never crash on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawler/index_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  corresp::ParsedIndex parsed = corresp::ParseIndexFile(bytes, corresp::Date{2020, 1, 2});
  (void)parsed;
  return 0;
}
