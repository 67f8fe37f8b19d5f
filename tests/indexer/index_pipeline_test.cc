// The `corresp index` pipeline on the test corpus (tests/data/edgar + the seed letter) with a
// real catalog, document store and Xapian database.
#include "indexer/index/index_pipeline.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/index_schema.h"
#include "index_fixture.h"
#include "indexer/extract/extract.h"

namespace corresp {
namespace {

using nlohmann::json;
using testing::MakeTestDataDir;
using testing::ReadManifest;

// Every document's data by id.
std::map<std::string, std::string> AllDocuments(const Config& config) {
  Xapian::Database db(IndexPath(config).string());
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    out[json::parse(doc.get_data()).at("id").get<std::string>()] = doc.get_data();
  }
  return out;
}

class IndexPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir =
        MakeTestDataDir(::testing::UnitTest::GetInstance()->current_test_info()->name(), true);
    ASSERT_TRUE(dir.ok()) << dir.status().ToString();
    dir_ = std::move(dir).value();
  }
  IndexReport Run(IndexOptions options = {}) {
    auto report = IndexPending(dir_.config, *dir_.catalog, *dir_.store, options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : IndexReport{};
  }
  testing::TestDataDir dir_;
};

TEST_F(IndexPipelineTest, IndexesEveryLetterAndIsIdempotent) {
  IndexReport first = Run();
  EXPECT_EQ(first.filings, ReadManifest().size() + 1);
  EXPECT_EQ(first.indexed, first.filings);
  EXPECT_EQ(first.failed, 0u);
  EXPECT_GT(first.documents, 60);
  auto before = AllDocuments(dir_.config);

  IndexReport again = Run();
  EXPECT_EQ(again.filings, 0u) << "nothing left to index";
  EXPECT_EQ(AllDocuments(dir_.config), before);

  IndexOptions rebuild;
  rebuild.rebuild = true;
  IndexReport rebuilt = Run(rebuild);
  EXPECT_EQ(rebuilt.filings, first.filings);
  EXPECT_EQ(AllDocuments(dir_.config), before) << "re-indexing changes nothing";
}

// Small batches: filings go company by company, so each batch boundary splits at most one
// company (catalog order, by accession, interleaves companies and re-links each in most
// batches); the index is the same as with one batch, and progress counts every filing once.
TEST_F(IndexPipelineTest, SmallBatchesGoCompanyByCompanyAndReportProgress) {
  IndexReport whole = Run();
  auto expected = AllDocuments(dir_.config);
  // Every filing again, into the index that holds them (a rebuild would write a new index).
  ASSERT_TRUE(dir_.catalog->ClearIndexed().ok());
  IndexOptions small;
  small.batch_size = 3;
  std::vector<IndexProgress> calls;
  small.progress = [&calls](const IndexProgress& p) { calls.push_back(p); };
  IndexReport batched = Run(small);
  EXPECT_EQ(AllDocuments(dir_.config), expected) << "batching changes nothing in the index";
  EXPECT_EQ(batched.companies, whole.companies);
  EXPECT_EQ(batched.threads, whole.threads);
  EXPECT_GE(batched.batches, batched.filings / 6) << "batches stretch by at most batch_size";
  EXPECT_LE(batched.relinks, batched.companies + batched.batches - 1);
  EXPECT_GT(batched.items, batched.indexed);

  ASSERT_FALSE(calls.empty());
  for (std::size_t i = 1; i < calls.size(); ++i) EXPECT_GE(calls[i].done, calls[i - 1].done);
  EXPECT_EQ(calls.back().done, batched.filings);
  EXPECT_EQ(calls.back().total, batched.filings);
  EXPECT_EQ(calls.back().items, batched.items);
  EXPECT_EQ(calls.size(), batched.filings + batched.batches) << "one per filing, one per commit";
}

