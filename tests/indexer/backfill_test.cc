// Two writers filling an empty index (indexer/index/backfill_writers.h, partial_merge.h) on the
// test corpus, real catalog, store and Xapian files: the same index as one writer (documents in
// the same order, metadata, letterdocs pointing at the same documents, spelling data), the
// incremental path unchanged, a crash mid-backfill leaving the index empty and the next run
// resuming from the partials' last commits (or starting again with another number of writers),
// a rebuild writing a new index with two writers and swapping it in for the old one (of any
// schema; the old one whole until then) or refused at once without the disk space it needs,
// and a merge refusing partials that share a company.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/index_schema.h"
#include "index_fixture.h"
#include "indexer/extract/extract.h"
#include "indexer/index/backfill_writers.h"
#include "indexer/index/index_pipeline.h"
#include "indexer/index/partial_merge.h"
#include "indexer/index/rebuild_space.h"
#include "test_letter_record.h"

namespace corresp {
namespace {

namespace fs = std::filesystem;
namespace s = schema;
using nlohmann::json;

Cik C(long n) { return *Cik::Parse(std::to_string(n)); }

// Parts split at company changes, nearest equal counts; never an empty part.
TEST(SplitCompanies, SplitsAtCompanyChangesNearTheMiddle) {
  struct Case {
    const char* pins;
    std::vector<long> ciks;
    int parts;
    std::vector<std::size_t> bounds;
  };
  std::vector<Case> cases = {
      {"even split at the middle", {1, 1, 2, 2}, 2, {0, 2, 4}},
      {"the nearer change wins (before)", {1, 1, 1, 2, 2, 2, 2, 3}, 2, {0, 3, 8}},
      {"the nearer change wins (after)", {1, 2, 2, 2, 2, 2, 3, 3}, 2, {0, 6, 8}},
      {"one company: one part", {5, 5, 5, 5}, 2, {0, 4}},
      {"nothing to split", {}, 2, {0, 0}},
      {"one writer", {1, 2}, 1, {0, 2}},
      {"three parts", {1, 1, 2, 2, 3, 3}, 3, {0, 2, 4, 6}},
  };
  for (const Case& c : cases) {
    std::vector<Cik> ciks;
    for (long n : c.ciks) ciks.push_back(C(n));
    EXPECT_EQ(SplitCompanies(ciks, c.parts), c.bounds) << c.pins;
  }
}

// The part with entries left and the fewest batches in flight goes next; a full part waits;
// done once every entry is submitted.
TEST(BackfillSchedule, AlternatesPartsAndWaitsWhenFull) {
  BackfillSchedule schedule({0, 4, 6}, 2);  // part 0: entries 0-3, part 1: 4-5
  std::size_t part = 9;
  using Step = BackfillSchedule::Step;
  ASSERT_EQ(schedule.Next(part), Step::kSubmit);
  EXPECT_EQ(part, 0u) << "ties go to the first part";
  schedule.Submitted(0, 2, 1);
  ASSERT_EQ(schedule.Next(part), Step::kSubmit);
  EXPECT_EQ(part, 1u) << "the part with fewer batches in flight";
  EXPECT_EQ(schedule.Begin(1), 4u);
  schedule.Submitted(1, 8, 2);  // past its end: clamped to the part's end
  EXPECT_EQ(schedule.Begin(1), 6u);
  ASSERT_EQ(schedule.Next(part), Step::kSubmit);
  EXPECT_EQ(part, 0u) << "part 1 is done";
  schedule.Submitted(0, 3, 3);
  EXPECT_EQ(schedule.Next(part), Step::kWait) << "part 0 has 2 in flight, the limit";
  schedule.Finished(1);
  ASSERT_EQ(schedule.Next(part), Step::kSubmit);
  EXPECT_EQ(part, 0u);
  EXPECT_EQ(schedule.Begin(0), 3u);
  EXPECT_EQ(schedule.End(0), 4u);
  schedule.Submitted(0, 4, 4);
  EXPECT_EQ(schedule.Next(part), Step::kDone) << "batches still in flight, none to submit";
  schedule.Finished(99);  // unknown tag: ignored
}

// The documents' ids (the "id" field of their data) in docid order.
std::vector<std::string> IdsInOrder(const Xapian::Database& db) {
  std::vector<std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    out.push_back(json::parse(db.get_document(*it).get_data()).at("id").get<std::string>());
  return out;
}

// Everything a reader can see, with letterdocs' docids resolved to the documents' ids (docids
// may differ by the gaps deleted documents leave) and last_indexed left out.
struct IndexContent {
  std::vector<std::string> ids;               // in docid order
  std::map<std::string, std::string> data;    // id -> document data
  std::map<std::string, std::string> terms;   // id -> its terms with wdf and positions count
  std::map<std::string, std::string> meta;    // key -> value
  std::map<std::string, unsigned> spellings;  // word -> frequency
  long doccount = 0;
  double avlength = 0;
  bool operator==(const IndexContent&) const = default;
};

IndexContent ReadContent(const fs::path& index) {
  Xapian::Database db(index.string());
  IndexContent c;
  c.ids = IdsInOrder(db);
  c.doccount = db.get_doccount();
  c.avlength = db.get_avlength();
  std::map<Xapian::docid, std::string> id_of;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    std::string id = json::parse(doc.get_data()).at("id").get<std::string>();
    id_of[*it] = id;
    c.data[id] = doc.get_data();
    std::string terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
      terms += *t + ":" + std::to_string(t.get_wdf()) + ":" +
               std::to_string(t.positionlist_count()) + " ";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      terms += "#" + std::to_string(v.get_valueno()) + "=" + *v + " ";
    c.terms[id] = terms;
  }
  for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) {
    std::string key = *it, value = db.get_metadata(key);
    if (key == s::kMetaLastIndexed) continue;
    if (key.rfind(s::kMetaLetterDocs, 0) == 0) {
      json ids = json::array();
      for (const json& did : json::parse(value)) ids.push_back(id_of.at(did.get<Xapian::docid>()));
      value = ids.dump();
    }
    c.meta[key] = value;
  }
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    c.spellings[*it] = it.get_termfreq();
  return c;
}

