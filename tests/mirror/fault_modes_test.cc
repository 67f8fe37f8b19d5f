// Table test of `--fault MODE` parsing (tools/edgar-mirror/fault_modes.h).
#include "tools/edgar-mirror/fault_modes.h"

#include <gtest/gtest.h>

namespace corresp::mirror {
namespace {

TEST(FaultModes, ParsesEachModeAndRefusesTheRest) {
  const struct {
    const char* value;
    bool ok;
  } cases[] = {
      {"cdn-403", true},           {"redirect-http", true},      {"chunked-truncated", true},
      {"retry-after=0", true},     {"retry-after=600", true},    {"retry-after-date=2", true},
      {"retry-after=86400", true}, {"retry-after=86401", false}, {"retry-after=-1", false},
      {"retry-after=", false},     {"retry-after=5s", false},    {"retry-after", false},
      {"cdn-403=1", false},        {"CDN-403", false},           {"", false},
      {"teapot", false},
  };
  for (const auto& c : cases) {
    FaultModes modes;
    Status status = AddFaultMode(c.value, &modes);
    EXPECT_EQ(status.ok(), c.ok) << c.value << ": " << status.ToString();
    if (!c.ok) {
      EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.value;
    }
  }
}

TEST(FaultModes, ModesAccumulate) {
  FaultModes modes;
  ASSERT_TRUE(AddFaultMode("cdn-403", &modes).ok());
  ASSERT_TRUE(AddFaultMode("retry-after=7", &modes).ok());
  ASSERT_TRUE(AddFaultMode("retry-after-date=3", &modes).ok());
  ASSERT_TRUE(AddFaultMode("chunked-truncated", &modes).ok());
  EXPECT_TRUE(modes.cdn_403);
  EXPECT_EQ(modes.retry_after_seconds, 7);
  EXPECT_EQ(modes.retry_after_date_seconds, 3);
  EXPECT_TRUE(modes.chunked_truncated);
  EXPECT_FALSE(modes.redirect_http);
}

}  // namespace
}  // namespace corresp::mirror
