// libFuzzer: arbitrary blocks -> segmentation. Each input line is one block; its first byte
// chooses the emphasis flags and kind, so the fuzzer reaches the heading and response rules.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/text_reader.h"
#include "indexer/segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<corresp::Block> blocks;
  size_t pos = 0;
  while (pos < bytes.size() && blocks.size() < 2000) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    corresp::Block b;
    unsigned char flags = static_cast<unsigned char>(line[0]);
    b.bold = flags & 1;
    b.italic = flags & 2;
    b.underline = flags & 4;
    b.kind = static_cast<corresp::BlockKind>((flags >> 3) % 4);
    b.text = std::string(line.substr(1));
    blocks.push_back(std::move(b));
  }
  const char* forms[] = {"UPLOAD", "CORRESP"};
  corresp::Letter a = corresp::SegmentLetter(blocks, std::string(forms[size % 2]));
  corresp::Letter b = corresp::SegmentLetter(blocks, std::nullopt);
  corresp::BlockDocument text = corresp::ReadPlainText(bytes);
  (void)a;
  (void)b;
  (void)text;
  return 0;
}
