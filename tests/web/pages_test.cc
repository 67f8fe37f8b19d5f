// The HTML pages over loopback against a real index, and the XSS cases: a crafted letter whose
// comment text holds <script> and whose company name holds an <img onerror> must show as text
// on every page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_client.h"
#include "web/html.h"
#include "web/page_layout.h"
#include "web/topic_names.h"
#include "web/web_app.h"
#include "web_fixture.h"

namespace corresp::testing {
namespace {

using nlohmann::json;

class PagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto index = WebTestIndex();
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    app_ = RunningApp::Start(*index).release();
    ASSERT_NE(app_, nullptr);
  }
  static void TearDownTestSuite() { delete app_; }
  void SetUp() override { ASSERT_NE(app_, nullptr); }

  static TestResponse Get(const std::string& target) { return HttpGet(app_->port(), target); }
  static std::string Page(const std::string& target, int status = 200) {
    TestResponse r = Get(target);
    EXPECT_EQ(r.status, status) << target;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << target;
    return r.body;
  }
  static RunningApp* app_;
};

RunningApp* PagesTest::app_ = nullptr;

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST_F(PagesTest, HomeShowsOverviewAndForm) {
  std::string home = Page("/");
  EXPECT_TRUE(Has(home, "<form class=\"search\""));
  EXPECT_TRUE(Has(home, "staff comments"));
  EXPECT_TRUE(Has(home, "<svg class=\"year-chart\""));
  EXPECT_TRUE(Has(home, "href=\"/assets/style.css\""));
  EXPECT_FALSE(Has(home, "http://cdn")) << "no external assets";
  EXPECT_FALSE(Has(home, "https://fonts"));
}

TEST_F(PagesTest, SearchPageWithoutJavaScript) {
  std::string page = Page("/?q=%22hedge+accounting%22");
  EXPECT_TRUE(Has(page, "<article class=\"hit"));
  EXPECT_TRUE(Has(page, "<mark>"));
  EXPECT_TRUE(Has(page, "class=\"facets\""));
  EXPECT_TRUE(Has(page, "<svg class=\"year-chart\""));
  EXPECT_TRUE(Has(page, "sec.gov"));
  EXPECT_TRUE(Has(page, "href=\"/thread/"));
  EXPECT_TRUE(Has(page, "Similar comments"));
  EXPECT_TRUE(Has(page, "value=\"&quot;hedge accounting&quot;\""))
      << "query kept in the box, escaped";
}

// Topics show the taxonomy's names (index metadata), not slugs, in facets, tags and chips.
TEST_F(PagesTest, TopicsShowTheirNames) {
  std::string page = Page("/?q=%22hedge+accounting%22&topic=hedge-accounting");
  EXPECT_TRUE(Has(page, ">Hedge accounting<")) << "tag or facet named";
  EXPECT_TRUE(Has(page, "topic: Hedge accounting")) << "active filter chip";
  EXPECT_FALSE(Has(page, "\">hedge accounting</a>")) << "no tag shows the slug";
  EXPECT_TRUE(Has(Page("/"), "Hedge accounting <span class=\"count\">")) << "home page topics";
}

// A topic tag says why it was assigned (the item's topics_evidence) as its tooltip.
TEST_F(PagesTest, TopicTagsShowTheirEvidence) {
  std::string page = Page("/?q=%22hedge+accounting%22&topic=hedge-accounting");
  EXPECT_TRUE(Has(page, "href=\"/?topic=hedge-accounting\" title=\"Assigned for: "))
      << "tag tooltip";
  EXPECT_TRUE(Has(page, "title=\"Assigned for: hedge accounting")) << "the cue itself";
}

TEST(TopicNames, UnknownSlugsInPlainWords) {
  auto names =
      web::TopicNames::FromMetadata(R"([{"slug":"liquidity-mdna","name":"Liquidity and MD&A"}])");
  EXPECT_EQ(names.Label("liquidity-mdna"), "Liquidity and MD&A");
  EXPECT_EQ(names.Label("new-topic"), "new topic");
  EXPECT_EQ(web::TopicNames::FromMetadata("not json").Label("a_b"), "a b");
}

