// The extractor's intermediate form: a document as ordered Blocks (paragraph, heading, list
// item, table row) with emphasis and page hints. Every reader (HTML, PDF, plain text) produces
// this; the segmenter (indexer/segment) consumes it and never sees the original format.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace corresp {

// Text beyond this (about 400 pages) is neither cleaned nor segmented: both cost a few
// microseconds per byte, and no real letter comes near it (the longest corpus letter has
// ~0.3 MB of text). Readers cut their blocks here and say so in BlockDocument::issues.
inline constexpr std::size_t kMaxLetterTextBytes = 2u << 20;

enum class BlockKind {
  kParagraph,
  kHeading,   // <h1>-<h6>, or a line a reader knows to be a heading
  kListItem,  // <li>, or a bulleted line
  kTableRow,  // one <tr>, cells joined by a space
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;             // UTF-8, whitespace collapsed, no leading/trailing space
  bool bold = false;            // (nearly) all of the text is bold
  bool italic = false;          // (nearly) all of the text is italic
  bool underline = false;       // (nearly) all of the text is underlined
  int page = 1;                 // 1-based page (PDF, form feeds in text); 1 for HTML
  double indent = 0;            // left edge in points (PDF) or leading spaces (text); 0 unknown
  bool page_continued = false;  // joined from the end of one page and the start of the next
  // A caption run into the start of the block, set apart by an underline the rest lacks
  // ("1. <u>Risk Factors, page 5</u>. We note ..."): "Risk Factors, page 5". Readers that
  // know it set it; SplitRunInCaptions (html_reader.h) splits it off. "" when none.
  std::string run_in_caption;
};

// What a reader returns: blocks in reading order plus what it was unsure of or had to cut.
struct BlockDocument {
  std::vector<Block> blocks;
  std::vector<std::string> issues;
  std::optional<std::string> form;  // "UPLOAD"/"CORRESP" from an SGML wrapper, if any
  // The lines of the running headers dropped as page furniture ("Ms. Jane Roe" / "Securities
  // and Exchange Commission" / "August 25, 2017" / "Page 2"), in order: a letter whose head
  // prints no date prints it there.
  std::vector<std::string> page_header_lines;
  std::optional<std::string> unreadable;  // why there is no letter text at all (see extract.h)
};

}  // namespace corresp
