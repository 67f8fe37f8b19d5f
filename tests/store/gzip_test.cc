// store/gzip: round trips of every shape of input, and the specific error each kind of damaged
// input gets (the document store and the crawler's .gz index files rely on telling them apart).
#include "store/gzip.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corresp {
namespace {

std::string AllByteValues() {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  return s;
}

// Bytes that do not compress (a linear congruential sequence).
std::string Incompressible(std::size_t n) {
  std::string s(n, '\0');
  std::uint32_t x = 12345;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

struct RoundTrip {
  const char* label;
  std::string bytes;
};

TEST(GzipTest, RoundTrips) {
  const std::vector<RoundTrip> cases = {
      {"empty input", ""},
      {"one byte", "x"},
      {"a letter's text", "1. Please revise your disclosure to quantify the impact.\r\n"},
      {"every byte value, NULs included", AllByteValues()},
      // 4 MB of one byte inflates in many 64 KiB slices from a tiny input.
      {"highly compressible, many output slices", std::string(4 << 20, 'a')},
      // Output larger than the input: deflateBound must leave room for stored blocks.
      {"incompressible", Incompressible(300'000)},
  };
  for (const RoundTrip& c : cases) {
    Result<std::string> packed = GzipCompress(c.bytes);
    ASSERT_TRUE(packed.ok()) << c.label << ": " << packed.status().ToString();
    ASSERT_GE(packed->size(), 18u) << c.label << ": header + trailer";
    EXPECT_EQ(static_cast<unsigned char>((*packed)[0]), 0x1f) << c.label << ": gzip magic";
    EXPECT_EQ(static_cast<unsigned char>((*packed)[1]), 0x8b) << c.label << ": gzip magic";
    Result<std::string> back = GzipDecompress(*packed);
    ASSERT_TRUE(back.ok()) << c.label << ": " << back.status().ToString();
    EXPECT_TRUE(*back == c.bytes) << c.label;
  }
}

TEST(GzipTest, CompressesRepetitiveText) {
  Result<std::string> packed = GzipCompress(std::string(10'000, 'a'));
  ASSERT_TRUE(packed.ok());
  EXPECT_LT(packed->size(), 200u);
}

std::string Packed(const std::string& bytes) { return *GzipCompress(bytes); }

std::string Flipped(std::string s, std::size_t from_end) {
  s[s.size() - from_end] = static_cast<char>(s[s.size() - from_end] ^ 0x5a);
  return s;
}

struct Damaged {
  const char* label;
  std::string gz;
  StatusCode code;
  const char* message;  // a substring the Status message must contain
  std::size_t max_bytes = 1u << 31;
};

TEST(GzipTest, DamagedInputGetsItsOwnError) {
  const std::string text =
      "Please tell us how you considered ASC 815-20-25 in your hedge designation.";
  const std::string gz = Packed(text);
  const std::vector<Damaged> cases = {
      {"empty input", "", StatusCode::kCorruption, "gzip: inflate: truncated data"},
      {"plain text, not gzip", text, StatusCode::kCorruption, "gzip: inflate: incorrect header"},
      {"a zlib stream, not gzip", std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8),
       StatusCode::kCorruption, "gzip: inflate: incorrect header"},
      {"header only", gz.substr(0, 10), StatusCode::kCorruption, "truncated data"},
      {"cut in the deflate data", gz.substr(0, gz.size() / 2), StatusCode::kCorruption,
       "truncated data"},
      {"last trailer byte missing", gz.substr(0, gz.size() - 1), StatusCode::kCorruption,
       "truncated data"},
      {"CRC-32 does not match", Flipped(gz, 8), StatusCode::kCorruption, "incorrect data check"},
      {"length does not match", Flipped(gz, 1), StatusCode::kCorruption, "incorrect length check"},
      {"garbage after the member", gz + "garbage!", StatusCode::kCorruption,
       "gzip: inflate: incorrect header"},
      {"a second member cut short", gz + gz.substr(0, 12), StatusCode::kCorruption,
       "truncated data"},
      {"decompression bomb", Packed(std::string(1 << 20, 'a')), StatusCode::kCorruption,
       "expands beyond 65536 bytes", 65536},
  };
  for (const Damaged& c : cases) {
    Result<std::string> out = GzipDecompress(c.gz, c.max_bytes);
    ASSERT_FALSE(out.ok()) << c.label;
    EXPECT_EQ(out.status().code(), c.code) << c.label << ": " << out.status().ToString();
    EXPECT_NE(out.status().message().find(c.message), std::string::npos)
        << c.label << ": " << out.status().ToString();
  }
}

TEST(GzipTest, ConcatenatedMembersDecodeWhole) {
  Result<std::string> out = GzipDecompress(Packed("first ") + Packed("second"));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "first second");
}

}  // namespace
}  // namespace corresp
