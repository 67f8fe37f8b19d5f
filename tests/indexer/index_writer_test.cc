// The index writer's throughput machinery must not change what it writes: documents built on
// worker threads give the same index as documents built on the writing thread, and a letter
// whose documents' inputs are unchanged keeps its documents (fingerprints), so indexing in
// small batches ends in the same documents as indexing in one. Real Xapian databases, the test
// corpus indexed by the real pipeline.
#include "indexer/index/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "core/index_schema.h"
#include "index_fixture.h"
#include "indexer/index/index_pipeline.h"
#include "tests/indexer/test_letter_record.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

namespace s = schema;

// Everything a search can see of one document: its terms (with wdf and positions), values and
// data.
std::string DescribeDocument(const Xapian::Document& doc) {
  std::string out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    out += *t + ":" + std::to_string(t.get_wdf()) + "@";
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
      out += std::to_string(*p) + ",";
    out += " ";
  }
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
    out += "\n#" + std::to_string(v.get_valueno()) + "=" + *v;
  return out + "\n" + doc.get_data();
}

// The unique (Q) term of a document.
std::string UniqueTerm(const Xapian::Document& doc) {
  auto t = doc.termlist_begin();
  t.skip_to(std::string(s::kPrefixId));
  return t != doc.termlist_end() ? *t : "";
}

struct IndexDump {
  std::vector<std::string> order;                // unique terms in docid order
  std::map<std::string, std::string> documents;  // unique term -> DescribeDocument
  std::map<std::string, unsigned> spellings;     // word -> frequency
  std::map<std::string, std::string> metadata;   // all but the time of the last run
};

IndexDump Dump(const std::filesystem::path& path) {
  Xapian::Database db(path.string());
  IndexDump d;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    std::string q = UniqueTerm(doc);
    d.order.push_back(q);
    d.documents[q] = DescribeDocument(doc);
  }
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    d.spellings[*it] = it.get_termfreq();
  for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it)
    if (*it != s::kMetaLastIndexed) d.metadata[*it] = db.get_metadata(*it);
  return d;
}

// Indexes the test corpus (with the seed letter) into a fresh data dir.
IndexDump IndexTestCorpus(const std::string& name, int builder_threads, std::size_t batch_size) {
  auto dir = testing::MakeTestDataDir(name, true);
  EXPECT_TRUE(dir.ok()) << dir.status().ToString();
  if (!dir.ok()) return {};
  IndexOptions options;
  options.batch_size = batch_size;
  options.writer.builder_threads = builder_threads;
  options.writer.max_letters_in_flight = 3;  // the bound is reached and waited on
  auto report = IndexPending(dir->config, *dir->catalog, *dir->store, options);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return Dump(IndexPath(dir->config));
}

TEST(IndexWriterThreads, BuilderThreadsWriteTheSameIndex) {
  IndexDump inline_built = IndexTestCorpus("builders0", 0, 7);
  ASSERT_GT(inline_built.order.size(), 60u);
  for (int threads : {1, 2}) {
    IndexDump d = IndexTestCorpus("builders" + std::to_string(threads), threads, 7);
    EXPECT_EQ(d.order, inline_built.order) << threads << " threads: docid order";
    EXPECT_EQ(d.documents, inline_built.documents) << threads << " threads";
    EXPECT_EQ(d.spellings, inline_built.spellings) << threads << " threads";
    EXPECT_EQ(d.metadata, inline_built.metadata) << threads << " threads";
  }
}

TEST(IndexWriterFingerprints, SmallBatchesEndInTheSameDocumentsAsOne) {
  // Batches of 3 filings re-link companies many times; letters whose documents' inputs did not
  // change are skipped, and no document may be left stale by that.
  IndexDump one = IndexTestCorpus("one_batch", 1, 1000);
  IndexDump small = IndexTestCorpus("small_batches", 1, 3);
  EXPECT_EQ(small.documents, one.documents);
  EXPECT_EQ(small.order.size(), one.order.size()) << "no duplicate documents";
}

TEST(IndexWriterFingerprints, OnlyLettersWhoseInputsChangedAreRewritten) {
  using testing::TestLetter;
  ::corresp::testing::TempDir dir;
  auto writer = IndexWriter::Open(dir.path() / "index");
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  IndexWriter& w = **writer;
  auto [staff, reply] = testing::OneCommentAnswered();
  ASSERT_TRUE(w.PutLetter(staff).ok());
  ASSERT_TRUE(w.PutLetter(reply).ok());
  ASSERT_TRUE(w.RebuildCompany(Cik{42}).ok());
  EXPECT_EQ(w.stats().letters_built, 2);
  Xapian::docid last = w.database().get_lastdocid();

  ASSERT_TRUE(w.RebuildCompany(Cik{42}).ok());  // nothing changed
  EXPECT_EQ(w.stats().letters_built, 2);
  EXPECT_EQ(w.stats().letters_unchanged, 2);
  EXPECT_EQ(w.database().get_lastdocid(), last) << "no document rewritten";

  // A closing letter changes the staff comment's status (its document) but not the reply's.
  ASSERT_TRUE(
      w.PutLetter(TestLetter("0000000000-20-000002", "UPLOAD", LetterKind::kClosing, {2020, 3, 1}))
          .ok());
  ASSERT_TRUE(w.RebuildCompany(Cik{42}).ok());
  EXPECT_EQ(w.stats().letters_built, 4) << "the staff letter and the closing letter";
  EXPECT_EQ(w.stats().letters_unchanged, 3) << "the reply";
  ASSERT_TRUE(w.Commit().ok());
  EXPECT_EQ(*w.DocumentCount(), 3);
  EXPECT_EQ(w.database().get_termfreq(s::Term(s::kPrefixStatus, "resolved")), 1u);

  // A changed record (re-extracted text) is rebuilt.
  reply.letter.responses[0].text = "We revised the policy.";
  ASSERT_TRUE(w.PutLetter(reply).ok());
  ASSERT_TRUE(w.RebuildCompany(Cik{42}).ok());
  EXPECT_EQ(w.stats().letters_built, 6) << "the reply and the staff letter showing its text";
  ASSERT_TRUE(w.Commit().ok());
  EXPECT_EQ(*w.DocumentCount(), 3);
}

}  // namespace
}  // namespace corresp