// Threads opened and closed are counted from the companies re-linked, against the catalog's
// threads before the run: all new the first time, none on a re-index (in place or a rebuild)
// that changes nothing.
TEST_F(IndexPipelineTest, CountsThreadsOpenedAndClosedAgainstTheCatalog) {
  IndexReport first = Run();
  auto threads = dir_.catalog->ListThreads();
  ASSERT_TRUE(threads.ok());
  std::size_t closed = 0;
  for (const ReviewThread& t : *threads) closed += t.status == ThreadStatus::kClosed;
  ASSERT_GT(closed, 0u);
  EXPECT_EQ(first.threads, threads->size());
  EXPECT_EQ(first.threads_opened, threads->size());
  EXPECT_EQ(first.threads_closed, closed);

  for (bool rebuild : {false, true}) {  // every letter again: in place, then a new index
    SCOPED_TRACE(rebuild ? "rebuild" : "in place");
    if (!rebuild) {
      ASSERT_TRUE(dir_.catalog->ClearIndexed().ok());
    }
    IndexOptions options;
    options.rebuild = rebuild;
    options.batch_size = 4;
    IndexReport again = Run(options);
    EXPECT_EQ(again.threads, threads->size());
    EXPECT_EQ(again.threads_opened, 0u);
    EXPECT_EQ(again.threads_closed, 0u);
  }
}

TEST_F(IndexPipelineTest, ThreadsMatchManifest) {
  Run();
  auto threads = dir_.catalog->ListThreads();
  ASSERT_TRUE(threads.ok()) << threads.status().ToString();
  std::map<std::string, std::string> ours;  // accession -> our thread id
  for (const ReviewThread& t : *threads)
    for (const ThreadLetter& l : t.letters) ours[l.accession.text] = t.id;
  auto rows = ReadManifest();
  for (const auto& a : rows) {
    ASSERT_TRUE(ours.count(a.accession)) << a.accession;
    for (const auto& b : rows)
      EXPECT_EQ(a.thread == b.thread, ours[a.accession] == ours[b.accession])
          << a.accession << " / " << b.accession;
  }
  // The seed letter (2007) is its own review, not part of Citigroup's 2019 one.
  EXPECT_NE(ours[testing::kSeedAccession], ours["0000000000-19-012201"]);
  for (const ReviewThread& t : *threads) {
    EXPECT_EQ(t.id, t.cik.ToString() + "-" + t.letters.front().accession.text);
    EXPECT_GE(t.Days(), 0);
  }
}

TEST_F(IndexPipelineTest, EveryAnsweredCommentShowsItsResponse) {
  Run();
  auto docs = AllDocuments(dir_.config);
  int paired = 0;
  for (const auto& [id, data] : docs) {
    json d = json::parse(data);
    if (d["type"] != "response" || !d["comment"].is_object()) continue;
    ++paired;
    std::string comment_id = d["comment"]["id"];
    ASSERT_TRUE(docs.count(comment_id)) << comment_id;
    json c = json::parse(docs[comment_id]);
    ASSERT_TRUE(c["response"].is_object()) << comment_id << " answered by " << id;
    EXPECT_EQ(c["thread"], d["thread"]);
  }
  EXPECT_GE(paired, 10) << "the corpus has numbered responses in most threads";
}

TEST_F(IndexPipelineTest, RecordsExtractionFailureAndGoesOn) {
  Filing broken;
  broken.accession = *Accession::Parse("0000000000-20-999999");
  broken.cik = *Cik::Parse("1551152");
  broken.company = "AbbVie Inc.";
  broken.form = "UPLOAD";
  broken.date_filed = Date{2020, 11, 1};
  broken.fetch_state = FetchState::kFetched;
  DocumentInfo doc;
  doc.type = "UPLOAD";
  doc.filename = "filename1.pdf";
  doc.sha256 = std::string(64, 'a');  // not in the store
  broken.documents = {doc};
  ASSERT_TRUE(dir_.catalog->SaveFetched(broken).ok());
  IndexReport report = Run();
  EXPECT_EQ(report.failed, 1u);
  EXPECT_EQ(report.indexed, ReadManifest().size() + 1);
  auto failures = dir_.catalog->ListFailures();
  ASSERT_TRUE(failures.ok());
  bool found = false;
  for (const FailureRecord& f : *failures)
    found |= f.subject == "0000000000-20-999999" && f.stage == "extract";
  EXPECT_TRUE(found);
}