int CrashMidBackfill(testing::TestDataDir& d, std::size_t calls_before_death, bool rebuild = false);

class BackfillTest : public ::testing::Test {
 protected:
  // A fresh data dir `name`, kept for the test's life.
  Result<testing::TestDataDir*> MakeDir(const std::string& name, bool with_seed = true) {
    auto dir = testing::MakeTestDataDir(name, with_seed);
    if (!dir.ok()) return dir.status();
    dirs_[name] = std::move(dir).value();
    return &dirs_[name];
  }
  // A fresh data dir `name` indexed with `writers` backfill writers.
  Result<IndexReport> Index(const std::string& name, int writers, std::size_t batch_size,
                            bool with_seed = true) {
    auto dir = MakeDir(name, with_seed);
    if (!dir.ok()) return dir.status();
    IndexOptions options;
    options.backfill_writers = writers;
    options.batch_size = batch_size;
    return IndexPending(dirs_[name].config, *dirs_[name].catalog, *dirs_[name].store, options);
  }
  fs::path IndexOf(const std::string& name) { return IndexPath(dirs_[name].config); }
  // A fresh data dir `name` backfilled by two writers in batches of 3, then a rebuild of it
  // killed half-way, after its first partial commits: what the index held before the rebuild.
  Result<IndexContent> CrashedRebuild(const std::string& name) {
    auto first = Index(name, 2, 3);
    if (!first.ok()) return first.status();
    IndexContent before = ReadContent(IndexOf(name));
    if (int exit = CrashMidBackfill(dirs_[name], 16, true); exit != 42)
      return Internal("the rebuild did not die half-way: exit " + std::to_string(exit));
    return before;
  }
  std::map<std::string, testing::TestDataDir> dirs_;
};

