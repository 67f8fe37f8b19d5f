#include "indexer/extract/charset.h"

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// windows-1252 0x80..0x9F; 0 = undefined.
constexpr unsigned kCp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

std::string DecodeToUtf8(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string out;
  if (IsValidUtf8(bytes)) {
    out.assign(bytes);
  } else {
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
      unsigned c = static_cast<unsigned char>(ch);
      if (c < 0x80) {
        out.push_back(ch);
      } else if (c < 0xA0) {
        unsigned cp = kCp1252[c - 0x80];
        AppendUtf8(out, cp ? cp : 0xFFFD);
      } else {
        AppendUtf8(out, c);
      }
    }
  }
  for (size_t i = out.find('\0'); i != std::string::npos; i = out.find('\0', i + 1)) out[i] = ' ';
  return out;
}

}  // namespace corresp
