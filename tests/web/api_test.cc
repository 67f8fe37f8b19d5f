// The JSON API over loopback against a real index: every endpoint, its errors, and that
// /api/search answers exactly what the query layer's presenter (`corresp search --json`) does.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "query/export.h"
#include "query/present.h"
#include "query/search.h"
#include "test_client.h"
#include "tests/support/csv_reader.h"
#include "web/html.h"
#include "web_fixture.h"

namespace corresp::testing {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto index = WebTestIndex();
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    index_ = new std::filesystem::path(*index);
    app_ = RunningApp::Start(*index).release();
    ASSERT_NE(app_, nullptr);
  }
  static void TearDownTestSuite() {
    delete app_;
    delete index_;
  }
  void SetUp() override { ASSERT_NE(app_, nullptr); }

  static TestResponse Get(const std::string& target) { return HttpGet(app_->port(), target); }
  static json GetJson(const std::string& target, int expected_status) {
    TestResponse r = Get(target);
    EXPECT_EQ(r.status, expected_status) << target << "\n" << r.body.substr(0, 400);
    EXPECT_EQ(r.content_type, "application/json") << target;
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << target;
    return j;
  }
  static void ExpectError(const std::string& target, int status, const std::string& message_part) {
    json j = GetJson(target, status);
    ASSERT_TRUE(j.contains("error")) << target;
    EXPECT_EQ(j["error"]["status"], status);
    std::string message = j["error"].value("message", "");
    EXPECT_NE(message.find(message_part), std::string::npos) << target << ": " << message;
  }
  // The first hit of a search (for ids).
  static json FirstHit(const std::string& qs) {
    json j = GetJson("/api/search?" + qs, 200);
    if (!j.contains("hits") || j["hits"].empty()) return json();
    return j["hits"][0];
  }

  static RunningApp* app_;
  static std::filesystem::path* index_;
};

RunningApp* ApiTest::app_ = nullptr;
std::filesystem::path* ApiTest::index_ = nullptr;

TEST_F(ApiTest, SearchHedgeAccountingHasHitsWithHighlightedSnippets) {
  json j = GetJson("/api/search?q=%22hedge+accounting%22", 200);
  EXPECT_EQ(j["query"], "\"hedge accounting\"");
  ASSERT_GT(j["total"].get<long>(), 0);
  ASSERT_FALSE(j["hits"].empty());
  for (const json& hit : j["hits"]) {
    for (const char* key : {"id", "type", "accession", "form", "kind", "cik", "company", "date",
                            "letter_date", "number", "headings", "snippet", "url", "thread",
                            "topics", "standards", "response", "score"})
      EXPECT_TRUE(hit.contains(key)) << key;
    EXPECT_NE(hit["url"].get<std::string>().find("sec.gov"), std::string::npos);
  }
  EXPECT_NE(j["hits"][0]["snippet"].get<std::string>().find("<b>"), std::string::npos);
}

TEST_F(ApiTest, SearchJsonEqualsThePresenterOfTheQueryLayer) {
  auto reader = IndexReader::Open(*index_);
  ASSERT_TRUE(reader.ok());
  SearchRequest request;
  request.query = "\"hedge accounting\"";
  request.form = "upload";
  request.facets = true;
  request.limit = 5;
  auto direct = Search(**reader, request);
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  json expected = SearchResponseToJson(*direct);
  json got = GetJson("/api/search?q=%22hedge+accounting%22&form=upload&facets=1&limit=5", 200);
  EXPECT_EQ(got, expected);
}

TEST_F(ApiTest, FacetsAndFilters) {
  json j = GetJson("/api/search?q=revenue&facets=1", 200);
  ASSERT_TRUE(j["facets"].contains("form"));
  ASSERT_TRUE(j["facets"].contains("year"));
  json only = GetJson("/api/search?q=revenue&form=corresp&limit=50", 200);
  ASSERT_FALSE(only["hits"].empty());
  for (const json& hit : only["hits"]) EXPECT_EQ(hit["form"], "CORRESP");
  long corresp = j["facets"]["form"].value("corresp", 0L);
  EXPECT_EQ(only["total"].get<long>(), corresp);
  json dated = GetJson("/api/search?q=revenue&since=2016&until=2016&limit=50", 200);
  for (const json& hit : dated["hits"])
    EXPECT_EQ(hit["date"].get<std::string>().substr(0, 4), "2016");
}

TEST_F(ApiTest, PagingMovesThroughResults) {
  json first = GetJson("/api/search?q=revenue&limit=3", 200);
  json second = GetJson("/api/search?q=revenue&limit=3&offset=3", 200);
  ASSERT_EQ(first["hits"].size(), 3u);
  ASSERT_FALSE(second["hits"].empty());
  EXPECT_EQ(second["offset"], 3);
  EXPECT_NE(first["hits"][0]["id"], second["hits"][0]["id"]);
}

TEST_F(ApiTest, EmptyQueryBrowsesEverything) {
  json stats = GetJson("/api/stats", 200);
  json all = GetJson("/api/search?q=&sort=newest", 200);
  EXPECT_EQ(all["total"], stats["documents"]);
}

