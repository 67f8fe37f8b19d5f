// The reader patterns that moved from std::regex to RE2: each test pins what std::regex got
// wrong (recursion per character, UTF-8 read byte by byte inside brackets) or a lookahead
// rewritten by hand.
#include <gtest/gtest.h>

#include "indexer/extract/extract.h"
#include "indexer/extract/html_reader.h"
#include "indexer/extract/run_on.h"

namespace corresp {
namespace {

// SplitRunOn's blocks for `text` on a run-on "page" (>= 1500 bytes, as a scanned letter's
// text layer), without the filler item that makes the page long.
std::vector<std::string> SplitOnePage(const std::string& text) {
  std::vector<Block> blocks(1);
  blocks[0].text = text + " 9. " + std::string(1500, 'X');
  std::vector<std::string> out;
  for (const Block& b : SplitRunOn(blocks)) out.push_back(b.text);
  if (!out.empty()) out.pop_back();
  return out;
}

TEST(ExtractRegex, RunOnPageBreaks) {
  struct Case {
    const char* text;
    std::vector<std::string> blocks;
  } cases[] = {
      {"We agree. The Company will revise.", {"We agree.", "The Company will revise."}},
      {"as follows: 2. We note", {"as follows:", "2. We note"}},
      {"We revised it Response: see above.", {"We revised it", "Response: see above."}},
      {"see below 3. Please revise", {"see below", "3. Please revise"}},
      // After a sentence end: an opening quote or a bullet starts a paragraph...
      {"We agree. “Revenue” is defined.", {"We agree.", "“Revenue” is defined."}},
      {"costs include: • Goodwill. • Taxes.", {"costs include:", "• Goodwill.", "• Taxes."}},
      {"was closed.” Then it reopened.", {"was closed.”", "Then it reopened."}},
      // ...a dash does not (std::regex read [A-Z“"(] byte by byte: any U+2000-U+2FFF split).
      {"We agree. — as noted.", {"We agree. — as noted."}},
      // No break inside an abbreviation or after a lone item number.
      {"Mr. Smith agreed.", {"Mr. Smith agreed."}},
      // A number a word owns is no item, and its full stop ends no sentence...
      {"as described in Item 1. Business in our Form 10-K.",
       {"as described in Item 1. Business in our Form 10-K."}},
      {"Form 10-K Item 7. Management’s Discussion", {"Form 10-K Item 7. Management’s Discussion"}},
      // ... but a response label after it still opens the answer.
      {"you disclose in Note 8. Response: see above.",
       {"you disclose in Note 8.", "Response: see above."}},
  };
  for (const Case& c : cases) EXPECT_EQ(SplitOnePage(c.text), c.blocks) << c.text;
}

// In a run-on letter, a page's text layer shorter than the long pages (the last page: the final
// comment, its answer and the signature) is split as they are; a short paragraph is kept.
TEST(ExtractRegex, RunOnShortLastPage) {
  std::vector<Block> blocks(3);
  blocks[0].text = "Dear Sir: 1. Please revise. " + std::string(1600, 'X');
  blocks[1].text = "Very truly yours,";
  blocks[2].text =
      "We agree. 2. Please tell us how you considered Rule 5. Response: " + std::string(300, 'y') +
      ". Sincerely, Jane Roe.";
  std::vector<std::string> out;
  for (const Block& b : SplitRunOn(blocks)) out.push_back(b.text);
  ASSERT_GE(out.size(), 6u);
  EXPECT_EQ(out[out.size() - 5], "Very truly yours,");
  EXPECT_EQ(out[out.size() - 4], "We agree.");
  EXPECT_EQ(out[out.size() - 3], "2. Please tell us how you considered Rule 5.");
  EXPECT_EQ(out[out.size() - 2].substr(0, 10), "Response: ");
  EXPECT_EQ(out.back(), "Sincerely, Jane Roe.");
}

// A 60,000-character word made libstdc++'s std::regex recurse once per character until the
// stack ran out (`corresp extract` crashed on such a letter).
TEST(ExtractRegex, VeryLongWordExtracts) {
  std::string word = "A" + std::string(60000, 'b');
  for (const auto& [bytes, name] :
       {std::pair{"<html><body><p>" + word + "</p><p>1. We note " + word + ".</p></body></html>",
                  "long.htm"},
        std::pair{word + "\n\n1. We note " + word + "\n", "long.txt"}}) {
    Letter l = ExtractLetter({bytes, name, std::string("CORRESP")});
    EXPECT_EQ(l.file, name);
  }
}

// A bullet alone in a table cell joins the next cell's text, as a lone "1." does. std::regex
// compared "•" (3 bytes) with a one-byte class, so the bullet was its own block.
TEST(ExtractRegex, BulletInItsOwnTableCell) {
  BlockDocument doc = ReadHtml(
      "<table><tr><td>•</td><td><p>We note your revenue.</p><p>Please revise.</p></td></tr>"
      "</table>");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, "• We note your revenue.");
}

}  // namespace
}  // namespace corresp
