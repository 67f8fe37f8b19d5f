#include "indexer/extract/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>

#include "indexer/extract/lines.h"
#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

struct Word {
  std::string text;
  double x0, x1, top, bottom;
  bool bold, italic;
};

bool FontIsBold(const std::string& name) {
  std::string n = AsciiLower(name);
  return n.find("bold") != std::string::npos || n.find("black") != std::string::npos ||
         n.find("heavy") != std::string::npos || EndsWith(n, ",b") || EndsWith(n, "-bd");
}
bool FontIsItalic(const std::string& name) {
  std::string n = AsciiLower(name);
  return n.find("italic") != std::string::npos || n.find("oblique") != std::string::npos;
}

std::vector<Word> PageWords(const poppler::page& page) {
  std::vector<Word> words;
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

// Groups words into lines by vertical overlap, each line sorted left to right.
std::vector<Line> WordsToLines(std::vector<Word> words, int page_no) {
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return (a.top + a.bottom) / 2 < (b.top + b.bottom) / 2;
  });
  std::vector<std::vector<Word>> rows;
  for (Word& w : words) {
    double mid = (w.top + w.bottom) / 2;
    if (!rows.empty()) {
      const Word& last = rows.back().front();
      double h = std::max(1.0, last.bottom - last.top);
      if (std::fabs(mid - (last.top + last.bottom) / 2) < 0.45 * h) {
        rows.back().push_back(std::move(w));
        continue;
      }
    }
    rows.push_back({std::move(w)});
  }
  std::vector<Line> lines;
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(),
                     [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    Line line;
    line.page = page_no;
    line.geometric = true;
    line.x0 = row.front().x0;
    line.top = row.front().top;
    line.bottom = row.front().bottom;
    size_t bold_chars = 0, italic_chars = 0, chars = 0;
    double last_x1 = -1;
    for (const Word& w : row) {
      double h = std::max(1.0, w.bottom - w.top);
      if (!line.text.empty()) {
        // poppler splits words at glyph runs; only a real gap is a space.
        if (w.x0 - last_x1 > 0.12 * h) line.text.push_back(' ');
      }
      line.text += w.text;
      last_x1 = w.x1;
      line.x1 = std::max(line.x1, w.x1);
      line.top = std::min(line.top, w.top);
      line.bottom = std::max(line.bottom, w.bottom);
      chars += w.text.size();
      if (w.bold) bold_chars += w.text.size();
      if (w.italic) italic_chars += w.text.size();
    }
    line.text = CollapseSpace(line.text);
    line.bold = chars > 0 && bold_chars * 10 >= chars * 9;
    line.italic = chars > 0 && italic_chars * 10 >= chars * 9;
    if (!line.text.empty()) lines.push_back(std::move(line));
  }
  return lines;
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