TEST_F(ApiTest, BadSearchInputIs400WithReason) {
  ExpectError("/api/search?q=" + std::string(10 * 1024, 'x'), 400, "query too long");
  ExpectError("/api/search?q=swap&form=10-K", 400, "unknown form");
  ExpectError("/api/search?q=swap&kind=memo", 400, "unknown kind");
  ExpectError("/api/search?q=swap&since=2005-02-30", 400, "bad date");
  ExpectError("/api/search?q=swap&limit=100000", 400, "limit");
  ExpectError("/api/search?q=swap&offset=999999", 400, "window");
  ExpectError("/api/search?q=swap&color=red", 400, "unknown parameter");
}

TEST_F(ApiTest, OddQueriesNeverFail500) {
  for (const char* q :
       {"%22hedge+accounting", "%22%22%22", "(((", "AND", "NOT", "company:", "2005..", "..", "*",
        "a*", "%00", "%FF%FE", "standard:%22", "date:2005..bad"}) {
    TestResponse r = Get(std::string("/api/search?q=") + q);
    EXPECT_TRUE(r.status == 200 || r.status == 400) << q << " -> " << r.status << " " << r.body;
    EXPECT_FALSE(json::parse(r.body, nullptr, false).is_discarded()) << q;
  }
}

TEST_F(ApiTest, UnknownFilterValuesMatchNothing) {
  json j = GetJson("/api/search?q=revenue&topic=no-such-topic", 200);
  EXPECT_EQ(j["total"], 0);
  json c = GetJson("/api/search?company=nosuchcompanyxyz", 200);
  EXPECT_EQ(c["total"], 0);
}

TEST_F(ApiTest, LetterThreadSimilarItem) {
  json hit = FirstHit("q=%22hedge+accounting%22&kind=comment");
  ASSERT_TRUE(hit.is_object());
  std::string accession = hit["accession"], thread = hit["thread"], id = hit["id"];

  json letter = GetJson("/api/letter/" + accession, 200);
  EXPECT_EQ(letter["accession"], accession);
  ASSERT_FALSE(letter["items"].empty());
  EXPECT_TRUE(letter["items"][0].contains("paired"));

  json item = GetJson("/api/item/" + web::UrlEncode(id), 200);
  EXPECT_EQ(item["item"]["id"], id);

  json t = GetJson("/api/thread/" + thread, 200);
  EXPECT_EQ(t["thread"], thread);
  ASSERT_FALSE(t["letters"].empty());
  for (const char* key : {"status", "start", "days", "company"})
    EXPECT_TRUE(t.contains(key)) << key;

  json similar = GetJson("/api/similar/" + web::UrlEncode(id) + "?limit=3", 200);
  EXPECT_LE(similar["hits"].size(), 3u);
  for (const json& h : similar["hits"]) EXPECT_NE(h["thread"], thread);
}

TEST_F(ApiTest, UnknownIdsAre404MalformedAre400) {
  ExpectError("/api/letter/0000000000-99-999999", 404, "not in the index");
  ExpectError("/api/thread/nope-0000000000-99-999999", 404, "no such thread");
  ExpectError("/api/similar/0000000000-99-999999%231", 404, "not in the index");
  ExpectError("/api/item/0000000000-99-999999%231", 404, "not in the index");
  ExpectError("/api/letter/..%2F..%2Fetc%2Fpasswd", 400, "malformed id");
  ExpectError("/api/letter/" + std::string(200, '1'), 400, "malformed id");
  ExpectError("/api/similar/0000000000-07-000703%231?limit=0", 400, "limit");
  ExpectError("/api/similar/0000000000-07-000703%231?depth=2", 400, "unknown parameter");
  ExpectError("/api/item/0000000000-07-000703", 400, "not an item id");
}

TEST_F(ApiTest, StatsFigures) {
  json s = GetJson("/api/stats", 200);
  EXPECT_GT(s["documents"].get<long>(), 0);
  EXPECT_GT(s["comments"].get<long>(), 0);
  EXPECT_GT(s["letters"].get<long>(), 30);
  EXPECT_TRUE(s["threads"].contains("open"));
  EXPECT_FALSE(s["by_year"].empty());
}

TEST_F(ApiTest, UnknownPathsAre404) {
  ExpectError("/api/nope", 404, "no such page");
  ExpectError("/api/", 404, "no such page");
  TestResponse page = Get("/no/such/page");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.content_type.find("text/html"), std::string::npos);
}

