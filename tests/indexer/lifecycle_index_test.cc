// A staff comment's status depends on later letters, so the writer rewrites the documents of a
// thread when a new letter joins it: here a real Xapian index (IndexWriter) is written once
// with a comment letter and its answer (responded), then again after the closing arrives
// (resolved), and the comment's document, status term and thread record all follow.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "core/index_schema.h"
#include "indexer/index/index_writer.h"
#include "tests/indexer/test_letter_record.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

namespace s = schema;
using nlohmann::json;

using testing::TestLetter;

json DocumentData(Xapian::Database& db, const std::string& id) {
  Xapian::PostingIterator p = db.postlist_begin(s::Term(s::kPrefixId, id));
  if (p == db.postlist_end(s::Term(s::kPrefixId, id))) return nullptr;
  return json::parse(db.get_document(*p).get_data());
}

TEST(LifecycleIndex, ALaterLetterRewritesTheStatusOfEarlierComments) {
  testing::TempDir dir;
  auto writer = IndexWriter::Open(dir.path() / "index");
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  auto [staff, reply] = testing::OneCommentAnswered();
  ASSERT_TRUE((*writer)->PutLetter(staff).ok());
  ASSERT_TRUE((*writer)->PutLetter(reply).ok());
  ASSERT_TRUE((*writer)->RebuildCompany(Cik{42}).ok());
  ASSERT_TRUE((*writer)->Commit().ok());
  {
    Xapian::Database db((dir.path() / "index").string());
    json c = DocumentData(db, "0000000000-20-000001#1");
    EXPECT_EQ(c["status"], "responded");
    EXPECT_EQ(c["closed_date"], nullptr);
    EXPECT_EQ(db.get_termfreq(s::Term(s::kPrefixStatus, "responded")), 1u);
  }
  LetterRecord closing =
      TestLetter("0000000000-20-000002", "UPLOAD", LetterKind::kClosing, {2020, 3, 1});
  ASSERT_TRUE((*writer)->PutLetter(closing).ok());
  ASSERT_TRUE((*writer)->RebuildCompany(Cik{42}).ok());
  ASSERT_TRUE((*writer)->Commit().ok());
  Xapian::Database db((dir.path() / "index").string());
  json c = DocumentData(db, "0000000000-20-000001#1");
  EXPECT_EQ(c["status"], "resolved");
  EXPECT_EQ(c["closed_date"], "2020-03-01");
  EXPECT_EQ(c["days_to_close"], 51);
  EXPECT_EQ(db.get_termfreq(s::Term(s::kPrefixStatus, "responded")), 0u) << "old term gone";
  EXPECT_EQ(db.get_termfreq(s::Term(s::kPrefixStatus, "resolved")), 1u);
  json thread = json::parse(
      db.get_metadata(std::string(s::kMetaThreadPrefix) + "42-" + staff.accession.text));
  ASSERT_EQ(thread["comments"].size(), 1u);
  EXPECT_EQ(thread["comments"][0]["status"], "resolved");
  EXPECT_EQ(thread["comments"][0]["responses"][0]["id"], "0000000042-20-000001#1");
}

}  // namespace
}  // namespace corresp