TEST_F(BackfillTest, TwoWritersWriteTheSameIndexAsOne) {
  for (std::size_t batch : {200u, 3u}) {  // one batch per part; many, companies split across them
    SCOPED_TRACE("batch size " + std::to_string(batch));
    std::string one = "backfill-one-" + std::to_string(batch);
    std::string two = "backfill-two-" + std::to_string(batch);
    auto single = Index(one, 1, batch);
    ASSERT_TRUE(single.ok()) << single.status().ToString();
    auto merged = Index(two, 2, batch);
    ASSERT_TRUE(merged.ok()) << merged.status().ToString();
    EXPECT_EQ(single->writers, 1);
    EXPECT_EQ(merged->writers, 2);
    EXPECT_EQ(merged->indexed, single->indexed);
    EXPECT_EQ(merged->items, single->items);
    EXPECT_EQ(merged->documents, single->documents);
    EXPECT_EQ(merged->threads, single->threads);
    EXPECT_EQ(merged->threads_opened, single->threads_opened);
    EXPECT_EQ(merged->threads_closed, single->threads_closed);
    IndexContent a = ReadContent(IndexOf(one)), b = ReadContent(IndexOf(two));
    EXPECT_EQ(b.ids, a.ids) << "documents in the same order";
    EXPECT_EQ(b.data, a.data);
    EXPECT_EQ(b.terms, a.terms);
    EXPECT_EQ(b.meta, a.meta) << "letter, thread and count metadata; letterdocs to the same docs";
    EXPECT_EQ(b.spellings, a.spellings);
    EXPECT_EQ(b.doccount, a.doccount);
    EXPECT_DOUBLE_EQ(b.avlength, a.avlength);
    EXPECT_GT(a.spellings.size(), 100u);
    EXPECT_FALSE(fs::exists(PartialIndexPath(IndexOf(two), 0))) << "partials removed";
    EXPECT_FALSE(fs::exists(PartialIndexPath(IndexOf(two), 1)));
    auto threads_one = dirs_[one].catalog->ListThreads();
    auto threads_two = dirs_[two].catalog->ListThreads();
    ASSERT_TRUE(threads_one.ok() && threads_two.ok());
    EXPECT_EQ(threads_two->size(), threads_one->size()) << "the catalog's threads";
    auto left = dirs_[two].catalog->ListToIndex(kExtractorVersion);
    ASSERT_TRUE(left.ok());
    EXPECT_TRUE(left->empty()) << "every filing marked indexed after the merge";
  }
}

// An index that has letters is written by one writer batch by batch, as before: the seed
// letter added to a backfilled index gives the index one run over everything gives.
TEST_F(BackfillTest, IncrementalRunKeepsOneWriter) {
  auto whole = Index("backfill-whole", 2, 200, true);
  ASSERT_TRUE(whole.ok());
  auto first = Index("backfill-incremental", 2, 200, false);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->writers, 2);
  testing::TestDataDir& dir = dirs_["backfill-incremental"];
  ASSERT_TRUE(testing::AddSeedFiling(dir).ok());
  std::vector<IndexProgress> calls;
  IndexOptions options;  // backfill_writers = 2 by default
  options.progress = [&calls](const IndexProgress& p) { calls.push_back(p); };
  auto next = IndexPending(dir.config, *dir.catalog, *dir.store, options);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->writers, 1);
  EXPECT_EQ(next->indexed, 1u);
  EXPECT_EQ(next->batches, 1u);
  EXPECT_EQ(calls.size(), 2u) << "one call for the filing, one for the commit";
  EXPECT_EQ(ReadContent(IndexOf("backfill-incremental")).data,
            ReadContent(IndexOf("backfill-whole")).data);
}

// A child process killed during a backfill of batches of 3 filings, at its
// `calls_before_death`th progress call (one per filing extracted, one per partial commit):
// returns its exit status (42 when it died with filings left to index).
int CrashMidBackfill(testing::TestDataDir& d, std::size_t calls_before_death, bool rebuild) {
  pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {  // the run that dies: its own catalog connection, killed at a commit
    auto catalog = Catalog::Open(CatalogPath(d.config));
    if (!catalog.ok()) _exit(2);
    IndexOptions options;
    options.batch_size = 3;
    options.rebuild = rebuild;
    std::size_t calls = 0;
    options.progress = [&](const IndexProgress& p) {
      if (p.done == 0 || ++calls < calls_before_death) return;
      _exit(p.done < p.total ? 42 : 3);
    };
    (void)IndexPending(d.config, **catalog, *d.store, options);
    _exit(4);
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

// A process killed half-way through a backfill (after some partial commits) leaves the index
// without documents and no filing marked indexed; the next run keeps what the partials
// committed, writes the rest and merges: the same index as an uninterrupted run.
TEST_F(BackfillTest, CrashMidBackfillResumesFromThePartialsLastCommits) {
  auto reference = Index("backfill-reference", 1, 3);
  ASSERT_TRUE(reference.ok());
  auto dir = MakeDir("backfill-crash");
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  testing::TestDataDir& d = **dir;
  ASSERT_EQ(CrashMidBackfill(d, 16), 42) << "the child died mid-backfill";
  fs::path index = IndexOf("backfill-crash");
  EXPECT_TRUE(fs::exists(PartialIndexPath(index, 0))) << "the crash left its partials";
  if (fs::exists(index)) {
    EXPECT_EQ(Xapian::Database(index.string()).get_doccount(), 0u) << "no half-written index";
  }
  auto todo = d.catalog->ListToIndex(kExtractorVersion);
  ASSERT_TRUE(todo.ok());
  EXPECT_EQ(todo->size(), reference->filings) << "no filing marked indexed";

  IndexOptions rerun;
  rerun.batch_size = 3;
  std::vector<IndexProgress> calls;
  rerun.progress = [&calls](const IndexProgress& p) { calls.push_back(p); };
  auto again = IndexPending(d.config, *d.catalog, *d.store, rerun);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->writers, 2);
  EXPECT_GE(again->resumed, 3u) << "at least the first batch was kept";
  EXPECT_LT(again->resumed, reference->indexed);
  EXPECT_EQ(again->indexed + again->resumed, reference->indexed) << "nothing written twice";
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.back().done, calls.back().total) << "the kept filings count as done";
  EXPECT_FALSE(fs::exists(PartialIndexPath(index, 0)));
  EXPECT_FALSE(fs::exists(PartialIndexPath(index, 1)));
  IndexContent a = ReadContent(IndexOf("backfill-reference")), b = ReadContent(index);
  EXPECT_EQ(b.ids, a.ids);
  EXPECT_EQ(b.data, a.data);
  EXPECT_EQ(b.terms, a.terms);
  EXPECT_EQ(b.meta, a.meta) << "no backfill: key left in the index";
  EXPECT_EQ(b.spellings, a.spellings);
  auto left = d.catalog->ListToIndex(kExtractorVersion);
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty()) << "kept and new filings all marked indexed after the merge";
}

