// `show`, `thread`, `similar` and the index figures of `stats`, read back from the index.
#include "query/lookup.h"

#include <gtest/gtest.h>

#include <cstring>

#include "index_fixture.h"
#include "query/index_stats.h"
#include "query/present.h"
#include "query/search.h"
#include "query/snippet.h"
#include "query_fixture.h"

namespace corresp {
namespace {

using nlohmann::json;

TEST(Show, LetterListsItemsInOrderWithPairedResponses) {
  auto reader = testing::OpenSharedIndex();
  auto shown = ShowItem(*reader, testing::kSeedAccession);
  ASSERT_TRUE(shown.ok()) << shown.status().ToString();
  const json& items = (*shown)["items"];
  ASSERT_EQ(items.size(), 12u);
  for (size_t i = 0; i < items.size(); ++i) EXPECT_EQ(items[i]["number"], static_cast<int>(i + 1));
  EXPECT_EQ((*shown)["company"], "CITIGROUP INC");

  // A CORRESP letter of the corpus: its responses carry the staff comment they answer.
  auto corresp = ShowItem(*reader, "0001090872-16-000078");
  ASSERT_TRUE(corresp.ok()) << corresp.status().ToString();
  bool paired = false;
  for (const json& item : (*corresp)["items"]) paired |= item["paired"].is_object();
  EXPECT_TRUE(paired);
}

TEST(Show, OneItemAndUnknownIds) {
  auto reader = testing::OpenSharedIndex();
  auto item = ShowItem(*reader, std::string(testing::kSeedAccession) + "#3");
  ASSERT_TRUE(item.ok());
  EXPECT_NE((*item)["item"]["text"].get<std::string>().find("held for sale"), std::string::npos);
  EXPECT_EQ(ShowItem(*reader, "0000000000-99-000000").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ShowItem(*reader, "0000000000-99-000000#1").status().code(), StatusCode::kNotFound);
}

// Every topic of an item comes with its evidence (docs/topics.md): show --json prints the
// document data, so a researcher sees why comment 3 (loans held for sale) was tagged.
TEST(Show, TopicsComeWithTheirEvidence) {
  auto reader = testing::OpenSharedIndex();
  auto shown = ShowItem(*reader, testing::kSeedAccession);
  ASSERT_TRUE(shown.ok());
  int evidenced = 0;
  for (const json& item : (*shown)["items"]) {
    ASSERT_TRUE(item.contains("topics_evidence")) << item["id"];
    const json& topics = item["topics"];
    const json& evidence = item["topics_evidence"];
    ASSERT_EQ(evidence.size(), topics.size()) << item["id"];
    for (size_t i = 0; i < topics.size(); ++i) {
      EXPECT_EQ(evidence[i]["slug"], topics[i]) << item["id"];
      EXPECT_FALSE(evidence[i]["cues"].empty()) << item["id"] << " " << topics[i];
      ++evidenced;
    }
  }
  EXPECT_GT(evidenced, 0);
  auto item = ShowItem(*reader, std::string(testing::kSeedAccession) + "#3");
  ASSERT_TRUE(item.ok());
  std::vector<std::string> cues;
  for (const json& e : (*item)["item"]["topics_evidence"])
    if (e["slug"] == "loans-held-for-sale") cues = e["cues"].get<std::vector<std::string>>();
  // The comment asks about "the classification of loans" under "Loans Held For Sale".
  EXPECT_EQ(cues, (std::vector<std::string>{"classification of loans", "SOP 01-6",
                                            "heading: loans held for sale"}))
      << (*item)["item"]["topics_evidence"].dump();
}

TEST(Thread, TimelineByThreadIdAccessionOrItem) {
  auto reader = testing::OpenSharedIndex();
  auto by_acc = GetThread(*reader, "0001090872-16-000078");
  ASSERT_TRUE(by_acc.ok()) << by_acc.status().ToString();
  const json& t = *by_acc;
  EXPECT_EQ(t["thread"], "1090872-0000000000-16-092800");
  EXPECT_EQ(t["cik"], "1090872");
  EXPECT_EQ(t["letters"].size(), 3u);
  EXPECT_EQ(t["start"], "2016-09-14");
  EXPECT_EQ(t["end"], "2016-09-30");
  EXPECT_EQ(t["days"], 16);
  for (const char* key : {"thread", "cik", "company", "status", "start", "end", "days", "letters"})
    EXPECT_TRUE(t.contains(key)) << key;
  for (const char* key : {"accession", "form", "kind", "date", "comments"})
    EXPECT_TRUE(t["letters"][0].contains(key)) << key;
  auto by_id = GetThread(*reader, "1090872-0000000000-16-092800");
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(*by_id, t);
  EXPECT_EQ(GetThread(*reader, "nope").status().code(), StatusCode::kNotFound);
  std::ostringstream text;
  PrintThreadText(text, t);
  EXPECT_NE(text.str().find("AGILENT"), std::string::npos);
}

TEST(Similar, PrecedentsComeFromOtherReviews) {
  auto reader = testing::OpenSharedIndex();
  std::string id = "0000000000-16-092800#1";
  auto item = ShowItem(*reader, id);
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  auto similar = Similar(*reader, id);
  ASSERT_TRUE(similar.ok()) << similar.status().ToString();
  ASSERT_FALSE(similar->hits.empty());
  for (const SearchHit& h : similar->hits) {
    EXPECT_NE(h.thread, (*item)["item"]["thread"]) << h.id;
    EXPECT_EQ(h.type, "comment");
  }
  EXPECT_EQ(Similar(*reader, "0000000000-99-000000#1").status().code(), StatusCode::kNotFound);
}

TEST(Stats, CountsMatchTheDocuments) {
  auto reader = testing::OpenSharedIndex();
  auto stats = ReadIndexStats(*reader);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  long comments = 0, responses = 0;
  for (const json& d : testing::AllDocumentData()) {
    comments += d["type"] == "comment";
    responses += d["type"] == "response";
  }
  EXPECT_EQ(stats->comments, comments);
  EXPECT_EQ(stats->responses, responses);
  EXPECT_EQ(stats->letters, static_cast<long>(testing::ReadManifest().size() + 1));
  EXPECT_EQ(stats->threads_open + stats->threads_closed, 12);  // 11 corpus threads + the seed
  EXPECT_GT(stats->by_year["2007"], 0);
  EXPECT_GT(stats->by_topic["hedge-accounting"], 0);
  EXPECT_FALSE(stats->last_indexed.empty());
  json j = IndexStatsToJson(*stats);
  EXPECT_EQ(j["threads"]["open"], stats->threads_open);
}

TEST(Present, SearchJsonShape) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.query = "\"loans held for sale\"";
  r.facets = true;
  auto res = Search(*reader, r);
  ASSERT_TRUE(res.ok());
  json j = SearchResponseToJson(*res);
  for (const char* key : {"query", "corrected", "total", "offset", "hits", "facets"})
    EXPECT_TRUE(j.contains(key)) << key;
  ASSERT_FALSE(j["hits"].empty());
  for (const char* key : {"id",          "type",     "accession", "form",
                          "kind",        "cik",      "company",   "date",
                          "letter_date", "number",   "headings",  "snippet",
                          "url",         "thread",   "topics",    "topics_evidence",
                          "standards",   "response", "comment",   "score"})
    EXPECT_TRUE(j["hits"][0].contains(key)) << key;
  for (const json& hit : j["hits"]) {
    ASSERT_EQ(hit["topics_evidence"].size(), hit["topics"].size()) << hit["id"];
    for (const json& e : hit["topics_evidence"]) EXPECT_FALSE(e["cues"].empty()) << hit["id"];
  }
  for (const char* key : {"form", "year", "company", "topic", "standard"})
    EXPECT_TRUE(j["facets"].contains(key)) << key;
  std::ostringstream text;
  PrintSearchText(text, *res, false);
  EXPECT_NE(text.str().find("CITIGROUP INC"), std::string::npos);
  EXPECT_EQ(text.str().find("<b>"), std::string::npos) << "plain text has no markup";
  EXPECT_EQ(text.str().find("&amp;"), std::string::npos) << "nor entities";
}

TEST(Search, StaffCommentHitsShowTheirResponse) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.kind = "comment";
  r.limit = 1000;
  auto res = Search(*reader, r);
  ASSERT_TRUE(res.ok());
  std::map<std::string, std::string> answered;  // comment id -> response id (from responses)
  for (const json& d : testing::AllDocumentData())
    if (d["type"] == "response" && d["comment"].is_object()) answered[d["comment"]["id"]] = d["id"];
  ASSERT_FALSE(answered.empty());
  int shown = 0;
  for (const SearchHit& h : res->hits) {
    if (!answered.count(h.id)) continue;
    ASSERT_TRUE(h.response.has_value()) << h.id;
    EXPECT_FALSE(h.response->snippet.empty()) << h.id;
    ++shown;
  }
  EXPECT_EQ(shown, static_cast<int>(answered.size()));
}

