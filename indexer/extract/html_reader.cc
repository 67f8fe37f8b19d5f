#include "indexer/extract/html_reader.h"

#include <gumbo.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/extract/css_styles.h"
#include "indexer/extract/html_list_marker.h"
#include "indexer/extract/lines.h"
#include "indexer/extract/repeated_lines.h"
#include "indexer/extract/run_on.h"
#include "indexer/extract/text_reader.h"
#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// Footer and header blocks are short (a company name, an address line, a trademark notice);
// a paragraph a page break interrupts is longer than this.
constexpr size_t kMinInterruptedParagraph = 200;
// A page's foot and the next page's head hold at most this many blocks of furniture.
constexpr size_t kMaxFurnitureBlocks = 4;
// The letter's head (letterhead, date, addressee, Re: lines) lies within its first blocks ...
constexpr size_t kLetterHeadBlocks = 20;
// ... and a running header repeats its short lines.
constexpr size_t kMaxHeaderLineBytes = 80;
// A table row holding a restated comment and its answer side by side has this much prose in
// each (a table of figures has numbers and short labels).
constexpr size_t kMinSideBySideProse = 40;
// A running footer may hold a whole address, a telephone number and a web address ...
constexpr size_t kMaxFooterLineBytes = 200;
// A caption run into an item's first line is a line or two ("Description of Senior Debt
// Securities - Events of Default, page 18") ...
constexpr size_t kMaxRunInCaptionBytes = 150;
// ... and the item's text after it is a sentence at least.
constexpr size_t kMinRunInRest = 40;
// ... and repeats on this many pages (two in a letter of at most three pages), among the
// first or the last kMaxEdgeBlocks blocks of each.
constexpr size_t kMinRepeatedPages = 3;
constexpr size_t kMaxEdgeBlocks = 2;

struct Emphasis {
  bool bold = false, italic = false, underline = false;
};

// Text of `chars` characters is emphasized when 90% of it is bold, or italic, or underlined.
bool Emphasized(size_t chars, size_t bold, size_t italic, size_t underline) {
  return bold * 10 >= chars * 9 || italic * 10 >= chars * 9 || underline * 10 >= chars * 9;
}

// Text between <br>s, with how much of it is emphasized.
struct Segment {
  std::string text;
  size_t chars = 0, bold = 0, italic = 0, underline = 0;
  // Where each piece of text began in `text` and whether it was underlined.
  std::vector<std::pair<size_t, bool>> runs;
};

// An item's number alone in a table cell: "1", "1.", "(2)", "3)".
bool LoneItemNumber(const std::string& text) {
  static const RE2 number(R"(\(?\d{1,3}[.)]?)");
  return RE2::FullMatch(text, number);
}

// The underlined caption a segment opens with, after at most an item's number ("1.", "(2)"),
// when text that is not underlined follows it; "" otherwise.
std::string LeadingUnderline(const Segment& s) {
  size_t k = 0;
  while (k < s.runs.size() && !s.runs[k].second) ++k;
  if (k == s.runs.size()) return "";
  static const RE2 number_or_space(R"(\s*(?:\(?\d{1,3}[.)]\s*)?)");
  const std::string_view text = s.text;
  const size_t begin = s.runs[k].first;
  if (!RE2::FullMatch(text.substr(0, begin), number_or_space)) return "";
  while (k < s.runs.size() && s.runs[k].second) ++k;
  if (k == s.runs.size()) return "";
  const size_t end = s.runs[k].first;
  if (CollapseSpace(text.substr(end)).empty()) return "";
  return CollapseSpace(text.substr(begin, end - begin));
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

Emphasis Apply(Emphasis e, const GumboElement& el, const InlineStyle& st) {
  switch (el.tag) {
    case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG:
      e.bold = true;
      break;
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
      e.italic = true;
      break;
    case GUMBO_TAG_U:
      e.underline = true;
      break;
    default:
      break;
  }
  if (st.bold) e.bold = *st.bold;
  if (st.italic) e.italic = *st.italic;
  if (st.underline) e.underline = true;
  return e;
}

bool LineStartsItem(const std::string& t) {
  static const RE2 re(
      R"((?i)^(?:\(?\d{1,3}[.)](?:\s|[A-Z“"]|$)|[•·▪]|(?:Company |Management.s |Our )?Response\b|Comment\b|Staff.s comment))");
  return RE2::PartialMatch(t, re);
}

