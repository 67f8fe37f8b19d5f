#include "store/catalog.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/catalog_transaction.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

IndexEntry Entry(const char* acc, const char* form, Date index_day) {
  IndexEntry e;
  e.form = form;
  e.company = "AGILENT TECHNOLOGIES, INC.";
  e.cik = Cik{1090872};
  e.date_filed = Date{2016, 9, 14};
  e.accession = *Accession::Parse(acc);
  e.path = "edgar/data/1090872/" + e.accession.text + ".txt";
  e.index_day = index_day;
  return e;
}

Filing Fetched(const char* acc) {
  Filing f;
  f.accession = *Accession::Parse(acc);
  f.cik = Cik{1090872};
  f.company = "AGILENT TECHNOLOGIES, INC.";
  f.form = "UPLOAD";
  f.date_filed = Date{2016, 9, 14};
  f.sic = "3826";
  f.state = "DE";
  f.fiscal_year_end = "1031";
  f.file_number = "001-15405";
  f.source_url = "http://127.0.0.1/x.txt";
  f.documents = {DocumentInfo{1, "UPLOAD", "filename1.pdf", "", "application/pdf",
                              std::string(64, 'a'), 1234}};
  return f;
}

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = Catalog::Open(dir_.path() / "catalog.sqlite");
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    catalog_ = std::move(c).value();
  }
  // Each of the multi-statement writes in a transaction of its own, as the callers do.
  Status ReplaceThreads(Cik cik, const std::vector<ReviewThread>& threads) {
    CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(*catalog_));
    CORRESP_RETURN_IF_ERROR(catalog_->ReplaceThreads(txn, cik, threads));
    return txn.Commit();
  }
  Status SaveFetchFailure(const Accession& acc, const Status& why) {
    CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(*catalog_));
    CORRESP_RETURN_IF_ERROR(catalog_->SaveFetchFailure(txn, acc, why, false));
    return txn.Commit();
  }
  testing::TempDir dir_;
  std::unique_ptr<Catalog> catalog_;
};

TEST_F(CatalogTest, NewCatalogIsAtTheCurrentSchema) {
  EXPECT_EQ(*catalog_->SchemaVersion(), Catalog::kSchemaVersion);
}

TEST_F(CatalogTest, DiscoveredThenFetchedKeepsOneRowWithDocuments) {
  ASSERT_TRUE(
      catalog_->AddDiscovered(Entry("0000000000-16-092800", "UPLOAD", {2016, 10, 28})).ok());
  ASSERT_TRUE(catalog_->AddDiscovered(Entry("0000000000-16-092800", "UPLOAD", {2016, 11, 1})).ok());
  auto f = *catalog_->GetFiling(*Accession::Parse("0000000000-16-092800"));
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->fetch_state, FetchState::kDiscovered);
  EXPECT_EQ(f->index_day, (Date{2016, 10, 28})) << "first index day kept";
  ASSERT_TRUE(catalog_->SaveFetched(Fetched("0000000000-16-092800")).ok());
  ASSERT_TRUE(catalog_->SaveFetched(Fetched("0000000000-16-092800")).ok());
  f = *catalog_->GetFiling(*Accession::Parse("0000000000-16-092800"));
  EXPECT_EQ(f->fetch_state, FetchState::kFetched);
  EXPECT_EQ(f->index_day, (Date{2016, 10, 28}));
  EXPECT_EQ(f->sic, "3826");
  ASSERT_EQ(f->documents.size(), 1u) << "re-saving replaces documents";
  EXPECT_EQ(f->documents[0].filename, "filename1.pdf");
  auto counts = *catalog_->Counts();
  EXPECT_EQ(counts.filings, 1);
  EXPECT_EQ(counts.upload, 1);
  EXPECT_EQ(*catalog_->ReferencedObjects(), std::vector<std::string>{std::string(64, 'a')});
}

TEST_F(CatalogTest, FailuresAreRecordedAndClearedBySuccess) {
  Accession acc = *Accession::Parse("0001090872-16-000078");
  ASSERT_TRUE(catalog_->AddDiscovered(Entry(acc.text.c_str(), "CORRESP", {2016, 10, 28})).ok());
  ASSERT_TRUE(SaveFetchFailure(acc, NetworkError("http://x/y.txt: HTTP 503")).ok());
  ASSERT_TRUE(SaveFetchFailure(acc, NetworkError("http://x/y.txt: HTTP 503")).ok());
  auto f = *catalog_->GetFiling(acc);
  EXPECT_EQ(f->fetch_state, FetchState::kFailed);
  EXPECT_EQ(f->attempts, 2);
  auto failures = *catalog_->ListFailures();
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].stage, "fetch");
  EXPECT_EQ(failures[0].code, "network");
  EXPECT_EQ(failures[0].attempts, 2);
  EXPECT_NE(failures[0].reason.find("y.txt"), std::string::npos);
  ASSERT_TRUE(catalog_->SaveFetched(Fetched(acc.text.c_str())).ok());
  EXPECT_TRUE(catalog_->ListFailures()->empty());
  EXPECT_EQ(catalog_->GetFiling(acc)->value().attempts, 3);
}

