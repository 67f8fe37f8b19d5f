// --hide-daily-after and the runtime control file ROOT/.mirror-control: daily indexes after
// the cutoff answer 404 and vanish from listings, and a test can reveal days one by one.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/mirror/mirror_test_util.h"

namespace corresp::test {
namespace {

const std::string kQ4 = "/Archives/edgar/daily-index/2019/QTR4/";

std::vector<std::string> ListingNames(const ProbeResult& r) {
  std::vector<std::string> names;
  auto doc = nlohmann::json::parse(r.body, nullptr, false);
  if (doc.is_discarded()) return names;
  for (const auto& item : doc["directory"]["item"]) names.push_back(item["name"]);
  return names;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(MirrorDaily, FlagHidesLaterDaysAndTheirListingEntries) {
  auto mirror = StartMirror({"--hide-daily-after", "2019-10-15"});
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  EXPECT_EQ(probe.Get(mirror->url(kQ4 + "master.20191015.idx")).status, 200);
  EXPECT_EQ(probe.Get(mirror->url(kQ4 + "master.20191016.idx")).status, 404);
  EXPECT_EQ(probe.Get(mirror->url(kQ4 + "form.20191231.idx")).status, 404);
  // Later years and quarters do not exist yet either.
  EXPECT_EQ(probe.Get(mirror->url("/Archives/edgar/daily-index/2021/index.json")).status, 404);
  // Full indexes and letters are untouched.
  EXPECT_EQ(probe.Get(mirror->url("/Archives/edgar/full-index/2019/QTR4/master.idx")).status, 200);

  auto quarter = ListingNames(probe.Get(mirror->url(kQ4 + "index.json")));
  EXPECT_EQ(quarter.size(), 33u);
  EXPECT_TRUE(Contains(quarter, "master.20191015.idx"));
  EXPECT_FALSE(Contains(quarter, "master.20191016.idx"));
  auto years = ListingNames(probe.Get(mirror->url("/Archives/edgar/daily-index/index.json")));
  EXPECT_TRUE(Contains(years, "2019"));
  EXPECT_FALSE(Contains(years, "2021"));

  // Gzip of a filtered listing decodes to the same filtered listing.
  ProbeOptions gz;
  gz.decode = true;
  EXPECT_EQ(ListingNames(probe.Get(mirror->url(kQ4 + "index.json"), gz)), quarter);

  auto rows = LogOf(*mirror);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[1].status, 404);
  EXPECT_EQ(rows[1].note, "hidden");
  EXPECT_EQ(rows[1].path, kQ4 + "master.20191016.idx");
}

// A root whose Archives is a symlink into the slice, so the test may write .mirror-control.
class ControlFileRoot {
 public:
  ControlFileRoot() {
    char tmpl[] = "/tmp/mirror-root-XXXXXX";
    dir_ = mkdtemp(tmpl) ? tmpl : "";
    std::filesystem::create_directory_symlink(MirrorProcess::DefaultRoot() + "/Archives",
                                              dir_ + "/Archives");
  }
  ~ControlFileRoot() { std::filesystem::remove_all(dir_); }
  void SetControl(const std::string& text) {
    std::ofstream(dir_ + "/.mirror-control", std::ios::trunc) << text;
  }
  void RemoveControl() { std::filesystem::remove(dir_ + "/.mirror-control"); }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

TEST(MirrorDaily, ControlFileRevealsDaysAtRuntime) {
  ControlFileRoot root;
  ASSERT_FALSE(root.dir().empty());
  auto mirror = StartMirror({"--hide-daily-after", "2019-10-15"}, root.dir());
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  const std::string day16 = kQ4 + "master.20191016.idx";
  const std::string day17 = kQ4 + "master.20191017.idx";
  EXPECT_EQ(probe.Get(mirror->url(day16)).status, 404);  // the flag, served via the symlink

  root.SetControl("# revealed by the test\nhide-daily-after=2019-10-16\n");
  EXPECT_EQ(probe.Get(mirror->url(day16)).status, 200);
  EXPECT_EQ(probe.Get(mirror->url(day17)).status, 404);
  EXPECT_TRUE(
      Contains(ListingNames(probe.Get(mirror->url(kQ4 + "index.json"))), "master.20191016.idx"));

  root.SetControl("hide-daily-after=2019-10-17\n");  // same size as before: still seen
  EXPECT_EQ(probe.Get(mirror->url(day17)).status, 200);
  EXPECT_EQ(probe.Get(mirror->url(kQ4 + "master.20191018.idx")).status, 404);

  root.SetControl("hide-daily-after=none\n");  // everything published
  EXPECT_EQ(probe.Get(mirror->url(kQ4 + "master.20191231.idx")).status, 200);
  EXPECT_EQ(probe.Get(mirror->url("/Archives/edgar/daily-index/2021/index.json")).status, 200);

  root.RemoveControl();  // back to the flag
  EXPECT_EQ(probe.Get(mirror->url(day16)).status, 404);

  auto rows = LogOf(*mirror);
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[0].note, "hidden");
  EXPECT_EQ(rows[1].status, 200);
}

TEST(MirrorDaily, WithoutCutoffEverythingIsServed) {
  auto mirror = StartMirror();
  ASSERT_TRUE(mirror);
  HttpProbe probe;
  EXPECT_EQ(probe.Get(mirror->url(kQ4 + "master.20191231.idx")).status, 200);
  ProbeResult listing = probe.Get(mirror->url(kQ4 + "index.json"));
  EXPECT_EQ(listing.body, ReadSliceFile(kQ4 + "index.json"));  // original bytes
}

}  // namespace
}  // namespace corresp::test