// True for the bytes AddText counts as text: not ASCII space (std::isspace in the C locale)
// and not a byte of U+00A0's UTF-8 form (0xC2 0xA0).
constexpr bool CountsAsChar(unsigned char c) {
  return !(c == ' ' || (c >= '\t' && c <= '\r') || c == 0xC2 || c == 0xA0);
}

class Builder {
 public:
  Builder(const HtmlReadOptions& o, const ClassStyles& classes, bool hide_list_markers,
          std::vector<std::string>* issues)
      : options_(o), classes_(classes), hide_list_markers_(hide_list_markers), issues_(issues) {}

  void Walk(const GumboNode* node, Emphasis e, int depth) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      AddText(node->v.text.text, e);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
        node->type != GUMBO_NODE_DOCUMENT)
      return;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      WalkChildren(&node->v.document.children, e, depth);
      return;
    }
    const GumboElement& el = node->v.element;
    switch (el.tag) {
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_HEAD:
      case GUMBO_TAG_TITLE:
      case GUMBO_TAG_NOSCRIPT:
        return;
      case GUMBO_TAG_BR: {
        InlineStyle br = StyleOf(el, classes_);  // <br style="page-break-before:always">
        if (br.page_break_before || br.page_break_after) {
          NewPage();
        } else {
          segments_.emplace_back();
        }
        return;
      }
      default:
        break;
    }
    InlineStyle style = StyleOf(el, classes_);
    if (style.hidden) return;
    if (style.page_break_before) NewPage();
    if (depth > options_.max_depth) {
      if (!depth_reported_)
        issues_->push_back("html: nesting deeper than " + std::to_string(options_.max_depth) +
                           " flattened");
      depth_reported_ = true;
      FlatText(node, e);
      return;
    }
    if (el.tag == GUMBO_TAG_PRE) {
      Flush();
      Preformatted(node);
      if (style.page_break_after) NewPage();
      return;
    }
    Emphasis inner = Apply(e, el, style);
    if (el.tag == GUMBO_TAG_TR) {
      Flush();
      Row(el, inner, depth);
      if (style.page_break_after) NewPage();
      return;
    }
    bool block = IsBlockTag(el.tag);
    if (block) Flush();
    BlockKind kind = BlockKind::kParagraph;
    if (el.tag == GUMBO_TAG_LI) kind = BlockKind::kListItem;
    if (el.tag >= GUMBO_TAG_H1 && el.tag <= GUMBO_TAG_H6) kind = BlockKind::kHeading;
    if (block) kind_ = kind;
    if (el.tag == GUMBO_TAG_LI) {
      std::string marker = hide_list_markers_ ? "" : ListMarker(node);
      if (!marker.empty()) AddText(marker.c_str(), inner);
    }
    WalkChildren(&el.children, inner, depth + 1);
    if (block) Flush();
    if (style.page_break_after) NewPage();
    // Inline cells outside a <tr> (malformed tables) still separate their text.
    if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) AddText(" ", e);
  }

  std::vector<Block> TakeBlocks() {
    Flush();
    return std::move(blocks_);
  }

  // A printed page ends here (a page-break style): the blocks after it are on the next page.
  void NewPage() {
    Flush();
    ++page_;
  }

 private:
  void WalkChildren(const GumboVector* children, Emphasis e, int depth) {
    for (unsigned i = 0; i < children->length; ++i)
      Walk(static_cast<const GumboNode*>(children->data[i]), e, depth + 1);
  }

  // A <pre> element is a text document inside the HTML (older filings wrap a whole letter in
  // one): its text, line breaks and blank lines kept, is read by the text reader, and its
  // pages (<PAGE> marks, form feeds) follow this one. Emphasis inside it is not kept.
  void Preformatted(const GumboNode* pre) {
    std::string text;
    std::vector<const GumboNode*> stack{pre};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
          n->type == GUMBO_NODE_CDATA) {
        text += n->v.text.text;
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      if (n->v.element.tag == GUMBO_TAG_BR) text += '\n';
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = kids.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
    BlockDocument doc = ReadPlainText(text);
    int first_page = page_;
    for (Block& b : doc.blocks) {
      b.page = first_page + b.page - 1;
      page_ = b.page;
      blocks_.push_back(std::move(b));
    }
  }

  // Text of an over-deep subtree, walked with an explicit stack (no recursion).
  void FlatText(const GumboNode* root, Emphasis e) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
          n->type == GUMBO_NODE_CDATA) {
        AddText(n->v.text.text, e);
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
      const GumboVector& kids = n->v.element.children;
      if (IsBlockTag(n->v.element.tag)) AddText(" ", e);
      for (unsigned i = kids.length; i > 0; --i)
        stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
  }

  void AddText(const char* text, Emphasis e) {
    if (segments_.empty()) segments_.emplace_back();
    Segment& s = segments_.back();
    std::string_view t = text;
    size_t n = 0;  // over a known length, so the loop vectorizes
    for (char c : t) n += CountsAsChar(static_cast<unsigned char>(c));
    s.runs.emplace_back(s.text.size(), e.underline);
    s.text.append(t);
    s.chars += n;
    if (e.bold) s.bold += n;
    if (e.italic) s.italic += n;
    if (e.underline) s.underline += n;
  }

  // A row of a comment-and-answer table: a number alone ("1", "1.") and two cells of prose.
  static bool SideBySide(const Block& number, const Block& comment, const Block& answer) {
    static const RE2 lone_number(R"(\d{1,3}\.?)");
    return RE2::FullMatch(number.text, lone_number) && Prose(comment.text) && Prose(answer.text);
  }

  // At least kMinSideBySideProse bytes, most of them letters.
  static bool Prose(const std::string& t) {
    size_t letters = 0;
    for (char c : t) letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
    return t.size() >= kMinSideBySideProse && letters * 2 > t.size();
  }

  // A two-column row: a numbered restated comment ("2. Please discuss ... covenant.") and an
  // answer, each a sentence of prose (a table of contents' "1. Revenue recognition" | "Explains
  // our method" ends no sentence).
  static bool NumberedBesideAnswer(const Block& comment, const Block& answer) {
    static const RE2 numbered(R"(^\d{1,3}[.)]\s)");
    return RE2::PartialMatch(comment.text, numbered) && !RE2::PartialMatch(answer.text, numbered) &&
           Prose(comment.text) && Prose(answer.text) && EndsSentence(comment.text) &&
           EndsSentence(answer.text);
  }

  // A table's header row naming a comment column and a response column.
  static bool ColumnTitles(const std::vector<std::vector<Block>>& cells) {
    static const RE2 comment(R"((?i)^(?:No\.?|#|(?:SEC |Staff(?:'s|’s)? )?Comments?)$)");
    static const RE2 response(
        R"((?i)^(?:(?:The )?(?:Company|Registrant|Management)(?:'s|’s)? )?Responses?$)");
    bool has_comment = false, has_response = false;
    for (const auto& cell : cells) {
      const std::string& t = cell[0].text;
      bool is_comment = RE2::FullMatch(t, comment), is_response = RE2::FullMatch(t, response);
      if (!is_comment && !is_response) return false;
      has_comment = has_comment || is_comment;
      has_response = has_response || is_response;
    }
    return has_comment && has_response;
  }

  // Cells of one table row. A row whose cells hold one paragraph each becomes one block
  // ("1." | "We note ..." -> "1. We note ..."); otherwise the cells' paragraphs follow in
  // order, with a short leading number cell glued to the paragraph after it.
  void Row(const GumboElement& tr, Emphasis e, int depth) {
    std::vector<std::vector<Block>> cells;
    for (unsigned i = 0; i < tr.children.length; ++i) {
      const GumboNode* c = static_cast<const GumboNode*>(tr.children.data[i]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      Builder sub(options_, classes_, hide_list_markers_, issues_);
      sub.page_ = page_;
      sub.Walk(c, e, depth + 1);
      std::vector<Block> b = sub.TakeBlocks();
      page_ = sub.page_;
      if (!b.empty()) cells.push_back(std::move(b));
    }
    bool simple = true;
    for (const auto& c : cells) simple = simple && c.size() == 1;
    // A comment-and-answer table's column titles ("No." | "Staff Comment" | "Company
    // Response") are no heading ...
    if (simple && cells.size() >= 2 && ColumnTitles(cells)) return;
    // ... and each of its rows ("1" | "Please disclose ..." | "We will disclose ...") is the
    // restated comment under its number, then the answer after a response label.
    if (simple && cells.size() == 3 && SideBySide(cells[0][0], cells[1][0], cells[2][0])) {
      Block comment = std::move(cells[1][0]);
      comment.text = cells[0][0].text + ". " + comment.text;
      Block answer = std::move(cells[2][0]);
      answer.text = "Response: " + answer.text;
      blocks_.push_back(std::move(comment));
      blocks_.push_back(std::move(answer));
      return;
    }
    // ... or, in two columns, "2. Please discuss ..." | "We expect ...": a numbered restated
    // comment and its answer, both sentences of prose.
    if (simple && cells.size() == 2 && NumberedBesideAnswer(cells[0][0], cells[1][0])) {
      Block answer = std::move(cells[1][0]);
      answer.text = "Response: " + answer.text;
      blocks_.push_back(std::move(cells[0][0]));
      blocks_.push_back(std::move(answer));
      return;
    }
    if (simple && !cells.empty()) {
      // "1." | "<u>Risk Factors, page 5</u>. We note ...": the caption run into the comment.
      std::string run_in =
          cells.size() == 2 && LoneItemNumber(cells[0][0].text) ? cells[1][0].run_in_caption : "";
      Block row = std::move(cells[0][0]);
      row.run_in_caption = std::move(run_in);
      row.kind = BlockKind::kTableRow;
      // A row is emphasized as most of its text is: a plain "1." cell beside an italic
      // restated comment leaves the row italic.
      size_t total = 0, bold = 0, italic = 0, underline = 0;
      for (size_t i = 0; i < cells.size(); ++i) {
        const Block& cell = i == 0 ? row : cells[i][0];
        size_t n = cell.text.size();
        total += n;
        bold += cell.bold ? n : 0;
        italic += cell.italic ? n : 0;
        underline += cell.underline ? n : 0;
      }
      // "Response" | "We have revised ...": a label cell keeps its colon's place.
      static const RE2 bare_label(R"((?i)^(?:[A-Za-z.&]+(?:'s|’s)?\s+)?Response$)");
      bool label_cell = cells.size() > 1 && RE2::FullMatch(row.text, bare_label);
      for (size_t i = 1; i < cells.size(); ++i) {
        row.text += i == 1 && label_cell ? ": " : " ";
        row.text += cells[i][0].text;
      }
      row.bold = bold * 10 >= total * 8;
      row.italic = italic * 10 >= total * 8;
      row.underline = underline * 10 >= total * 8;
      blocks_.push_back(std::move(row));
      return;
    }
    std::string carry;
    for (auto& cell : cells) {
      for (Block& b : cell) {
        static const RE2 bullet(R"([•·▪])");
        if (cell.size() == 1 && (LoneItemNumber(b.text) || RE2::FullMatch(b.text, bullet))) {
          carry += b.text + " ";
          continue;
        }
        if (!carry.empty()) b.text = carry + b.text;
        carry.clear();
        blocks_.push_back(std::move(b));
      }
    }
    if (!carry.empty()) {
      Block b;
      b.text = CollapseSpace(carry);
      b.page = page_;
      blocks_.push_back(std::move(b));
    }
  }

  void Flush() {
    Block cur;
    bool open = false;
    size_t chars = 0, bold = 0, italic = 0, underline = 0;
    auto close = [&] {
      if (open) {
        // Collapsed segments joined by one space: already collapsed.
        if (!cur.text.empty()) {
          cur.bold = chars > 0 && bold * 10 >= chars * 9;
          cur.italic = chars > 0 && italic * 10 >= chars * 9;
          cur.underline = chars > 0 && underline * 10 >= chars * 9;
          if (cur.underline) cur.run_in_caption.clear();
          cur.page = page_;
          blocks_.push_back(std::move(cur));
        }
      }
      cur = Block();
      cur.kind = kind_;
      open = false;
      chars = bold = italic = underline = 0;
    };
    cur.kind = kind_;
    // "Ms. Tia Jenkins<br>Securities and Exchange Commission<br>April 18, 2011<br>Page 3": a
    // running header set as one paragraph. Each of its lines becomes a block, so that it is
    // found as a header of separate lines is (DropPageFurniture).
    const bool running_header =
        segments_.size() > 1 &&
        std::any_of(segments_.begin(), segments_.end(), [](const Segment& s) {
          return s.text.size() < 40 && IsPageLine(CollapseSpace(s.text));
        });
    for (size_t i = 0; i < segments_.size(); ++i) {
      Segment& s = segments_[i];
      std::string t = CollapseSpace(s.text);
      bool empty = t.empty();
      bool emph_changed = open && s.chars > 0 && chars > 0 &&
                          ((s.bold * 10 >= s.chars * 9) != (bold * 10 >= chars * 9));
      if (empty) {
        if (i > 0) close();  // two <br>s in a row end a paragraph
        continue;
      }
      // A <br> is a break made on purpose: under an emphasized caption line ("Notes to
      // Consolidated Financial Statements"), an emphasized line closing a caption ("Note 3 -
      // Loans, page 93") is a heading of its own.
      bool caption_line =
          open && chars > 0 && s.chars > 0 && Emphasized(s.chars, s.bold, s.italic, s.underline) &&
          Emphasized(chars, bold, italic, underline) && StartsCaptionLine(cur.text, t);
      if (open && (LineStartsItem(t) || emph_changed || caption_line || running_header)) close();
      if (open) {
        AppendLine(cur.text, t);
      } else {
        cur.text = std::move(t);
        cur.run_in_caption = LeadingUnderline(s);
      }
      open = true;
      chars += s.chars;
      bold += s.bold;
      italic += s.italic;
      underline += s.underline;
    }
    close();
    segments_.clear();
    kind_ = BlockKind::kParagraph;
  }

  const HtmlReadOptions& options_;
  const ClassStyles& classes_;
  bool hide_list_markers_;  // the style sheet hides every list's markers (HidesListMarkers)
  std::vector<std::string>* issues_;
  std::vector<Segment> segments_;
  std::vector<Block> blocks_;
  BlockKind kind_ = BlockKind::kParagraph;
  bool depth_reported_ = false;
  int page_ = 1;  // printed page, counted by page-break styles
};

}  // namespace