TEST_F(PagesTest, FacetLinksFilter) {
  std::string page = Page("/?q=revenue");
  size_t at = page.find("data-facet=\"form\"");
  ASSERT_NE(at, std::string::npos);
  size_t href = page.find("href=\"", at);
  std::string link = page.substr(href + 6, page.find('"', href + 6) - href - 6);
  EXPECT_TRUE(Has(link, "form=")) << link;
  std::string filtered = Page(link.replace(link.find("&amp;"), 5, "&"));
  EXPECT_TRUE(Has(filtered, "class=\"chip\"")) << "the active filter is shown";
}

// Both directions of the pairing: a staff comment hit shows the company's answer beside it, and
// a response hit shows the staff comment it answers, each side linked to the other item.
TEST_F(PagesTest, HitsShowCommentAndResponseSideBySide) {
  json api = json::parse(Get("/api/search?q=revenue&kind=response&limit=50").body);
  std::string answered;
  for (const json& h : api["hits"])
    if (h["comment"].is_object()) answered = h["comment"]["id"];
  ASSERT_FALSE(answered.empty()) << "some response hit names the comment it answers";
  std::string page = Page("/?q=revenue&kind=response&limit=50");
  EXPECT_TRUE(Has(page,
                  "<div class=\"pair\"><div class=\"side staff\"><div class=\"side-label\">"
                  "<a href=\"/letter/"))
      << "the staff side of a response hit links to the comment";
  EXPECT_TRUE(Has(page, "#" + web::ItemAnchor(answered)));
  std::string comments = Page("/?q=revenue&kind=comment&limit=50");
  EXPECT_TRUE(Has(comments, "<div class=\"side company\"><div class=\"side-label\"><a href="))
      << "the company side of a comment hit links to the response";
}

TEST_F(PagesTest, SearchResultsLinkTheirExport) {
  std::string page = Page("/?q=revenue&form=upload&page=2");
  EXPECT_TRUE(
      Has(page, "href=\"/api/export?q=revenue&amp;form=upload&amp;level=comment&amp;format=csv\""))
      << page.substr(page.find("class=\"export\""), 400);
  EXPECT_TRUE(Has(page, "level=comment&amp;format=jsonl"));
  EXPECT_TRUE(Has(page, "level=thread&amp;format=csv"));
  // The link downloads the same matches.
  TestResponse csv = Get("/api/export?q=revenue&form=upload&level=comment&format=csv");
  EXPECT_EQ(csv.status, 200);
}

TEST_F(PagesTest, BadParametersShowTheReason) {
  std::string page = Page("/?q=x&since=notadate", 400);
  EXPECT_TRUE(Has(page, "bad date for since"));
  std::string long_query = Page("/?q=" + std::string(10 * 1024, 'y'), 400);
  EXPECT_TRUE(Has(long_query, "query too long"));
}

TEST_F(PagesTest, LetterThreadAndSimilarPages) {
  json hits = json::parse(Get("/api/search?q=%22hedge+accounting%22&kind=comment&limit=1").body);
  ASSERT_FALSE(hits["hits"].empty());
  const json& hit = hits["hits"][0];
  std::string letter = Page("/letter/" + hit["accession"].get<std::string>());
  EXPECT_TRUE(Has(letter, "Staff comment"));
  EXPECT_TRUE(Has(letter, "Company response"));
  EXPECT_TRUE(Has(letter, "Review thread"));
  std::string thread = Page("/thread/" + hit["thread"].get<std::string>());
  EXPECT_TRUE(Has(thread, "<ol class=\"timeline\">"));
  EXPECT_TRUE(Has(thread, "days"));
  std::string similar = Page("/similar/" + web::UrlEncode(hit["id"].get<std::string>()));
  EXPECT_TRUE(Has(similar, "Similar comments"));
  Page("/letter/0000000000-99-999999", 404);
  Page("/thread/nothing-here", 404);
}

