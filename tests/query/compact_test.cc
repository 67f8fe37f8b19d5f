// `corresp index --compact` (indexer/index/compact.h) on a real index: the same documents,
// document ids and metadata after it, a smaller index, an open reader that keeps answering
// across the swap, a later re-index that still replaces (not duplicates) a letter's
// documents, and a stale copy from a crashed run cleared.
#include "indexer/index/compact.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <map>

#include "index_fixture.h"
#include "indexer/extract/extract.h"
#include "indexer/index/index_pipeline.h"
#include "query/search.h"

namespace corresp {
namespace {

namespace fs = std::filesystem;

// docid -> data, and every metadata key -> value.
std::pair<std::map<Xapian::docid, std::string>, std::map<std::string, std::string>> Snapshot(
    const fs::path& index) {
  Xapian::Database db(index.string());
  std::map<Xapian::docid, std::string> docs;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    docs[*it] = db.get_document(*it).get_data();
  std::map<std::string, std::string> meta;
  for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it)
    meta[*it] = db.get_metadata(*it);
  return {docs, meta};
}

TEST(CompactIndex, SameContentSmallerAndReadersKeepAnswering) {
  auto dir = testing::MakeTestDataDir("compact-index", true);
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  ASSERT_TRUE(IndexPending(dir->config, *dir->catalog, *dir->store).ok());
  // A second full write in place leaves free blocks behind, as months of refreshes do (a
  // rebuild would write a new, compacted index instead).
  ASSERT_TRUE(dir->catalog->ClearIndexed().ok());
  ASSERT_TRUE(IndexPending(dir->config, *dir->catalog, *dir->store).ok());
  fs::path index = IndexPath(dir->config);
  auto before = Snapshot(index);

  auto reader = IndexReader::Open(index);
  ASSERT_TRUE(reader.ok());
  SearchRequest r;
  r.query = "\"hedge accounting\"";
  auto hits_before = Search(**reader, r);
  ASSERT_TRUE(hits_before.ok());
  ASSERT_GT(hits_before->total, 0);

  fs::path stale = index;
  stale += ".compacting";
  fs::create_directories(stale);  // left by a crashed run
  std::ofstream(stale / "junk") << "partial";

  auto report = CompactIndex(index);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_LT(report->bytes_after, report->bytes_before);
  EXPECT_FALSE(fs::exists(stale)) << "the old index is removed after the swap";
  EXPECT_EQ(Snapshot(index), before) << "same documents under the same ids, same metadata";

  auto hits_after = Search(**reader, r);  // the reader opened before the swap
  ASSERT_TRUE(hits_after.ok()) << hits_after.status().ToString();
  EXPECT_EQ(hits_after->total, hits_before->total);
  ASSERT_EQ(hits_after->hits.size(), hits_before->hits.size());
  EXPECT_EQ(hits_after->hits[0].id, hits_before->hits[0].id);

  // Re-indexing a letter after compaction replaces its documents by the kept docids.
  Accession acc = *Accession::Parse(testing::kSeedAccession);
  ASSERT_TRUE(dir->catalog->MarkIndexed(acc, kExtractorVersion - 1).ok());
  ASSERT_TRUE(IndexPending(dir->config, *dir->catalog, *dir->store).ok());
  EXPECT_EQ(Snapshot(index).first.size(), before.first.size()) << "no duplicated documents";
}

TEST(CompactIndex, MissingIndexIsNotFound) {
  auto report = CompactIndex(fs::temp_directory_path() / "corresp-no-such-index");
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace corresp