std::vector<Block> SplitRunInCaptions(std::vector<Block> blocks) {
  static const RE2 item_number(R"(\(?\d{1,3}[.)]\s*)");
  static const RE2 label(R"((?i)^(?:(?:SEC|Staff)\s+)?(?:Comments?|Responses?)\b)");
  std::vector<Block> out;
  out.reserve(blocks.size());
  for (Block& b : blocks) {
    std::string caption = std::move(b.run_in_caption);
    b.run_in_caption.clear();
    size_t at = caption.empty() ? std::string::npos : b.text.find(caption);
    if (at == std::string::npos || caption.size() > kMaxRunInCaptionBytes ||
        !RE2::FullMatch(b.text.substr(0, at), item_number) || RE2::PartialMatch(caption, label)) {
      out.push_back(std::move(b));
      continue;
    }
    size_t rest = at + caption.size();
    while (rest < b.text.size() && std::strchr(" .:;-", b.text[rest]) != nullptr) ++rest;
    if (b.text.size() - rest < kMinRunInRest ||
        !std::isupper(static_cast<unsigned char>(b.text[rest]))) {
      out.push_back(std::move(b));
      continue;
    }
    Block heading = b;
    heading.text = caption;
    heading.underline = true;
    heading.page_continued = false;
    b.text = b.text.substr(0, at) + b.text.substr(rest);
    out.push_back(std::move(heading));
    out.push_back(std::move(b));
  }
  return out;
}