TEST_F(CatalogTest, IndexBookkeepingFollowsTheExtractorVersion) {
  ASSERT_TRUE(catalog_->SaveFetched(Fetched("0000000000-16-092800")).ok());
  ASSERT_TRUE(catalog_->SaveFetched(Fetched("0000000000-16-095373")).ok());
  EXPECT_EQ(catalog_->ListToIndex(1)->size(), 2u);
  ASSERT_TRUE(catalog_->MarkIndexed(*Accession::Parse("0000000000-16-092800"), 1).ok());
  EXPECT_EQ(catalog_->ListToIndex(1)->size(), 1u);
  EXPECT_EQ(catalog_->ListToIndex(2)->size(), 2u) << "a newer extractor re-indexes";
  // Never indexed and indexed by an older extractor come back together, in accession order.
  std::vector<FilingToIndex> both = *catalog_->ListToIndex(2);
  EXPECT_EQ(both[0].accession.text, "0000000000-16-092800");
  EXPECT_EQ(both[1].accession.text, "0000000000-16-095373");
  ASSERT_TRUE(catalog_->MarkIndexed(*Accession::Parse("0000000000-16-095373"), 2).ok());
  EXPECT_EQ(catalog_->ListToIndex(2)->size(), 1u) << "indexed by the current version";
  ASSERT_TRUE(catalog_->ClearIndexed().ok());
  EXPECT_EQ(catalog_->ListToIndex(1)->size(), 2u);
}

TEST_F(CatalogTest, FilingsToIndexComeInCompanyOrder) {
  // By accession the staff letters of every company would come before any company's reply.
  Filing reply = Fetched("0001090872-16-000001");
  reply.date_filed = Date{2016, 10, 1};
  Filing other = Fetched("0000000000-16-000001");
  other.cik = Cik{2000000};
  for (const Filing& f :
       {Fetched("0000000000-16-092800"), reply, other, Fetched("0000000000-16-000002")})
    ASSERT_TRUE(catalog_->SaveFetched(f).ok());
  std::vector<std::string> order;
  std::vector<std::uint64_t> ciks;
  for (const FilingToIndex& f : *catalog_->ListToIndex(1)) {
    order.push_back(f.accession.text);
    ciks.push_back(f.cik.value);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"0000000000-16-000002", "0000000000-16-092800",
                                             "0001090872-16-000001", "0000000000-16-000001"}));
  EXPECT_EQ(ciks.back(), 2000000u) << "each filing comes with its company";
}

TEST_F(CatalogTest, StateIsSetAndReplaced) {
  EXPECT_FALSE(catalog_->GetState("watermark")->has_value());
  ASSERT_TRUE(catalog_->SetState("watermark", "2016-10-28").ok());
  ASSERT_TRUE(catalog_->SetState("watermark", "2016-11-01").ok());
  EXPECT_EQ(**catalog_->GetState("watermark"), "2016-11-01");
}

TEST_F(CatalogTest, IndexDaysKeepSeenAndQuartersAreReconciledOnce) {
  const Date day{2019, 10, 3};
  ASSERT_TRUE(catalog_->RecordIndexDay(day, IndexDayOutcome::kMissing).ok());
  EXPECT_EQ(catalog_->ListIndexDays()->at(day), IndexDayOutcome::kMissing);
  ASSERT_TRUE(catalog_->RecordIndexDay(day, IndexDayOutcome::kSeen).ok());
  ASSERT_TRUE(catalog_->RecordIndexDay(day, IndexDayOutcome::kFailed).ok());
  EXPECT_EQ(catalog_->ListIndexDays()->at(day), IndexDayOutcome::kSeen) << "seen is sticky";
  ASSERT_TRUE(catalog_->MarkQuarterReconciled("2019Q4").ok());
  ASSERT_TRUE(catalog_->MarkQuarterReconciled("2019Q4").ok());
  EXPECT_EQ(*catalog_->ListReconciledQuarters(), std::set<std::string>{"2019Q4"});
}

TEST_F(CatalogTest, ThreadsAreReplacedPerCompany) {
  ReviewThread t;
  t.id = "1090872-0000000000-16-092800";
  t.cik = Cik{1090872};
  t.company = "AGILENT";
  t.status = ThreadStatus::kClosed;
  t.start = Date{2016, 9, 14};
  t.end = Date{2016, 9, 30};
  t.letters = {
      {*Accession::Parse("0000000000-16-092800"), "UPLOAD", "comment_letter", Date{2016, 9, 14}, 2},
      {*Accession::Parse("0000000000-16-095373"), "UPLOAD", "closing", Date{2016, 9, 30}, 0}};
  ASSERT_TRUE(ReplaceThreads(Cik{1090872}, {t}).ok());
  ASSERT_TRUE(ReplaceThreads(Cik{1090872}, {t}).ok());
  auto all = *catalog_->ListThreads();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].letters.size(), 2u);
  EXPECT_EQ(all[0].Days(), 16);
  EXPECT_EQ(all[0].status, ThreadStatus::kClosed);
  EXPECT_TRUE(catalog_->GetThread("nope")->has_value() == false);
  EXPECT_EQ(catalog_->Counts()->threads_closed, 1);
}

