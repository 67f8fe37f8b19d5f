// ReadHitData (query/hit_data.h) reads every document of the test index as HitFromData over
// nlohmann::json does, and the traps of JSON too: escapes, surrogate pairs, unknown and
// repeated keys, values of unexpected types; what nlohmann::json rejects it leaves to it.
#include "query/hit_data.h"

#include <gtest/gtest.h>

#include <string>

#include "query/hits.h"
#include "query/json_fields.h"
#include "query/present.h"
#include "query_fixture.h"

namespace corresp {
namespace {

using nlohmann::json;

// A hit in the JSON answer's form (SearchHit has no ==), plus the snippet source texts.
json Shown(const SearchHit& hit, const std::string& text, const std::string& comment_text) {
  SearchResponse r;
  r.hits.push_back(hit);
  return {SearchResponseToJson(r)["hits"][0], text, comment_text};
}

json Expected(const std::string& data) {
  json d = json::parse(data, nullptr, false);
  return Shown(HitFromData(d), JsonString(d, "text"), JsonString(d, "comment_text"));
}

json Read(const std::string& data) {
  std::optional<HitData> got = ReadHitData(data);
  if (!got) return "rejected";
  return Shown(got->hit, got->text, got->comment_text);
}

TEST(HitData, ReadsEveryDocumentOfTheTestIndexAsNlohmannDoes) {
  const auto& all = testing::AllDocumentData();
  ASSERT_GT(all.size(), 100u);
  for (const json& d : all) {
    std::string data = d.dump();
    ASSERT_EQ(Read(data), Expected(data)) << data;
  }
}

TEST(HitData, AgreesWithNlohmannOnTheTraps) {
  const char* cases[] = {
      // escapes, \u, a surrogate pair, raw UTF-8, whitespace
      R"( { "id" : "A\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00é" , "text":"x\u0000y" } )",
      // unknown keys with nested values, in any order
      R"({"zz":{"a":[1,2,{"b":null}],"c":true},"company":"Acme","yy":[[],{}],"type":"comment"})",
      // values of unexpected types read as empty
      R"({"id":5,"headings":"h","topics":[1,"t",null,{"x":1}],"response":"r","comment":[],"number":"3"})",
      R"({"topics_evidence":[{"slug":"s","cues":["a",2]},"x",{"cues":"c"},{}],"standards":{}})",
      // the paired item's text is escaped as a snippet
      R"({"response":{"id":"R1","text":"a < b & c","extra":[1]},"comment":{"text":5}})",
      // numbers: integer, negative, float, exponent
      R"({"number":12})", R"({"number":-3})", R"({"number":2.5})", R"({"number":1e2})",
      // repeated keys: the last one counts
      R"({"id":"a","id":"b","number":1,"number":"x","topics":["a"],"topics":["b"]})",
      R"({"response":{"id":"a"},"response":null})", R"({})"};
  for (const char* c : cases) EXPECT_EQ(Read(c), Expected(c)) << c;
}

TEST(HitData, LeavesWhatItDoesNotTakeToNlohmann) {
  const char* rejected[] = {"[1]",
                            "\"text\"",
                            "",
                            "{",
                            R"({"id":"a"} x)",
                            R"({"id":"a",})",
                            R"({"id":'a'})",
                            R"({"number":01})",
                            R"({"number":-})",
                            R"({"number":1.})",
                            R"({"id":"\x"})",
                            R"({"id":"\ud800"})",
                            R"({"id":"\udc00x"})",
                            "{\"id\":\"\xff\"}",
                            "{\"id\":\"\xc0\xaf\"}",
                            "{\"id\":\"\xed\xa0\x80\"}",
                            "{\"id\":\"a\nb\"}",
                            R"({"number":123456789012345678901})",
                            R"({"id":tru})"};
  for (const char* c : rejected) EXPECT_EQ(Read(c), "rejected") << c;
  // Of those, nlohmann::json takes only the integer too long for this reader.
  EXPECT_TRUE(json::parse(R"({"number":123456789012345678901})", nullptr, false).is_object());
  EXPECT_TRUE(json::parse("{\"id\":\"\xc0\xaf\"}", nullptr, false).is_discarded());
}

}  // namespace
}  // namespace corresp