// Partials of another plan (here: another number of writers) are not resumed: the next run
// removes them and backfills from the first filing.
TEST_F(BackfillTest, CrashedBackfillOfAnotherPlanStartsAgain) {
  auto reference = Index("backfill-reference-3", 1, 3);
  ASSERT_TRUE(reference.ok());
  auto dir = MakeDir("backfill-crash-3");
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  testing::TestDataDir& d = **dir;
  ASSERT_EQ(CrashMidBackfill(d, 16), 42);
  IndexOptions rerun;
  rerun.batch_size = 3;
  rerun.backfill_writers = 3;
  auto again = IndexPending(d.config, *d.catalog, *d.store, rerun);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->writers, 3);
  EXPECT_EQ(again->resumed, 0u);
  EXPECT_EQ(again->indexed, reference->indexed);
  fs::path index = IndexOf("backfill-crash-3");
  for (int k = 0; k < 3; ++k) EXPECT_FALSE(fs::exists(PartialIndexPath(index, k)));
  IndexContent a = ReadContent(IndexOf("backfill-reference-3")), b = ReadContent(index);
  EXPECT_EQ(b.ids, a.ids);
  EXPECT_EQ(b.data, a.data);
  EXPECT_EQ(b.meta, a.meta);
}

// `corresp index --rebuild` writes a new index with the backfill's writers and swaps it in: the
// same index a first backfill writes, even over an index of another schema (which an
// incremental run refuses to open), with nothing left beside it.
TEST_F(BackfillTest, RebuildWritesANewIndexWithTwoWritersEvenOverAnotherSchema) {
  auto reference = Index("rebuild-reference", 2, 5);
  ASSERT_TRUE(reference.ok());
  auto first = Index("rebuild", 2, 5);
  ASSERT_TRUE(first.ok());
  testing::TestDataDir& d = dirs_["rebuild"];
  fs::path index = IndexOf("rebuild");
  {
    Xapian::WritableDatabase db(index.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(s::kMetaSchema), "1");
    db.commit();
  }
  IndexOptions plain;
  auto refused = IndexPending(d.config, *d.catalog, *d.store, plain);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("corresp index --rebuild"), std::string::npos)
      << refused.status().ToString();

  IndexOptions rebuild;
  rebuild.rebuild = true;
  rebuild.batch_size = 5;
  auto rebuilt = IndexPending(d.config, *d.catalog, *d.store, rebuild);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->writers, 2);
  EXPECT_EQ(rebuilt->indexed, reference->indexed);
  EXPECT_EQ(rebuilt->documents, reference->documents);
  EXPECT_EQ(rebuilt->threads_opened, 0u) << "the same threads as before the rebuild";
  EXPECT_EQ(rebuilt->threads_closed, 0u);
  IndexContent a = ReadContent(IndexOf("rebuild-reference")), b = ReadContent(index);
  EXPECT_EQ(b.ids, a.ids);
  EXPECT_EQ(b.data, a.data);
  EXPECT_EQ(b.terms, a.terms);
  EXPECT_EQ(b.meta, a.meta) << "schema " << b.meta[std::string(s::kMetaSchema)];
  EXPECT_EQ(b.spellings, a.spellings);
  for (const auto& e : fs::directory_iterator(index.parent_path()))
    EXPECT_EQ(e.path().filename().string().find("index."), std::string::npos)
        << "left beside the index: " << e.path();
  auto left = d.catalog->ListToIndex(kExtractorVersion);
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty()) << "every filing marked indexed again";
  auto next = IndexPending(d.config, *d.catalog, *d.store, plain);
  ASSERT_TRUE(next.ok()) << "the rebuilt index takes incremental runs: "
                         << next.status().ToString();
  EXPECT_EQ(next->filings, 0u);
}