TEST(CatalogOpenTest, NotADatabaseIsCorruption) {
  testing::TempDir dir;
  std::filesystem::path file = dir.path() / "catalog.sqlite";
  FILE* f = fopen(file.c_str(), "w");
  fputs("this is not a database, just text that is long enough to look like a header....", f);
  fclose(f);
  auto c = Catalog::Open(file);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kCorruption) << c.status().ToString();
  EXPECT_NE(c.status().message().find("catalog.sqlite"), std::string::npos);
}

ReviewThread Thread(const char* id, const char* accession) {
  ReviewThread t;
  t.id = id;
  t.cik = Cik{1090872};
  t.company = "AGILENT";
  t.status = ThreadStatus::kOpen;
  t.start = Date{2016, 9, 14};
  t.letters = {{*Accession::Parse(accession), "UPLOAD", "comment_letter", Date{2016, 9, 14}, 2}};
  return t;
}

// The second insert fails (two threads with one id: the primary key), after the delete and
// the first insert ran: the company keeps exactly its old thread and letters.
TEST_F(CatalogTest, AFailedThreadReplacementLeavesTheOldThreads) {
  ReviewThread old = Thread("1090872-0000000000-16-092800", "0000000000-16-092800");
  ASSERT_TRUE(ReplaceThreads(Cik{1090872}, {old}).ok());
  ReviewThread fresh = Thread("1090872-0000000000-17-000001", "0000000000-17-000001");
  Status failed = ReplaceThreads(Cik{1090872}, {fresh, fresh});
  EXPECT_EQ(failed.code(), StatusCode::kIoError);
  EXPECT_NE(failed.message().find("UNIQUE constraint failed"), std::string::npos)
      << failed.ToString();
  std::vector<ReviewThread> after = *catalog_->ListThreads(Cik{1090872});
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].id, old.id);
  ASSERT_EQ(after[0].letters.size(), 1u);
  EXPECT_EQ(after[0].letters[0].accession.text, "0000000000-16-092800");
}

// The failure record's insert is refused (a trigger standing in for a full disk) after the
// filing's row was updated: the filing keeps its state and attempts.
TEST_F(CatalogTest, AFailedFailureRecordLeavesTheFilingAsItWas) {
  Accession acc = *Accession::Parse("0001090872-16-000078");
  ASSERT_TRUE(catalog_->AddDiscovered(Entry(acc.text.c_str(), "CORRESP", {2016, 10, 28})).ok());
  ASSERT_EQ(sqlite3_exec(catalog_->handle(),
                         "CREATE TEMP TRIGGER refuse BEFORE INSERT ON failures "
                         "BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  Status failed = SaveFetchFailure(acc, NetworkError("http://x/y.txt: HTTP 503"));
  EXPECT_EQ(failed.code(), StatusCode::kIoError);
  EXPECT_NE(failed.message().find("disk full (test)"), std::string::npos) << failed.ToString();
  auto f = *catalog_->GetFiling(acc);
  EXPECT_EQ(f->fetch_state, FetchState::kDiscovered);
  EXPECT_EQ(f->attempts, 0);
  EXPECT_TRUE(catalog_->ListFailures()->empty());
}

// Outside a transaction (or in one on another catalog, or one already committed) the writes
// are refused before any statement runs.
TEST_F(CatalogTest, MultiStatementWritesNeedAnOpenTransactionOnTheirCatalog) {
  Accession acc = *Accession::Parse("0001090872-16-000078");
  ASSERT_TRUE(catalog_->AddDiscovered(Entry(acc.text.c_str(), "CORRESP", {2016, 10, 28})).ok());
  auto other = Catalog::Open(dir_.path() / "other.sqlite");
  ASSERT_TRUE(other.ok());
  auto elsewhere = CatalogTransaction::Begin(**other);
  ASSERT_TRUE(elsewhere.ok());
  ReviewThread t = Thread("1090872-0000000000-16-092800", "0000000000-16-092800");
  EXPECT_EQ(catalog_->ReplaceThreads(*elsewhere, Cik{1090872}, {t}).code(), StatusCode::kInternal);
  EXPECT_EQ(catalog_->SaveFetchFailure(*elsewhere, acc, Internal("x"), false).code(),
            StatusCode::kInternal);
  auto ended = CatalogTransaction::Begin(*catalog_);
  ASSERT_TRUE(ended.ok());
  ASSERT_TRUE(ended->Commit().ok());
  EXPECT_EQ(catalog_->ReplaceThreads(*ended, Cik{1090872}, {t}).code(), StatusCode::kInternal);
  EXPECT_TRUE(catalog_->ListThreads()->empty());
  EXPECT_EQ((*catalog_->GetFiling(acc))->attempts, 0);
}

}  // namespace
}  // namespace corresp
