#include "indexer/extract/pdf_lines.h"

#include <algorithm>
#include <cmath>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// Words on one line have centres within this share of their height; a superscript or a
// word in a larger font on the same baseline stays on the line.
constexpr double kSameLineCentreShare = 0.45;
// A collision needs real overlap: a third of the height (lines 12 pt apart never overlap by
// that much) and a point of width (in the corpus, neighbouring words on a line overlap by
// 0.3 pt at most, kerned; a template word covers a body word by 2 pt or more).
constexpr double kCollisionHeightShare = 1.0 / 3;
constexpr double kCollisionMinWidth = 1.0;
// Fake bold draws a word twice, offset by well under a point.
constexpr double kOverstrikeOffset = 1.5;
// poppler splits words at glyph runs; only a gap wider than this share of the height is a
// space between words.
constexpr double kSpaceGapShare = 0.12;
// A space between two words is about this share of their height.
constexpr double kSpaceShare = 0.25;
// A line is bold (italic) when this share of its characters is.
constexpr double kEmphasisShare = 0.9;

double Height(const PdfWord& w) { return std::max(1.0, w.bottom - w.top); }
double Centre(const PdfWord& w) { return (w.top + w.bottom) / 2; }

}  // namespace

bool WordsCollide(const PdfWord& a, const PdfWord& b) {
  double overlap_y = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
  double overlap_x = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  return overlap_y > kCollisionHeightShare * std::min(Height(a), Height(b)) &&
         overlap_x > kCollisionMinWidth;
}

bool IsOverstrike(const PdfWord& a, const PdfWord& b) {
  return a.text == b.text && std::fabs(a.x0 - b.x0) < kOverstrikeOffset &&
         std::fabs(a.top - b.top) < kOverstrikeOffset;
}

namespace {

// Words set on one baseline in one font size share their top and bottom to the hundredth of
// a point; a tolerance covers rounding.
constexpr double kSameBaseline = 0.3;

// Phase 1: the words set on one baseline, in no particular order yet; a word drawn again on
// its own baseline (fake bold) is kept once. Two layers may share a baseline (a template's
// "April 29, 2019 Page 2" over a header's "Page 2"): the baseline's words, left to right,
// each join the row they collide with nothing in and follow at the most word-like distance
// (a space is about a quarter of the height: "Page" ... "2", not "April" ... "2").
std::vector<std::vector<PdfWord>> BaselineRows(std::vector<PdfWord> words) {
  std::stable_sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) {
    if (a.top != b.top) return a.top < b.top;
    if (a.bottom != b.bottom) return a.bottom < b.bottom;
    return a.x0 < b.x0;
  });
  std::vector<std::vector<PdfWord>> rows;
  size_t baseline_begin = 0;  // the first row of the current baseline
  for (PdfWord& w : words) {
    bool same_baseline = !rows.empty() &&
                         std::fabs(rows.back().front().top - w.top) < kSameBaseline &&
                         std::fabs(rows.back().front().bottom - w.bottom) < kSameBaseline;
    if (!same_baseline) {
      baseline_begin = rows.size();
      rows.push_back({std::move(w)});
      continue;
    }
    size_t best = rows.size();
    double best_score = 0;
    bool overstrike = false;
    for (size_t r = baseline_begin; r < rows.size(); ++r) {
      double right = 0;
      bool collides = false;
      for (const PdfWord& o : rows[r]) {
        overstrike = overstrike || IsOverstrike(o, w);
        collides = collides || WordsCollide(o, w);
        right = std::max(right, o.x1);
      }
      double score = std::fabs(w.x0 - right - kSpaceShare * Height(w));
      if (!collides && (best == rows.size() || score < best_score)) {
        best = r;
        best_score = score;
      }
    }
    if (overstrike) continue;  // drawn twice: keep one
    if (best == rows.size()) {
      rows.push_back({std::move(w)});
    } else {
      rows[best].push_back(std::move(w));
    }
  }
  return rows;
}

double RowCentre(const std::vector<PdfWord>& row) { return Centre(row.front()); }

// Removes the words of `row` that overstrike a word of `line`; true when another word of
// `row` collides with one of `line`.
bool DropOverstrikesAndCollide(std::vector<PdfWord>& row, const std::vector<PdfWord>& line) {
  std::erase_if(row, [&](const PdfWord& w) {
    return std::any_of(line.begin(), line.end(),
                       [&](const PdfWord& o) { return IsOverstrike(o, w); });
  });
  for (const PdfWord& w : row)
    for (const PdfWord& o : line)
      if (WordsCollide(o, w)) return true;
  return false;
}

}  // namespace

std::vector<Line> WordsToLines(std::vector<PdfWord> words, int page_no) {
  std::vector<std::vector<PdfWord>> baselines = BaselineRows(std::move(words));
  std::stable_sort(baselines.begin(), baselines.end(),
                   [](const auto& a, const auto& b) { return RowCentre(a) < RowCentre(b); });
  // Phase 2: a baseline row joins the nearest line whose centre is close enough and that it
  // does not collide with (a superscript, a larger font on the same line); a row drawn over
  // the line starts a line of its own. Lines are created in order of their centre, so the
  // candidates are at the end.
  std::vector<std::vector<PdfWord>> rows;
  for (auto& baseline : baselines) {
    size_t best = rows.size();
    double best_distance = 0;
    for (size_t r = rows.size(); r > 0; --r) {
      const PdfWord& first = rows[r - 1].front();
      double distance = std::fabs(RowCentre(baseline) - Centre(first));
      if (distance >= kSameLineCentreShare * Height(first)) {
        if (distance > 2 * Height(baseline.front())) break;  // rows further up are farther
        continue;
      }
      if (DropOverstrikesAndCollide(baseline, rows[r - 1])) continue;
      if (best == rows.size() || distance < best_distance) {
        best = r - 1;
        best_distance = distance;
      }
    }
    if (baseline.empty()) continue;  // all of it drawn twice
    if (best == rows.size()) {
      rows.push_back(std::move(baseline));
    } else {
      for (PdfWord& w : baseline) rows[best].push_back(std::move(w));
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return RowCentre(a) < RowCentre(b); });
  std::vector<Line> lines;
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(),
                     [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
    Line line;
    line.page = page_no;
    line.geometric = true;
    line.x0 = row.front().x0;
    line.top = row.front().top;
    line.bottom = row.front().bottom;
    size_t bold_chars = 0, italic_chars = 0, underlined_chars = 0, chars = 0;
    double last_x1 = -1;
    for (const PdfWord& w : row) {
      if (!line.text.empty() && w.x0 - last_x1 > kSpaceGapShare * Height(w))
        line.text.push_back(' ');
      line.text += w.text;
      last_x1 = w.x1;
      line.x1 = std::max(line.x1, w.x1);
      line.top = std::min(line.top, w.top);
      line.bottom = std::max(line.bottom, w.bottom);
      chars += w.text.size();
      if (w.bold) bold_chars += w.text.size();
      if (w.italic) italic_chars += w.text.size();
      if (w.underline) underlined_chars += w.text.size();
    }
    line.text = CollapseSpace(line.text);
    line.bold = chars > 0 && bold_chars >= kEmphasisShare * chars;
    line.italic = chars > 0 && italic_chars >= kEmphasisShare * chars;
    line.underline = chars > 0 && underlined_chars >= kEmphasisShare * chars;
    if (!line.text.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace corresp