// The thread page shows each staff comment's own timeline (first raised -> answered ->
// reissued -> resolved), the same facts as the thread JSON. Starbucks' 2019 review (test
// mirror): comment 3 of the May 6 letter is followed up by comment 1 of the July 8 letter, and
// the review closed on August 8.
TEST_F(PagesTest, ThreadPageShowsEachCommentsTimeline) {
  const std::string id = "829224-0000000000-19-008093";
  json t = json::parse(Get("/api/thread/" + id).body);
  ASSERT_TRUE(t["comments"].is_array());
  std::string page = Page("/thread/" + id);
  EXPECT_TRUE(Has(page, "<ol class=\"lifecycle\">"));
  size_t items = 0;
  for (size_t at = page.find("<li class=\"lc "); at != std::string::npos;
       at = page.find("<li class=\"lc ", at + 1))
    ++items;
  EXPECT_EQ(items, t["comments"].size());
  const json* reissued = nullptr;
  for (const json& c : t["comments"])
    if (c["id"] == "0000000000-19-008093#3") reissued = &c;
  ASSERT_NE(reissued, nullptr);
  EXPECT_EQ((*reissued)["status"], "reissued");
  EXPECT_EQ((*reissued)["followed_up_by"], json::array({"0000000000-19-010844#1"}));
  EXPECT_EQ((*reissued)["rounds"], 2);
  EXPECT_EQ((*reissued)["closed_date"], "2019-08-08");
  EXPECT_TRUE(
      Has(page, "<b>reissued</b> <span class=\"step-date\">2019-07-08</span> as <a href=\"" +
                    web::HtmlEscape(web::ItemHref("0000000000-19-010844#1")) + "\">"));
  EXPECT_TRUE(Has(page, "<b>answered</b> <span class=\"step-date\">2019-05-16</span>"));
  EXPECT_TRUE(Has(page, "<b>resolved</b> <span class=\"step-date\">2019-08-08</span>"));
  EXPECT_TRUE(Has(page, "followed up by comment 1 of the staff letter of 2019-07-08"));
  EXPECT_TRUE(Has(page, "<b>follows up</b>")) << "the follow-up links back";
}

// The search page offers a status facet; following it filters to that status, shown as a
// removable filter, with the same total as the `status:` field.
TEST_F(PagesTest, StatusFacetFiltersTheSearch) {
  std::string all = Page("/search?q=type%3Acomment");
  EXPECT_TRUE(Has(all, "data-facet=\"status\"><h3>Status</h3>"));
  EXPECT_TRUE(Has(all, "status=reissued"));
  std::string reissued = Page("/search?q=type%3Acomment&status=reissued");
  EXPECT_TRUE(Has(reissued, "status: reissued"));
  json by_param = json::parse(Get("/api/search?q=type%3Acomment&status=reissued").body);
  json by_field = json::parse(Get("/api/search?q=type%3Acomment+status%3Areissued").body);
  EXPECT_GT(by_param["total"].get<long>(), 0);
  EXPECT_EQ(by_param["total"], by_field["total"]);
  EXPECT_LT(by_param["total"].get<long>(),
            json::parse(Get("/api/search?q=type%3Acomment").body)["total"].get<long>());
}

TEST_F(PagesTest, SecurityHeaders) {
  TestResponse r = Get("/");
  EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
  EXPECT_TRUE(Has(r.headers["content-security-policy"], "script-src 'self'"));
  EXPECT_TRUE(Has(r.headers["content-security-policy"], "default-src 'none'"));
}

// ---- XSS: the crafted letter ------------------------------------------------------------

void ExpectInert(const std::string& page, const std::string& where) {
  EXPECT_FALSE(Has(page, kXssScript)) << where << ": raw <script> from the letter";
  EXPECT_FALSE(Has(page, "<script>alert")) << where;
  EXPECT_FALSE(Has(page, "<img src=x")) << where << ": raw <img> from the company name";
  EXPECT_FALSE(Has(page, "<b onmouseover")) << where;
  EXPECT_FALSE(Has(page, "onerror=alert(1)>")) << where;
  // The only script element is ours.
  size_t scripts = 0;
  for (size_t pos = page.find("<script"); pos != std::string::npos;
       pos = page.find("<script", pos + 1))
    ++scripts;
  EXPECT_EQ(scripts, 1u) << where;
}

