// CachedEnglishStem (query/cached_stem.h) gives the English stemmer's own stems, first time,
// from the cache, and after the cache has filled and started again.
#include "query/cached_stem.h"

#include <gtest/gtest.h>

#include <string>

namespace corresp {
namespace {

TEST(CachedStem, GivesTheEnglishStemmersStems) {
  Xapian::Stem english("english");
  Xapian::Stem cached = CachedEnglishStem();
  const char* words[] = {
      "revenue", "recognition", "recognized", "impairment", "disclosures",  "hedging",
      "",        "ASC",         "Company's",  "leases",     "right-of-use", "é"};
  for (int pass = 0; pass < 2; ++pass)  // computed, then from the cache
    for (const char* w : words) EXPECT_EQ(cached(w), english(w)) << w << " pass " << pass;
  for (std::size_t i = 0; i <= kMaxCachedStems; ++i)  // fills the cache: it starts again
    (void)cached("word" + std::to_string(i) + "ing");
  for (const char* w : words) EXPECT_EQ(cached(w), english(w)) << w << " after a refill";
  EXPECT_EQ(CachedEnglishStem()("recognitions"), english("recognitions")) << "another handle";
}

}  // namespace
}  // namespace corresp