namespace {

// The blocks whose `drop` flag is false, in order.
std::vector<Block> WithoutDropped(std::vector<Block> blocks, const std::vector<bool>& drop) {
  std::vector<Block> out;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (!drop[i]) out.push_back(std::move(blocks[i]));
  return out;
}

// A sentence a page break interrupts ("... in another" | page break | "manner, ...") goes on
// after the break; short blocks between its two halves sat at the page's foot or head: the
// letterhead's footer, a running header. They go, whatever they say.
std::vector<Block> DropBlocksInsideInterruptedSentences(std::vector<Block> blocks) {
  std::vector<bool> drop(blocks.size(), false);
  for (size_t i = 1; i < blocks.size(); ++i) {
    if (!StartsLower(blocks[i].text)) continue;
    // The interrupted paragraph: the nearest long block before the break that ends no sentence.
    // The running header may open the new page, so the break lies anywhere in between.
    for (size_t back = 1; back <= kMaxFurnitureBlocks + 1 && back <= i; ++back) {
      const Block& b = blocks[i - back];
      if (b.text.size() >= kMinInterruptedParagraph && !EndsSentence(b.text) &&
          b.page != blocks[i].page) {
        for (size_t k = i - back + 1; k < i; ++k) drop[k] = true;
        break;
      }
      if (b.text.size() >= kMinInterruptedParagraph) break;  // a paragraph that ended: none
    }
  }
  return WithoutDropped(std::move(blocks), drop);
}

// A block naming a part of the letter or the filing: a response label, a "Form 10-K ..."
// reference, a heading such as "General". Such a block may well open a page.
bool NamesAPart(const std::string& text) {
  static const RE2 names_a_part(
      R"((?i)\b(?:response|comment|general|form|amendment|registration|schedule|item|exhibit|note|page|report|statement|re)\b)");
  return RE2::PartialMatch(text, names_a_part);
}

// A running header repeating lines of the letterhead (the addressee, the date, the company's
// address, "Securities and Exchange Commission") at the top of a later page: the first blocks
// of the page that are short lines of the letter's head (its first kLetterHeadBlocks blocks),
// unless they name a part of the letter or the filing (a response label, a "Form 10-K ..."
// reference, a heading such as "General"), which may well open a page.
std::vector<Block> DropRepeatedLetterhead(std::vector<Block> blocks) {
  std::set<std::string> head;
  for (size_t i = 0; i < blocks.size() && i < kLetterHeadBlocks && blocks[i].page == 1; ++i)
    if (blocks[i].text.size() <= kMaxHeaderLineBytes) head.insert(blocks[i].text);
  std::vector<bool> drop(blocks.size(), false);
  for (size_t i = 1; i < blocks.size(); ++i) {
    if (blocks[i].page == blocks[i - 1].page || blocks[i].page < 2) continue;
    for (size_t j = i; j < blocks.size() && j < i + kMaxFurnitureBlocks; ++j) {
      if (blocks[j].page != blocks[i].page || !head.count(blocks[j].text) ||
          NamesAPart(blocks[j].text))
        break;
      drop[j] = true;
    }
  }
  return WithoutDropped(std::move(blocks), drop);
}

// A running footer or header in HTML: the same short block ("209 Redwood Shores Parkway,
// Redwood City, CA 94065 [TEL] 650 628 1500 www.ea.com") among the last (or the first)
// blocks of several pages (kMinRepeatedPages, or two when the letter has at most three pages),
// compared by RepetitionKey (digits folded, so "Page 2" and "Page 3" are one text). Blocks that
// name a part of the letter or the filing ("Response:", "General") may well open several pages and
// stay, and so does the letterhead at the first page's top (DropRepeatedLetterhead removes its
// copies).
std::vector<Block> DropRepeatedPageEdges(std::vector<Block> blocks) {
  if (blocks.empty() || blocks.back().page < 2) return blocks;
  const int pages = blocks.back().page - blocks.front().page + 1;
  const size_t min_pages = pages <= 3 ? 2 : kMinRepeatedPages;
  // The blocks at each page's top and at its foot; a footer repeats at the foot, a header at
  // the top (a sub-heading of a long answer that happens to open one page and close another
  // repeats at neither).
  std::vector<size_t> tops, feet;
  for (size_t start = 0; start < blocks.size();) {
    size_t end = start;
    while (end < blocks.size() && blocks[end].page == blocks[start].page) ++end;
    for (size_t i = start; i < end; ++i) {
      // The first page's top is the letterhead itself, which later pages may repeat.
      if (start > 0 && i < start + kMaxEdgeBlocks) tops.push_back(i);
      if (i + kMaxEdgeBlocks >= end) feet.push_back(i);
    }
    start = end;
  }
  std::vector<bool> drop(blocks.size(), false);
  for (const std::vector<size_t>* edge : {&tops, &feet}) {
    std::map<std::string, std::set<int>> pages_of;
    auto candidate = [&](size_t i) {
      return blocks[i].text.size() <= kMaxFooterLineBytes && !NamesAPart(blocks[i].text);
    };
    for (size_t i : *edge)
      if (candidate(i)) pages_of[RepetitionKey(blocks[i].text)].insert(blocks[i].page);
    for (size_t i : *edge)
      if (candidate(i) && pages_of[RepetitionKey(blocks[i].text)].size() >= min_pages)
        drop[i] = true;
  }
  return WithoutDropped(std::move(blocks), drop);
}

// Running headers and page numbers in HTML letters appear as their own short blocks; the
// headers' lines are appended to *header_lines.
std::vector<Block> DropHtmlFurniture(std::vector<Block> blocks,
                                     std::vector<std::string>* header_lines) {
  // The texts move into the lines and back into the kept blocks: nothing is copied.
  std::vector<Line> lines(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    lines[i].text = std::move(blocks[i].text);
    lines[i].page = blocks[i].page;  // a page break tells a header from the page before
    lines[i].top = static_cast<double>(i);
    lines[i].bottom = lines[i].top + 1;
  }
  int removed = 0;
  std::vector<Line> kept = DropPageFurniture(std::move(lines), &removed, header_lines);
  std::vector<Block> out;
  out.reserve(kept.size());
  for (Line& l : kept) {
    Block& b = blocks[static_cast<size_t>(l.top)];
    b.text = std::move(l.text);
    out.push_back(std::move(b));
  }
  return out;
}

// True for the elements that never hold others (<br>, <img>, ...), by lower-case tag name.
bool IsVoidElement(std::string_view name) {
  static const std::string_view kVoid[] = {"br",    "img", "hr",   "meta", "link",
                                           "input", "col", "area", "base", "wbr"};
  for (std::string_view v : kVoid)
    if (name == v) return true;
  return false;
}

// Upper estimate of element nesting: start tags minus end tags, void elements, comments,
// declarations and self-closed tags excluded. One pass, no allocation: it runs over every
// letter before Gumbo does.
int PrescanDepth(std::string_view html) {
  int depth = 0, max = 0;
  char name[8];
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (i + 1 >= html.size()) break;
    char first = html[i + 1];
    if (first == '/') {
      if (depth > 0) --depth;
      continue;
    }
    if (first == '!' || first == '?' || !std::isalpha(static_cast<unsigned char>(first))) continue;
    size_t n = 0, j = i + 1;
    while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j]))) {
      if (n < sizeof name) name[n] = LowerAscii(html[j]);
      ++n;
      ++j;
    }
    bool is_void = n <= sizeof name && IsVoidElement(std::string_view(name, n));
    size_t close = html.find('>', j);
    if (close != std::string_view::npos && html[close - 1] == '/') is_void = true;
    if (!is_void) max = std::max(max, ++depth);
    if (close == std::string_view::npos) break;
    i = close;
  }
  return max;
}