// A rebuild that dies leaves the old index as it was (searches go on) and every filing to do;
// `--rebuild` again resumes from the partials and swaps in the index an uninterrupted run gives.
TEST_F(BackfillTest, InterruptedRebuildKeepsTheOldIndexAndResumes) {
  auto reference = Index("rebuild-crash-reference", 1, 3);
  ASSERT_TRUE(reference.ok());
  auto before = CrashedRebuild("rebuild-crash");
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  testing::TestDataDir& d = dirs_["rebuild-crash"];
  fs::path index = IndexOf("rebuild-crash");
  EXPECT_TRUE(fs::exists(PartialIndexPath(index, 0))) << "the crash left its partials";
  EXPECT_EQ(ReadContent(index), *before) << "the old index untouched";

  IndexOptions rebuild;
  rebuild.rebuild = true;
  rebuild.batch_size = 3;
  auto again = IndexPending(d.config, *d.catalog, *d.store, rebuild);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_GE(again->resumed, 3u) << "at least the first batch was kept";
  EXPECT_EQ(again->indexed + again->resumed, reference->indexed) << "nothing written twice";
  IndexContent a = ReadContent(IndexOf("rebuild-crash-reference")), b = ReadContent(index);
  EXPECT_EQ(b.ids, a.ids);
  EXPECT_EQ(b.data, a.data);
  EXPECT_EQ(b.terms, a.terms);
  EXPECT_EQ(b.meta, a.meta);
  EXPECT_FALSE(fs::exists(PartialIndexPath(index, 0)));
  EXPECT_FALSE(fs::exists(PartialIndexPath(index, 1)));
}

// After a rebuild died, a plain run re-indexes every filing into the old index in place and
// removes the partials, which could no longer be resumed.
TEST_F(BackfillTest, PlainRunAfterAnInterruptedRebuildRemovesItsPartials) {
  auto before = CrashedRebuild("rebuild-then-plain");
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  testing::TestDataDir& d = dirs_["rebuild-then-plain"];
  fs::path index = IndexOf("rebuild-then-plain");
  ASSERT_TRUE(fs::exists(PartialIndexPath(index, 0)));
  auto plain = IndexPending(d.config, *d.catalog, *d.store, IndexOptions{});
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(plain->writers, 1);
  EXPECT_EQ(plain->filings, testing::ReadManifest().size() + 1) << "every filing, the seed too";
  EXPECT_EQ(plain->indexed, plain->filings);
  EXPECT_FALSE(fs::exists(PartialIndexPath(index, 0)));
  EXPECT_FALSE(fs::exists(PartialIndexPath(index, 1)));
  EXPECT_EQ(ReadContent(index).data, before->data);
}

// A rebuild that would not fit beside the index is refused before it touches anything: the
// error names the folder and both sizes, every filing stays marked indexed (a plain run after
// it has nothing to do) and the index is as it was. With room, or told to ignore the check, the
// same rebuild runs.
TEST_F(BackfillTest, RebuildRefusedWithoutTheSpaceItNeeds) {
  auto first = Index("rebuild-space", 2, 5);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  testing::TestDataDir& d = dirs_["rebuild-space"];
  fs::path index = IndexOf("rebuild-space");
  IndexContent before = ReadContent(index);
  fs::path asked;
  IndexOptions rebuild;
  rebuild.rebuild = true;
  rebuild.free_space = [&asked](const fs::path& dir) -> Result<std::uintmax_t> {
    asked = dir;
    return std::uintmax_t{1000};
  };
  auto refused = IndexPending(d.config, *d.catalog, *d.store, rebuild);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(asked, index.parent_path());
  const std::string& why = refused.status().message();
  EXPECT_NE(why.find(index.parent_path().string()), std::string::npos) << why;
  EXPECT_NE(why.find("0.0 MB are free"), std::string::npos) << why;
  EXPECT_NE(why.find("--ignore-free-space"), std::string::npos) << why;
  auto left = d.catalog->ListToIndex(kExtractorVersion);
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty()) << "no filing unmarked by the refused rebuild";
  EXPECT_FALSE(fs::exists(PartialIndexPath(index, 0)));
  EXPECT_EQ(ReadContent(index), before);

  rebuild.check_free_space = false;
  auto forced = IndexPending(d.config, *d.catalog, *d.store, rebuild);
  ASSERT_TRUE(forced.ok()) << forced.status().ToString();
  EXPECT_EQ(forced->indexed, first->indexed);
  rebuild.check_free_space = true;
  rebuild.free_space = [](const fs::path&) -> Result<std::uintmax_t> {
    return std::uintmax_t{1} << 50;
  };
  auto roomy = IndexPending(d.config, *d.catalog, *d.store, rebuild);
  ASSERT_TRUE(roomy.ok()) << roomy.status().ToString();
  EXPECT_EQ(roomy->indexed, first->indexed);
  EXPECT_EQ(ReadContent(index).data, before.data);
}