TEST(Search, ResponseHitsShowTheStaffCommentTheyAnswer) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.kind = "response";
  r.limit = 1000;
  auto res = Search(*reader, r);
  ASSERT_TRUE(res.ok());
  std::map<std::string, std::string> answers;  // response id -> comment id
  for (const json& d : testing::AllDocumentData())
    if (d["type"] == "response" && d["comment"].is_object()) answers[d["id"]] = d["comment"]["id"];
  ASSERT_FALSE(answers.empty());
  int shown = 0;
  for (const SearchHit& h : res->hits) {
    EXPECT_FALSE(h.response.has_value()) << h.id;
    if (!answers.count(h.id)) continue;
    ASSERT_TRUE(h.comment.has_value()) << h.id;
    EXPECT_EQ(h.comment->id, answers[h.id]);
    EXPECT_FALSE(h.comment->snippet.empty()) << h.id;
    ++shown;
  }
  EXPECT_EQ(shown, static_cast<int>(answers.size()));
}

// Every snippet field is HTML-escaped text: a raw '<' or an unescaped '&' never appears, in the
// hit's own snippet or in its paired item's.
TEST(Search, EverySnippetIsEscapedTheSameWay) {
  auto reader = testing::OpenSharedIndex();
  SearchRequest r;
  r.limit = 1000;
  r.highlight_start = "<b>";
  r.highlight_end = "</b>";
  auto res = Search(*reader, r);
  ASSERT_TRUE(res.ok());
  auto check = [](const std::string& snippet, const std::string& id) {
    std::string s = snippet;
    for (const char* marker : {"<b>", "</b>"})
      for (size_t p; (p = s.find(marker)) != std::string::npos;) s.erase(p, std::strlen(marker));
    EXPECT_EQ(s.find('<'), std::string::npos) << id << ": " << snippet;
    for (size_t p = s.find('&'); p != std::string::npos; p = s.find('&', p + 1))
      EXPECT_TRUE(s.compare(p, 5, "&amp;") == 0 || s.compare(p, 4, "&lt;") == 0 ||
                  s.compare(p, 4, "&gt;") == 0)
          << id << ": " << s.substr(p, 12);
  };
  int ampersands = 0;
  for (const SearchHit& h : res->hits) {
    check(h.snippet, h.id);
    if (h.response) check(h.response->snippet, h.id + " response");
    if (h.comment) check(h.comment->snippet, h.id + " comment");
    ampersands += h.snippet.find("&amp;") != std::string::npos;
  }
  EXPECT_GT(ampersands, 0) << "the corpus has '&' (MD&A, Q&A): the check must see some";
}

TEST(PlainSnippet, TurnsMarkupIntoTerminalText) {
  EXPECT_EQ(PlainSnippet("In <b>MD&amp;A</b> &lt;x&gt;", "[", "]"), "In [MD&A] <x>");
  EXPECT_EQ(PlainSnippet("a &amp;amp; b", "", ""), "a &amp; b");
  EXPECT_EQ(PlainSnippet("R&D stays &unknown;", "", ""), "R&D stays &unknown;");
  EXPECT_EQ(EscapeSnippetText("a<b>&c"), "a&lt;b&gt;&amp;c");
  EXPECT_EQ(PlainSnippet(EscapeSnippetText("5 < 6 & 7 > 3"), "", ""), "5 < 6 & 7 > 3");
}

}  // namespace
}  // namespace corresp