// Tags removed (each replaced by a newline), for input too deeply nested for Gumbo.
std::string StripTags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) out.push_back(c);
    if (c == '>' && in_tag) {
      in_tag = false;
      out.push_back('\n');
    }
  }
  return out;
}

// The memory of one Gumbo parse. Gumbo frees piecemeal (token buffers, vectors it outgrows):
// a small block returns to a free list per 16-byte size class and is reused; the rest goes to
// malloc. Everything is returned at once when the arena dies, so the tree needs no
// gumbo_destroy_output walk. Not thread-safe: one arena per parse.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    for (void* c : chunks_) std::free(c);
    while (large_) std::free(std::exchange(large_, large_->next));
  }

  // GumboOptions::allocator / deallocator, with the arena as userdata.
  static void* Allocate(void* arena, size_t n) { return static_cast<GumboArena*>(arena)->Get(n); }
  static void Deallocate(void* arena, void* p) {
    if (p) static_cast<GumboArena*>(arena)->Put(p);
  }

 private:
  // Blocks are aligned as malloc aligns them on x86-64 (Gumbo's structs assume no more).
  static constexpr size_t kAlign = 16;
  // Tags, attributes, nodes and short texts are smaller; long texts go to malloc.
  static constexpr size_t kMaxSmall = 512;
  static constexpr size_t kClasses = kMaxSmall / kAlign;
  static constexpr size_t kChunkBytes = 64 << 10;
  // Marks a block from malloc in the word before it.
  static constexpr size_t kLargeClass = ~size_t{0};

  // Header of a block from malloc: links in the list freed with the arena, then the class.
  struct Large {
    Large* prev;
    Large* next;
    size_t pad;
    size_t cls;
  };
  static_assert(sizeof(Large) % kAlign == 0);

  static size_t& ClassOf(void* p) { return static_cast<size_t*>(p)[-1]; }

  void* Get(size_t n) {
    if (n > kMaxSmall) return GetLarge(n);
    size_t cls = n == 0 ? 0 : (n - 1) / kAlign;
    if (void* p = free_[cls]) {
      free_[cls] = *static_cast<void**>(p);
      return p;
    }
    size_t block = kAlign + (cls + 1) * kAlign;  // header word (padded) + payload
    if (static_cast<size_t>(end_ - next_) < block) {
      char* chunk = static_cast<char*>(std::malloc(kChunkBytes));
      if (!chunk) return nullptr;
      chunks_.push_back(chunk);
      next_ = chunk;
      end_ = chunk + kChunkBytes;
    }
    void* p = next_ + kAlign;
    next_ += block;
    ClassOf(p) = cls;
    return p;
  }

  void* GetLarge(size_t n) {
    Large* l = static_cast<Large*>(std::malloc(sizeof(Large) + n));
    if (!l) return nullptr;
    *l = Large{nullptr, large_, 0, kLargeClass};
    if (large_) large_->prev = l;
    large_ = l;
    return l + 1;
  }

  void Put(void* p) {
    size_t cls = ClassOf(p);
    if (cls == kLargeClass) {
      Large* l = static_cast<Large*>(p) - 1;
      if (l->prev)
        l->prev->next = l->next;
      else
        large_ = l->next;
      if (l->next) l->next->prev = l->prev;
      std::free(l);
      return;
    }
    *static_cast<void**>(p) = free_[cls];
    free_[cls] = p;
  }

  void* free_[kClasses] = {};
  std::vector<void*> chunks_;
  char* next_ = nullptr;
  char* end_ = nullptr;
  Large* large_ = nullptr;
};

}  // namespace