TEST_F(ApiTest, NoRequestPathReachesTheFilesystem) {
  for (const char* target :
       {"/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2f..%2fetc%2fpasswd", "/../../etc/passwd", "/assets//etc/passwd",
        "/assets/style.css/../../CMakeLists.txt", "/letter/..%2f..%2fetc%2fpasswd", "/etc/passwd",
        "//etc/passwd", "/assets/app.js%00.txt"}) {
    TestResponse r = Get(target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " -> " << r.status;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << target;
  }
  TestResponse css = Get("/assets/style.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
}

TEST_F(ApiTest, ReadOnlyMethodsAndHead) {
  TestResponse post = HttpGet(app_->port(), "/api/search?q=x", "POST");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers["allow"], "GET, HEAD");
  TestResponse del = HttpGet(app_->port(), "/api/letter/0000000000-07-000703", "DELETE");
  EXPECT_EQ(del.status, 405);
  TestResponse head = HttpGet(app_->port(), "/api/stats", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_NE(head.headers["content-length"], "0");
}

TEST_F(ApiTest, MalformedRequestsAreRefused) {
  std::string bad = RawExchange(app_->port(), "GARBAGE\r\n\r\n");
  EXPECT_EQ(bad.rfind("HTTP/1.1 400", 0), 0u) << bad;
  std::string huge = RawExchange(app_->port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " +
                                                   std::string(64 * 1024, 'a') + "\r\n\r\n");
  EXPECT_EQ(huge.rfind("HTTP/1.1 431", 0), 0u) << huge.substr(0, 100);
}

TEST_F(ApiTest, KeepAliveServesManyRequestsOnOneConnection) {
  std::string two = RawExchange(app_->port(),
                                "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n"
                                "GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  size_t first = two.find("HTTP/1.1 200");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(two.find("HTTP/1.1 200", first + 1), std::string::npos);
}

// What `corresp export` writes for the same request, read from the same index.
std::string ExportDirectly(const std::filesystem::path& index, ExportLevel level,
                           ExportFormat format, const std::string& query) {
  auto reader = IndexReader::Open(index);
  EXPECT_TRUE(reader.ok());
  if (!reader.ok()) return "";
  ExportRequest request;
  request.level = level;
  request.format = format;
  request.search.query = query;
  std::string out;
  auto summary = Export(**reader, request, [&](std::string_view b) {
    out += b;
    return Status::Ok();
  });
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  return out;
}

TEST_F(ApiTest, ExportStreamsTheDatasetAsAnAttachment) {
  TestResponse r = Get("/api/export?level=comment&format=csv");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8; header=present");
  EXPECT_EQ(r.headers["content-disposition"], "attachment; filename=\"corresp-comment.csv\"");
  EXPECT_EQ(r.headers["transfer-encoding"], "chunked");
  EXPECT_EQ(r.body, ExportDirectly(*index_, ExportLevel::kComment, ExportFormat::kCsv, ""));
  auto records = test::ReadCsv(r.body);
  ASSERT_TRUE(records);
  // One row per indexed staff comment, counted by an exact search.
  json comments = GetJson("/api/search?q=type:comment&facets=1", 200);
  ASSERT_GT(comments["total"].get<long>(), 10);
  EXPECT_EQ(static_cast<long>(records->size()) - 1, comments["total"].get<long>());

  TestResponse threads = Get("/api/export?level=thread&format=jsonl&q=revenue");
  ASSERT_EQ(threads.status, 200);
  EXPECT_EQ(threads.content_type, "application/jsonl");
  EXPECT_EQ(threads.headers["content-disposition"],
            "attachment; filename=\"corresp-thread.jsonl\"");
  EXPECT_EQ(threads.body,
            ExportDirectly(*index_, ExportLevel::kThread, ExportFormat::kJsonl, "revenue"));
  EXPECT_FALSE(threads.body.empty());
}

TEST_F(ApiTest, ExportFiltersLikeSearchAndRefusesBadParameters) {
  TestResponse r = Get("/api/export?q=revenue&form=upload");
  ASSERT_EQ(r.status, 200);
  auto records = test::ReadCsv(r.body);
  ASSERT_TRUE(records);
  json found = GetJson("/api/search?q=revenue+type:comment&form=upload&facets=1", 200);
  EXPECT_EQ(static_cast<long>(records->size()) - 1, found["total"].get<long>());
  ExpectError("/api/export?level=sentence", 400, "level must be");
  ExpectError("/api/export?format=xlsx", 400, "format must be");
  ExpectError("/api/export?since=yesterday", 400, "since");
  ExpectError("/api/export?colour=red", 400, "colour");
}

TEST_F(ApiTest, OneExportAtATimeThenTheNext) {
  auto reader = IndexReader::Open(*index_);
  ASSERT_TRUE(reader.ok());
  web::WebApp app;
  std::optional<web::HttpReply> first = app.Handle("GET", "/api/export?level=thread", **reader);
  ASSERT_TRUE(first->stream);
  web::HttpReply busy = app.Handle("GET", "/api/export?level=thread", **reader);
  EXPECT_EQ(busy.status, 503);
  EXPECT_FALSE(busy.stream);
  EXPECT_EQ(app.Handle("GET", "/api/stats", **reader).status, 200);  // other routes unaffected
  first.reset();  // the stream is over (sent or dropped): the slot is free
  web::HttpReply next = app.Handle("GET", "/api/export?level=thread", **reader);
  EXPECT_EQ(next.status, 200);
  EXPECT_TRUE(next.stream);
}

}  // namespace
}  // namespace corresp::testing