// What a rebuild needs: 2.4x the index, less what an interrupted rebuild's partials (and a
// merge's copy) already hold; nothing without an index.
TEST(RebuildSpace, NeedsTheFactorTimesTheIndexLessThePartials) {
  fs::path root = fs::temp_directory_path() / ("corresp-space-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "index");
  auto write = [](const fs::path& p, std::size_t bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << std::string(bytes, 'x');
  };
  auto free_space = [](const fs::path&) -> Result<std::uintmax_t> { return std::uintmax_t{7}; };
  auto none = MeasureRebuildSpace(root / "absent", free_space);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->needed, 0u);
  EXPECT_TRUE(CheckRebuildSpace(root / "absent", free_space).ok()) << "nothing to rebuild beside";
  write(root / "index" / "postlist.glass", 600);
  write(root / "index" / "termlist.glass", 400);
  write(root / "index.part-0" / "postlist.glass", 300);
  write(root / "index.merging" / "postlist.glass", 100);
  write(root / "index2" / "postlist.glass", 5000);  // another index beside: not a partial
  auto space = MeasureRebuildSpace(root / "index", free_space);
  ASSERT_TRUE(space.ok()) << space.status().ToString();
  EXPECT_EQ(space->index_bytes, 1000u);
  EXPECT_EQ(space->partial_bytes, 400u);
  EXPECT_EQ(space->needed, 2000u);  // 2.4 x 1000 - 400
  EXPECT_EQ(space->available, 7u);
  EXPECT_FALSE(CheckRebuildSpace(root / "index", free_space).ok());
  auto plenty = [](const fs::path&) -> Result<std::uintmax_t> { return std::uintmax_t{2000}; };
  EXPECT_TRUE(CheckRebuildSpace(root / "index", plenty).ok());
  auto unknown = [](const fs::path& p) -> Result<std::uintmax_t> {
    return IoError(p.string() + ": no such file system");
  };
  EXPECT_FALSE(CheckRebuildSpace(root / "index", unknown).ok()) << "an error is not room";
  fs::remove_all(root);
}

// Partials that both hold a company's letter are refused: the index is left alone.
TEST(MergePartialIndexes, RefusesPartialsSharingACompanyAndANonEmptyIndex) {
  fs::path root = fs::temp_directory_path() / ("corresp-merge-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  std::vector<fs::path> parts = {root / "p0", root / "p1"};
  for (std::size_t k = 0; k < parts.size(); ++k) {
    auto w = IndexWriter::Open(parts[k]);
    ASSERT_TRUE(w.ok());
    LetterRecord r = testing::OneCommentAnswered().staff;
    r.letter.comments[0].text += " Version " + std::to_string(k) + ".";
    ASSERT_TRUE((*w)->PutLetter(r).ok());
    ASSERT_TRUE((*w)->RebuildCompany(r.cik).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  auto merged = MergePartialIndexes(parts, root / "index");
  EXPECT_EQ(merged.status().code(), StatusCode::kInternal) << merged.status().ToString();
  EXPECT_FALSE(fs::exists(root / "index"));
  EXPECT_FALSE(fs::exists(root / "index.merging"));

  auto full = MergePartialIndexes({parts[0]}, parts[1]);  // into an index with documents
  EXPECT_EQ(full.status().code(), StatusCode::kAlreadyExists);
  fs::remove_all(root);
}

}  // namespace
}  // namespace corresp
