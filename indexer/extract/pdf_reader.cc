#include "indexer/extract/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <exception>
#include <memory>

#include "indexer/extract/lines.h"
#include "indexer/extract/pdf_lines.h"
#include "indexer/extract/repeated_lines.h"
#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

bool FontIsBold(const std::string& name) {
  std::string n = AsciiLower(name);
  return n.find("bold") != std::string::npos || n.find("black") != std::string::npos ||
         n.find("heavy") != std::string::npos || EndsWith(n, ",b") || EndsWith(n, "-bd");
}
bool FontIsItalic(const std::string& name) {
  std::string n = AsciiLower(name);
  return n.find("italic") != std::string::npos || n.find("oblique") != std::string::npos;
}

std::vector<PdfWord> PageWords(const poppler::page& page) {
  std::vector<PdfWord> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string text = CollapseSpace(std::string_view(utf8.data(), utf8.size()));
    if (text.empty()) continue;
    poppler::rectf r = box.bbox();
    std::string font = box.has_font_info() ? box.get_font_name(0) : "";
    words.push_back(
        {text, r.left(), r.right(), r.top(), r.bottom(), FontIsBold(font), FontIsItalic(font)});
  }
  return words;
}

}  // namespace

BlockDocument ReadPdf(std::string_view bytes, const PdfReadOptions& options) {
  BlockDocument doc;
  try {
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf || pdf->is_locked()) {
      doc.issues.push_back("pdf: cannot open document");
      return doc;
    }
    int pages = pdf->pages();
    if (pages > options.max_pages) {
      doc.issues.push_back("pdf: " + std::to_string(pages) + " pages, read only the first " +
                           std::to_string(options.max_pages));
      pages = options.max_pages;
    }
    std::vector<Line> lines;
    for (int i = 0; i < pages; ++i) {
      std::unique_ptr<poppler::page> page(pdf->create_page(i));
      if (!page) continue;
      std::vector<Line> page_lines = WordsToLines(PageWords(*page), i + 1);
      lines.insert(lines.end(), page_lines.begin(), page_lines.end());
    }
    if (lines.empty()) doc.issues.push_back("pdf: no text layer");
    int removed = 0;
    lines = DropRepeatedLines(std::move(lines), &removed);
    lines = DropPageFurniture(std::move(lines), &removed);
    doc.blocks = LinesToBlocks(lines);
  } catch (const std::exception& e) {
    doc.issues.push_back(std::string("pdf: ") + e.what());
  } catch (...) {
    doc.issues.push_back("pdf: unknown error");
  }
  return doc;
}

}  // namespace corresp
