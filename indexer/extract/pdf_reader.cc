#include "indexer/extract/pdf_reader.h"

// poppler's own classes (Debian's libpoppler-private-dev): its text layout reports, beside each
// word's box and font, whether a drawn rule underlines it, which the poppler-cpp wrapper drops
// (and reading the layout directly is 2.5x faster than through the wrapper, same words).
#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>

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

// poppler's settings, made once for the process (its documents share them; reading several
// documents at once on several threads is safe once they exist). Its error messages about
// malformed files are dropped: ReadPdf reports what it could not read.
void InitPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback([](ErrorCategory, Goffset, const char*) {});
  });
}

// The words of page `index` (1-based) as poppler lays its text out (the layout
// poppler-cpp's text_list gives: no physical layout, reading order).
std::vector<PdfWord> PageWords(PDFDoc& doc, int index) {
  std::vector<PdfWord> words;
  TextOutputDev device(nullptr, false, 0, false, false);
  if (!device.isOk()) return words;
  device.enableHTMLExtras(true);  // marks the words a drawn rule underlines
  doc.displayPage(&device, index, 72, 72, 0, false, false, false);
  std::unique_ptr<TextWordList> list = device.makeWordList();
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* word = list->get(i);
    std::unique_ptr<GooString> raw(word->getText());
    std::string text = CollapseSpace(raw ? raw->toStr() : std::string());
    if (text.empty()) continue;
    double x0, top, x1, bottom;
    word->getBBox(&x0, &top, &x1, &bottom);
    const GooString* font_name = word->getLength() > 0 ? word->getFontName(0) : nullptr;
    std::string font = font_name ? font_name->toStr() : "";
    words.push_back(
        {text, x0, x1, top, bottom, FontIsBold(font), FontIsItalic(font), word->isUnderlined()});
  }
  return words;
}

}  // namespace

BlockDocument ReadPdf(std::string_view bytes, const PdfReadOptions& options) {
  BlockDocument doc;
  try {
    InitPoppler();
    // MemStream reads the caller's bytes in place; they outlive the document.
    auto* stream =
        new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    PDFDoc pdf(stream);  // owns the stream
    if (!pdf.isOk()) {
      doc.issues.push_back("pdf: cannot open document");
      return doc;
    }
    int pages = pdf.getNumPages();
    if (pages > options.max_pages) {
      doc.issues.push_back("pdf: " + std::to_string(pages) + " pages, read only the first " +
                           std::to_string(options.max_pages));
      pages = options.max_pages;
    }
    std::vector<Line> lines;
    for (int i = 0; i < pages; ++i) {
      std::vector<Line> page_lines = WordsToLines(PageWords(pdf, i + 1), i + 1);
      lines.insert(lines.end(), page_lines.begin(), page_lines.end());
    }
    if (lines.empty()) doc.issues.push_back("pdf: no text layer");
    int removed = 0;
    lines = DropRepeatedLines(std::move(lines), &removed, &doc.page_header_lines);
    lines = DropPageFurniture(std::move(lines), &removed, &doc.page_header_lines);
    doc.blocks = LinesToBlocks(lines);
  } catch (const std::exception& e) {
    doc.issues.push_back(std::string("pdf: ") + e.what());
  } catch (...) {
    doc.issues.push_back("pdf: unknown error");
  }
  return doc;
}

}  // namespace corresp