TEST_F(IndexPipelineTest, OlderExtractorVersionIsReindexed) {
  Run();
  Accession acc = *Accession::Parse("0001090872-16-000078");
  ASSERT_TRUE(dir_.catalog->MarkIndexed(acc, kExtractorVersion - 1).ok());
  IndexReport report = Run();
  EXPECT_EQ(report.filings, 1u);
  EXPECT_EQ(report.indexed, 1u);
}

// Letters and threads counted the slow way, from the records in the metadata.
std::map<std::string, long> ScannedTotals(const Config& config) {
  Xapian::Database db(IndexPath(config).string());
  std::map<std::string, long> n{{"letters", 0}, {"open", 0}, {"closed", 0}};
  std::string lp(schema::kMetaLetterPrefix), tp(schema::kMetaThreadPrefix);
  for (auto it = db.metadata_keys_begin(lp); it != db.metadata_keys_end(lp); ++it) ++n["letters"];
  for (auto it = db.metadata_keys_begin(tp); it != db.metadata_keys_end(tp); ++it) {
    std::string v = db.get_metadata(*it);
    if (!v.empty()) ++n[json::parse(v).at("status").get<std::string>()];
  }
  return n;
}

std::map<std::string, long> StoredTotals(const Config& config) {
  Xapian::Database db(IndexPath(config).string());
  auto get = [&](std::string_view key) {
    std::string v = db.get_metadata(std::string(key));
    return v.empty() ? -1L : std::stol(v);
  };
  return {{"letters", get(schema::kMetaCountLetters)},
          {"open", get(schema::kMetaCountThreadsOpen)},
          {"closed", get(schema::kMetaCountThreadsClosed)}};
}

TEST_F(IndexPipelineTest, RunningTotalsEqualAScanOfTheRecords) {
  Run();
  auto scanned = ScannedTotals(dir_.config);
  EXPECT_EQ(scanned["letters"], static_cast<long>(ReadManifest().size() + 1));
  EXPECT_EQ(StoredTotals(dir_.config), scanned);

  // Every company's threads rewritten in place, then a new index: totals must not drift.
  ASSERT_TRUE(dir_.catalog->ClearIndexed().ok());
  Run();
  EXPECT_EQ(StoredTotals(dir_.config), scanned) << "in place";
  IndexOptions rebuild;
  rebuild.rebuild = true;
  Run(rebuild);
  EXPECT_EQ(StoredTotals(dir_.config), scanned) << "rebuild";

  {  // an index written before the totals existed: the next writer counts them once
    Xapian::WritableDatabase db(IndexPath(dir_.config).string());
    for (auto key : {schema::kMetaCountLetters, schema::kMetaCountThreadsOpen,
                     schema::kMetaCountThreadsClosed})
      db.set_metadata(std::string(key), "");
    db.commit();
  }
  Accession acc = *Accession::Parse("0001090872-16-000078");
  ASSERT_TRUE(dir_.catalog->MarkIndexed(acc, kExtractorVersion - 1).ok());
  EXPECT_EQ(Run().indexed, 1u);
  EXPECT_EQ(StoredTotals(dir_.config), scanned);
}

TEST(PickLetterDocument, PrefersTheLetterType) {
  Filing f;
  DocumentInfo graphic{1, "GRAPHIC", "image1.gif", "", "image/gif", "x", 1};
  DocumentInfo letter{2, "CORRESP", "filename1.htm", "", "text/html", "y", 1};
  f.documents = {graphic, letter};
  EXPECT_EQ(PickLetterDocument(f)->filename, "filename1.htm");
  f.documents = {graphic, DocumentInfo{2, "EX-99", "letter.pdf", "", "application/pdf", "z", 1}};
  EXPECT_EQ(PickLetterDocument(f)->filename, "letter.pdf");
  f.documents = {graphic};
  EXPECT_FALSE(PickLetterDocument(f).has_value());
}

}  // namespace
}  // namespace corresp
