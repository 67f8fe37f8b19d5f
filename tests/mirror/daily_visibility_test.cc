// Unit tests of --hide-daily-after: which daily-index paths are hidden on a given day, how
// listings are filtered, and the .mirror-control file format. Listings are the real
// index.json files of tests/data/edgar.
#include "tools/edgar-mirror/daily_visibility.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tools/edgar-mirror/filtered_listings.h"

namespace corresp::mirror {
namespace {

const Date kCutoff{2019, 10, 15};

std::string ReadTestFile(const std::string& rel) {
  std::ifstream in(std::string(CORRESP_TEST_DATA) + "/edgar/" + rel, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Names(const std::string& listing) {
  std::vector<std::string> names;
  const auto doc = nlohmann::json::parse(listing);
  for (const auto& item : doc["directory"]["item"]) {
    names.push_back(item["name"]);
  }
  return names;
}

TEST(IsHiddenDailyPath, FilesNamedForLaterDays) {
  const std::string q4 = "Archives/edgar/daily-index/2019/QTR4/";
  EXPECT_FALSE(IsHiddenDailyPath(q4 + "master.20191015.idx", kCutoff));  // the cutoff day
  EXPECT_TRUE(IsHiddenDailyPath(q4 + "master.20191016.idx", kCutoff));
  EXPECT_TRUE(IsHiddenDailyPath(q4 + "form.20191231.idx", kCutoff));
  EXPECT_FALSE(IsHiddenDailyPath(q4 + "company.20191001.idx", kCutoff));
  EXPECT_FALSE(IsHiddenDailyPath(q4 + "index.json", kCutoff));  // quarter already started
}

TEST(IsHiddenDailyPath, LaterQuartersAndYears) {
  EXPECT_TRUE(IsHiddenDailyPath("Archives/edgar/daily-index/2020/QTR1/index.json", kCutoff));
  EXPECT_TRUE(IsHiddenDailyPath("Archives/edgar/daily-index/2020/index.json", kCutoff));
  EXPECT_FALSE(IsHiddenDailyPath("Archives/edgar/daily-index/2019/index.json", kCutoff));
  EXPECT_FALSE(IsHiddenDailyPath("Archives/edgar/daily-index/index.json", kCutoff));
  EXPECT_TRUE(IsHiddenDailyPath("Archives/edgar/daily-index/2021/QTR2/master.20210401.idx",
                                Date{2021, 3, 31}));
}

TEST(IsHiddenDailyPath, NothingOutsideDailyIndex) {
  EXPECT_FALSE(IsHiddenDailyPath("Archives/edgar/full-index/2025/QTR4/master.idx", kCutoff));
  EXPECT_FALSE(
      IsHiddenDailyPath("Archives/edgar/data/1090872/000109087216000078/filename1.htm", kCutoff));
}

TEST(FilterDailyListing, QuarterListingLosesLaterDays) {
  const std::string rel = "Archives/edgar/daily-index/2019/QTR4/index.json";
  auto filtered = FilterDailyListing(rel, ReadTestFile(rel), kCutoff);
  ASSERT_TRUE(filtered.has_value());
  auto names = Names(*filtered);
  // Oct 1-4, 7-11, 14-15: 11 business days, three index kinds each.
  EXPECT_EQ(names.size(), 33u);
  EXPECT_NE(std::find(names.begin(), names.end(), "master.20191015.idx"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "master.20191016.idx"), names.end());
  EXPECT_EQ(nlohmann::json::parse(*filtered)["directory"]["name"],
            "Archives/edgar/daily-index/2019/QTR4");
}

TEST(FilterDailyListing, TopAndYearListings) {
  const std::string top = "Archives/edgar/daily-index/index.json";
  auto filtered = FilterDailyListing(top, ReadTestFile(top), Date{2019, 12, 31});
  ASSERT_TRUE(filtered.has_value());
  EXPECT_EQ(Names(*filtered), (std::vector<std::string>{"2016", "2017", "2018", "2019"}));

  const std::string year = "Archives/edgar/daily-index/2019/index.json";
  auto q3_only = FilterDailyListing(year, ReadTestFile(year), Date{2019, 9, 30});
  ASSERT_TRUE(q3_only.has_value());
  EXPECT_EQ(Names(*q3_only), (std::vector<std::string>{"QTR3"}));
}

TEST(FilterDailyListing, NothingHiddenMeansServeOriginal) {
  const std::string rel = "Archives/edgar/daily-index/2019/QTR4/index.json";
  EXPECT_EQ(FilterDailyListing(rel, ReadTestFile(rel), Date{2020, 1, 1}), std::nullopt);
  EXPECT_EQ(FilterDailyListing(rel, "not json", kCutoff), std::nullopt);
  EXPECT_EQ(FilterDailyListing("Archives/edgar/full-index/2019/QTR4/index.json", "{}", kCutoff),
            std::nullopt);
}

TEST(ParseMirrorControl, Formats) {
  auto date = ParseMirrorControl("# reveal one day at a time\nhide-daily-after=2019-10-16\n");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(*date, (std::optional<Date>(Date{2019, 10, 16})));
  auto none = ParseMirrorControl("hide-daily-after = none");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, std::nullopt);
  EXPECT_EQ(ParseMirrorControl("# empty\n").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ParseMirrorControl("hide-daily-after=2019-13-01").status().code(), StatusCode::kParse);
  EXPECT_EQ(ParseMirrorControl("colour=blue").status().code(), StatusCode::kParse);
}

TEST(FilteredListings, MemoizedPerCutoffAndRefreshedWhenTheFileChanges) {
  char tmpl[] = "/tmp/mirror-listing-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string root = tmpl;
  const std::string rel = "Archives/edgar/daily-index/2019/QTR4/index.json";
  std::filesystem::create_directories(root + "/Archives/edgar/daily-index/2019/QTR4");
  std::filesystem::copy_file(std::string(CORRESP_TEST_DATA) + "/edgar/" + rel, root + "/" + rel);
  FileCache files(root, 1 << 20, 1 << 24);
  FilteredListings listings(&files);

  auto first = listings.Get(rel, kCutoff, false);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Names(**first).size(), 33u);
  auto again = listings.Get(rel, kCutoff, false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->get(), again->get());  // memoized: the same bytes object
  auto later = listings.Get(rel, Date{2019, 10, 16}, false);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(Names(**later).size(), 36u);
  auto packed = listings.Get(rel, kCutoff, true);
  ASSERT_TRUE(packed.ok());
  EXPECT_LT((*packed)->size(), (*first)->size() / 3);

  // A new listing replaces the file: the memo must not serve the old one.
  std::ofstream(root + "/new.json")
      << R"({"directory": {"item": [{"name": "master.20191001.idx"}, )"
      << R"({"name": "master.20191231.idx"}], "name": "x"}})";
  std::filesystem::rename(root + "/new.json", root + "/" + rel);
  auto replaced = listings.Get(rel, kCutoff, false);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(Names(**replaced), std::vector<std::string>{"master.20191001.idx"});
  EXPECT_EQ(listings.Get("Archives/edgar/daily-index/2019/QTR1/index.json", kCutoff, false)
                .status()
                .code(),
            StatusCode::kNotFound);
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace corresp::mirror
