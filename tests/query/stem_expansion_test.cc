// Stemmed query words over an index of words (query/stem_expansion.h, schema 2): the stem's
// forms found from the stem's range of the term list, the query rewritten around them, and a
// word query matching exactly the documents that hold a form of the word.
#include "query/stem_expansion.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>

#include "config/options.h"
#include "core/index_schema.h"
#include "indexer/index/document_builder.h"
#include "query/search.h"
#include "query_fixture.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {

// A real glass database whose documents hold `words`, indexed as the writer indexes text.
class WordsIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db(dir_.path().string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    ConfigureTermGenerator(tg);
    for (const char* text :
         {"Please revise the disclosure; we revised it after revising the revision.",
          "The company and its companies; a companion review of reviews.",
          "Using the used user's use of uses.", "The possibility is possible, possibly.",
          "Inventory reserves", "hfs"}) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(text);
      db.add_document(doc);
    }
    db.commit();
    db_ = Xapian::Database(dir_.path().string());
  }
  testing::TempDir dir_;
  Xapian::Database db_;
};

TEST_F(WordsIndex, IndexHoldsWordsWithoutStems) {
  for (auto t = db_.allterms_begin(); t != db_.allterms_end(); ++t)
    EXPECT_FALSE((*t).starts_with(schema::kPrefixStem)) << *t;
  Xapian::Document first = db_.get_document(1);
  auto revised = first.termlist_begin();
  revised.skip_to("revised");
  ASSERT_EQ(*revised, "revised");
  EXPECT_EQ(revised.positionlist_count(), 1u) << "words keep their positions, for phrases";
}

TEST_F(WordsIndex, VariantsShareTheStem) {
  struct Row {
    const char* stem;
    std::vector<std::string> words;
    const char* why;
  };
  const Row rows[] = {
      {"revis", {"revise", "revised", "revising", "revision"}, "stem is a prefix of every form"},
      {"compani", {"companies", "company"}, "y -> i: the form lacks the stem's last letter"},
      {"use", {"use", "used", "uses", "using"}, "e added back: 'using' lacks it"},
      {"possibl", {"possibility", "possible", "possibly"}, "-biliti -> -ble"},
      {"review", {"review", "reviews"}, "not 'revise': another stem in the same range"},
      {"hfs", {"hfs"}, "an abbreviation term is its own stem"},
      {"zzz", {}, "absent"},
  };
  for (const Row& row : rows) EXPECT_EQ(StemVariants(db_, row.stem), row.words) << row.why;
}

Xapian::Query Parse(const Xapian::Database& db, const std::string& text) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_boolean_prefix("year", std::string(schema::kPrefixYear));
  return qp.parse_query(text,
                        Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT);
}

std::set<std::string> Terms(const Xapian::Query& q) {
  return {q.get_terms_begin(), q.get_terms_end()};
}

TEST_F(WordsIndex, StemTermsBecomeTheirForms) {
  Xapian::Query q = ExpandStems(db_, Parse(db_, "revise -company year:2007"));
  EXPECT_EQ(Terms(q), (std::set<std::string>{"revise", "revised", "revising", "revision",
                                             "companies", "company", "XY2007"}))
      << q.get_description();
  // A phrase (unstemmed words), an unknown word and a pure NOT keep their form.
  Xapian::Query phrase = Parse(db_, "\"revised it\"");
  EXPECT_EQ(ExpandStems(db_, phrase).get_description(), phrase.get_description());
  EXPECT_EQ(Terms(ExpandStems(db_, Parse(db_, "zzzword"))), std::set<std::string>{"Zzzzword"});
  EXPECT_EQ(Terms(ExpandStems(db_, Parse(db_, "NOT revise"))),
            (std::set<std::string>{"revise", "revised", "revising", "revision"}));
}

TEST_F(WordsIndex, ExpandedQueryMatchesEveryForm) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(ExpandStems(db_, Parse(db_, "revisions")));
  EXPECT_EQ(enquire.get_mset(0, 10).get_matches_estimated(), 1u);
  enquire.set_query(ExpandStems(db_, Parse(db_, "companies OR using")));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 2u);
}

// On the test index built by the real pipeline: for each word of a sample of its vocabulary,
// the stem's range of the term list gives the same forms as a scan of the whole term list, so
// a word query matches every document holding any form (what the schema-1 Z term matched).
TEST(StemExpansionOnTheTestIndex, RangeFindsEveryFormOfTheVocabulary) {
  Xapian::Database db(IndexPath(testing::SharedIndexConfig()).string());
  Xapian::Stem stem("english");
  std::map<std::string, std::vector<std::string>> by_stem;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    const std::string& w = *t;
    if (w.empty() || !std::islower(static_cast<unsigned char>(w[0]))) continue;
    by_stem[stem(w)].push_back(w);
  }
  ASSERT_GT(by_stem.size(), 1000u);
  long checked = 0, several = 0;
  for (const auto& [s, words] : by_stem) {
    if (words.size() > kMaxStemVariants) continue;
    EXPECT_EQ(StemVariants(db, s), words) << s;
    ++checked;
    several += words.size() > 1;
  }
  EXPECT_GT(several, 100) << checked;
}

TEST(StemExpansionOnTheTestIndex, WordQueryCountsEveryDocumentWithAForm) {
  auto reader = testing::OpenSharedIndex();
  Xapian::Database db(IndexPath(testing::SharedIndexConfig()).string());
  for (const char* word : {"revised", "hedging", "company", "disclosures"}) {
    std::string st = Xapian::Stem("english")(word);
    std::set<Xapian::docid> docs;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
      if (Xapian::Stem("english")(*t) == st)
        for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) docs.insert(*p);
    ASSERT_FALSE(docs.empty()) << word;
    SearchRequest r;
    r.query = word;
    r.facets = true;  // counts every match: an exact total (OP_SYNONYM's estimate is not)
    auto res = Search(*reader, r);
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->total, static_cast<long>(docs.size())) << word;
  }
}

}  // namespace
}  // namespace corresp
