// Escaping and URL helpers: the only path letter text takes into a page.
#include "web/html.h"

#include <gtest/gtest.h>

#include "test_client.h"

namespace corresp::web {
namespace {

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(HtmlEscape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("plain text, page 148"), "plain text, page 148");
}

struct SnippetCase {
  const char* label;
  const char* in;
  const char* out;
};
// gtest prints a case by its label (ctest lists it so).
void PrintTo(const SnippetCase& c, std::ostream* os) { *os << c.label; }

class SanitizeSnippetTest : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(SanitizeSnippetTest, KeepsOnlyHighlightMarkup) {
  EXPECT_EQ(SanitizeSnippet(GetParam().in), GetParam().out) << GetParam().label;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SanitizeSnippetTest,
    ::testing::Values(
        SnippetCase{"highlight markers become mark", "the <b>hedge</b> <b>accounting</b> policy",
                    "the <mark>hedge</mark> <mark>accounting</mark> policy"},
        SnippetCase{"raw script is escaped", "swaps <script>alert('x')</script> under",
                    "swaps &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; under"},
        SnippetCase{"already-escaped text is not double escaped", "&lt;script&gt; &amp; caps",
                    "&lt;script&gt; &amp; caps"},
        SnippetCase{"a bare ampersand is escaped", "swaps & caps", "swaps &amp; caps"},
        SnippetCase{"a b tag with attributes is not a marker", "<b onmouseover=alert(2)>x</b>",
                    "&lt;b onmouseover=alert(2)&gt;x"},
        SnippetCase{"unbalanced marker is closed", "<b>hedge", "<mark>hedge</mark>"},
        SnippetCase{"nested markers do not nest marks", "<b><b>x</b></b>", "<mark>x</mark>"},
        SnippetCase{"stray close marker dropped", "x</b>y", "xy"},
        SnippetCase{"numeric entities kept", "&#8212; &#x2014;", "&#8212; &#x2014;"},
        SnippetCase{"entity without semicolon escaped", "&amp x", "&amp;amp x"},
        SnippetCase{"quotes escaped", "say \"no\"", "say &quot;no&quot;"}),
    [](const auto& info) { return testing::TestNameOf(info.param.label); });

TEST(Url, EncodeDecodeRoundTrip) {
  std::string text = "\"hedge accounting\" company:a&b #1 100%";
  EXPECT_EQ(UrlDecode(UrlEncode(text)), text);
  EXPECT_EQ(UrlEncode("a b&c"), "a+b%26c");
}

TEST(Url, MalformedEscapesAreKeptAndFlagged) {
  bool ok = true;
  EXPECT_EQ(UrlDecode("100%", &ok), "100%");
  EXPECT_FALSE(ok);
  ok = true;
  EXPECT_EQ(UrlDecode("%zz%4", &ok), "%zz%4");
  EXPECT_FALSE(ok);
  ok = true;
  EXPECT_EQ(UrlDecode("%41", &ok), "A");
  EXPECT_TRUE(ok);
}

TEST(Url, ParseQueryStringKeepsOrderAndEmptyValues) {
  QueryParams p = ParseQueryString("q=%22hedge+accounting%22&form=upload&&facets&x=");
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"q", "\"hedge accounting\""}));
  EXPECT_EQ(p[1].second, "upload");
  EXPECT_EQ(p[2], (std::pair<std::string, std::string>{"facets", ""}));
  EXPECT_EQ(p[3], (std::pair<std::string, std::string>{"x", ""}));
  EXPECT_TRUE(ParseQueryString("").empty());
}

TEST(Url, BuildQueryStringDropsEmptyValues) {
  EXPECT_EQ(BuildQueryString({{"q", "a b"}, {"form", ""}, {"topic", "hedge-accounting"}}),
            "q=a+b&topic=hedge-accounting");
}

TEST(Url, SplitTargetDecodesPathButNotPlus) {
  Target t = SplitTarget("/api/item/0000000000-07-000703%233?x=1+2");
  EXPECT_EQ(t.path, "/api/item/0000000000-07-000703#3");
  EXPECT_EQ(t.query, "x=1+2");
  EXPECT_EQ(SplitTarget("/a+b").path, "/a+b");
}

}  // namespace
}  // namespace corresp::web