BlockDocument ReadHtml(std::string_view utf8, const HtmlReadOptions& options) {
  BlockDocument doc;
  if (PrescanDepth(utf8) > options.max_prescan_depth) {
    doc = ReadPlainText(StripTags(utf8));
    doc.issues.push_back("html: nesting deeper than " + std::to_string(options.max_prescan_depth) +
                         "; read as text");
    return doc;
  }
  std::vector<Block> blocks;
  {
    GumboArena arena;  // holds the tree; freed whole at the end of this scope
    GumboOptions gopts = kGumboDefaultOptions;
    gopts.allocator = &GumboArena::Allocate;
    gopts.deallocator = &GumboArena::Deallocate;
    gopts.userdata = &arena;
    gopts.max_errors = 100;
    GumboOutput* output = gumbo_parse_with_options(&gopts, utf8.data(), utf8.size());
    if (!output) {
      doc.issues.push_back("html: parser returned nothing");
      return doc;
    }
    std::string css = StyleSheetText(output->document);
    ClassStyles classes = ReadClassStyles(css);
    Builder builder(options, classes, HidesListMarkers(css), &doc.issues);
    builder.Walk(output->document, Emphasis{}, 0);
    blocks = builder.TakeBlocks();
  }
  if (auto cut = CapBlockText(blocks)) doc.issues.push_back(*cut);
  doc.blocks = SplitRunInCaptions(
      DropRepeatedLetterhead(DropBlocksInsideInterruptedSentences(DropRepeatedPageEdges(
          DropHtmlFurniture(SplitRunOn(std::move(blocks)), &doc.page_header_lines)))));
  return doc;
}

}  // namespace corresp