TEST_F(PagesTest, XssLetterIsIndexedAndFindable) {
  json found = json::parse(Get("/api/search?q=swaps&cik=" + std::string(kXssCik)).body);
  ASSERT_GT(found["total"].get<long>(), 0) << found.dump();
  bool script_text = false;
  for (const json& h : found["hits"]) script_text |= Has(h["snippet"].get<std::string>(), "script");
  EXPECT_TRUE(script_text) << "the snippet carries the crafted text: " << found.dump();
}

TEST_F(PagesTest, XssSearchPageShowsMarkupAsText) {
  std::string page = Page("/?q=swaps+script&cik=" + std::string(kXssCik));
  EXPECT_TRUE(Has(page, "<article class=\"hit")) << page.substr(0, 2000);
  ExpectInert(page, "search page");
  // Shown as text (the snippet highlights the word "script" inside the escaped tag).
  EXPECT_TRUE(
      Has(page, "&lt;<mark>script</mark>&gt;alert(&#39;xss&#39;)&lt;/<mark>script</mark>&gt;"))
      << page;
  EXPECT_TRUE(Has(page, "EVIL &lt;img src=x onerror=alert(1)&gt; CORP"));
}

TEST_F(PagesTest, XssLetterAndThreadPagesShowMarkupAsText) {
  std::string letter = Page("/letter/" + std::string(kXssUploadAccession));
  ExpectInert(letter, "letter page");
  EXPECT_TRUE(Has(letter, "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"));
  std::string response = Page("/letter/" + std::string(kXssCorrespAccession));
  ExpectInert(response, "response letter page");
  json shown = json::parse(Get("/api/letter/" + std::string(kXssUploadAccession)).body);
  std::string thread = Page("/thread/" + shown["thread"].get<std::string>());
  ExpectInert(thread, "thread page");
  EXPECT_TRUE(Has(thread, "EVIL &lt;img"));
  std::string facets = Page("/?company=evil");
  ExpectInert(facets, "company facet");
}

TEST_F(PagesTest, XssInTheQueryItselfIsEscaped) {
  std::string page = Page("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_FALSE(Has(page, "<script>alert(1)"));
  EXPECT_TRUE(Has(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  std::string bad = Page("/?q=x&form=%3Cscript%3E", 400);
  EXPECT_FALSE(Has(bad, "<script>\'"));
  EXPECT_FALSE(Has(bad, "'<script>'"));
  std::string missing = Page("/no-such-%3Cscript%3E", 404);
  EXPECT_FALSE(Has(missing, "<script>"));
}

}  // namespace
}  // namespace corresp::testing

namespace corresp::testing {
namespace {

// Above --exact-facets-up-to matches the page marks its facet counts (and the chart) as
// estimates and /api/search says "facets_exact": false; with the default both are exact.
TEST(SampledFacets, ShowAsEstimates) {
  auto index = WebTestIndex();
  ASSERT_TRUE(index.ok());
  auto reader = IndexReader::Open(*index);
  ASSERT_TRUE(reader.ok());
  web::WebAppOptions sampled;
  sampled.limits.exact_facets_up_to = 5;
  const std::string page = "/?q=revenue+OR+accounting";
  const std::string api = "/api/search?q=revenue+OR+accounting&facets=1";
  web::HttpReply estimated = web::WebApp(sampled).Handle("GET", page, **reader);
  EXPECT_EQ(estimated.status, 200);
  EXPECT_TRUE(Has(estimated.body, "<span class=\"count\">≈"));
  EXPECT_TRUE(Has(estimated.body, "Counts are estimates"));
  json j = json::parse(web::WebApp(sampled).Handle("GET", api, **reader).body);
  EXPECT_GT(j["total"].get<long>(), 5);
  EXPECT_FALSE(j["facets_exact"].get<bool>());

  web::HttpReply exact = web::WebApp().Handle("GET", page, **reader);
  EXPECT_EQ(exact.status, 200);
  EXPECT_FALSE(Has(exact.body, "≈"));
  EXPECT_TRUE(Has(exact.body, "<span class=\"count\">"));
  EXPECT_TRUE(json::parse(web::WebApp().Handle("GET", api, **reader).body)["facets_exact"]);
}

}  // namespace
}  // namespace corresp::testing
