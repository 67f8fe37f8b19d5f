// Lifecycle report (tools/eval-extract/lifecycle_report.h): the quartiles as a table, and the
// figures of a small hand-built corpus counted by hand.
#include "tools/eval-extract/lifecycle_report.h"

#include <gtest/gtest.h>

namespace corresp::lifecycle {
namespace {

TEST(LifecycleReport, SpreadOf) {
  struct Row {
    std::vector<long> days;
    long p25, median, p75;
    const char* why;
  };
  const Row rows[] = {
      {{}, 0, 0, 0, "empty"},
      {{7}, 7, 7, 7, "one value"},
      {{40, 10, 30, 20}, 10, 20, 30, "unsorted input; the lower middle for an even count"},
      {{1, 2, 3, 4, 100}, 2, 3, 4, "an outlier moves no quartile"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.why);
    Spread s = SpreadOf(r.days);
    EXPECT_EQ(s.n, r.days.size());
    EXPECT_EQ(s.p25, r.p25);
    EXPECT_EQ(s.median, r.median);
    EXPECT_EQ(s.p75, r.p75);
  }
}

LetterRecord Letter(const std::string& acc, uint64_t cik, const std::string& form, LetterKind kind,
                    Date date, std::vector<std::string> items = {}) {
  LetterRecord r;
  r.accession = *Accession::Parse(acc);
  r.cik = Cik{cik};
  r.form = form;
  r.date_filed = date;
  r.letter.kind = kind;
  int n = 0;
  for (std::string& t : items) {
    ++n;
    if (form == "UPLOAD")
      r.letter.comments.push_back(Comment{n, {}, {}, std::move(t), {}});
    else
      r.letter.responses.push_back(Response{n, {}, "", std::move(t)});
  }
  return r;
}

// Company 1: two rounds, comment 2 reissued ("prior comment 2"), a "prior comment 9" that no
// earlier letter has, a closing after 60 days. Company 2: one answered letter, never closed.
TEST(LifecycleReport, SmallCorpus) {
  std::vector<LetterRecord> corpus = {
      Letter("0000000000-20-000001", 1, "UPLOAD", LetterKind::kCommentLetter, {2020, 1, 1},
             {"Revise.", "Explain."}),
      Letter("0000000001-20-000001", 1, "CORRESP", LetterKind::kResponse, {2020, 1, 15},
             {"Done.", "Explained."}),
      Letter("0000000000-20-000002", 1, "UPLOAD", LetterKind::kCommentLetter, {2020, 2, 1},
             {"Refer to prior comment 2 and prior comment 9."}),
      Letter("0000000001-20-000002", 1, "CORRESP", LetterKind::kResponse, {2020, 2, 10},
             {"Explained again."}),
      Letter("0000000000-20-000003", 1, "UPLOAD", LetterKind::kClosing, {2020, 3, 1}),
      Letter("0000000000-21-000001", 2, "UPLOAD", LetterKind::kCommentLetter, {2021, 1, 1},
             {"Revise."}),
      Letter("0000000002-21-000001", 2, "CORRESP", LetterKind::kResponse, {2021, 1, 20}, {"Done."}),
  };
  LifecycleReport r = MeasureLifecycle(corpus);
  EXPECT_EQ(r.companies, 2);
  EXPECT_EQ(r.reviews, 2);
  EXPECT_EQ(r.closed_reviews, 1);
  EXPECT_EQ(r.staff_comments, 4);
  EXPECT_EQ(r.comments_answered, 4);
  EXPECT_EQ(r.prior_refs, 2);
  EXPECT_EQ(r.prior_refs_linked, 1);
  EXPECT_EQ(r.unlinked, std::vector<std::string>{"0000000000-20-000002#1: comment 9"});
  EXPECT_EQ(r.status,
            (std::map<std::string, int>{{"reissued", 1}, {"resolved", 2}, {"responded", 1}}));
  EXPECT_EQ(r.rounds, (std::map<int, int>{{1, 2}, {2, 2}}));
  EXPECT_EQ(r.review_rounds, (std::map<int, int>{{2, 1}}));
  EXPECT_EQ(r.review_days.n, 1u);
  EXPECT_EQ(r.review_days.median, 60);
  EXPECT_EQ(r.more_rounds_review_days.n, 1u);
  EXPECT_EQ(r.comment_days.n, 3u);  // every comment of the closed review
  EXPECT_EQ(r.paired_by, (std::map<std::string, int>{{"number", 4}}));
}

}  // namespace
}  // namespace corresp::lifecycle
