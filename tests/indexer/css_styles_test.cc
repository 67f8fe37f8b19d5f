// CSS read for emphasis (indexer/extract/css_styles.h): declarations and the classes a
// document's <style> sheets declare.
#include "indexer/extract/css_styles.h"

#include <gtest/gtest.h>

namespace corresp::testing {
namespace {

TEST(CssStyles, Declarations) {
  InlineStyle st =
      ParseDeclarations("Font-Weight: 700; font-style:italic; text-decoration: underline");
  EXPECT_EQ(st.bold, true);
  EXPECT_EQ(st.italic, true);
  EXPECT_TRUE(st.underline);
  st = ParseDeclarations("font-weight:normal");
  EXPECT_EQ(st.bold, false);
  EXPECT_FALSE(st.italic.has_value()) << "unset when the block says nothing of it";
}

TEST(CssStyles, ClassesOfOneSelectorEach) {
  ClassStyles classes = ReadClassStyles(
      "/* LibreOffice */ .T4 { font-weight:bold; }\n span.T6 { font-style:italic }\n"
      "p.P3, .T7 { text-decoration:underline }\n"
      "@media print { .T4 { font-weight:normal } }\n"
      "div .T8 { font-weight:bold } #x { font-weight:bold } a:hover.T9 { font-weight:bold }\n"
      ".T4 { font-style:italic }");
  ASSERT_TRUE(classes.count("T4"));
  EXPECT_EQ(classes["T4"].bold, true) << "the @media block is skipped";
  EXPECT_EQ(classes["T4"].italic, true) << "later rules add to earlier ones";
  EXPECT_EQ(classes["T6"].italic, true);
  EXPECT_TRUE(classes["P3"].underline);
  EXPECT_TRUE(classes["T7"].underline);
  EXPECT_FALSE(classes.count("T8")) << "trap: a descendant selector is not the class's style";
  EXPECT_FALSE(classes.count("T9"));
  EXPECT_TRUE(ReadClassStyles("").empty());
  EXPECT_TRUE(ReadClassStyles(".T1 { font-weight:bold").empty()) << "an unclosed rule is dropped";
}

// LibreOffice's HTML export prints each list number as text and hides the markers a browser
// would add; a rule for one class of list items hides nothing else's.
TEST(CssStyles, StyleSheetHidingListMarkers) {
  EXPECT_TRUE(HidesListMarkers("ol, ul { margin:0 }\n li { list-style: none; margin:0 }"));
  EXPECT_TRUE(HidesListMarkers("ol { LIST-STYLE-TYPE: none }"));
  EXPECT_FALSE(HidesListMarkers("li.plain { list-style: none }")) << "trap: one class of items";
  EXPECT_FALSE(HidesListMarkers("li { margin:0 }"));
  EXPECT_FALSE(HidesListMarkers("@media print { li { list-style: none } }"));
  EXPECT_FALSE(HidesListMarkers(""));
}

}  // namespace
}  // namespace corresp::testing
