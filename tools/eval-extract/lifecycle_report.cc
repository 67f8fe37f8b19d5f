#include "tools/eval-extract/lifecycle_report.h"

#include <algorithm>

#include "core/letter_form.h"
#include "indexer/index/thread_linker.h"

namespace corresp::lifecycle {

namespace {

// A review is closed when a closing or no-review letter follows its first staff comment; its
// days run from that comment's letter to the closing.
std::optional<long> ReviewDays(const ReviewThread& t) {
  const CommentLifecycle& first = t.comments.front();
  if (!first.closed_date || !first.date) return std::nullopt;
  return first.closed_date->DaysSinceEpoch() - first.date->DaysSinceEpoch();
}

struct Days {
  std::vector<long> comment, review, one_round, more_rounds;
};

void AddThread(const ReviewThread& t, LifecycleReport& r, Days& d) {
  ++r.threads;
  if (t.comments.empty()) return;
  ++r.reviews;
  for (const CommentLifecycle& c : t.comments) {
    ++r.staff_comments;
    ++r.status[CommentStatusName(c.status)];
    ++r.rounds[c.rounds];
    if (!c.responses.empty()) ++r.comments_answered;
    for (const ResponseLink& l : c.responses) ++r.paired_by[l.match];
    if (c.days_to_close) d.comment.push_back(*c.days_to_close);
  }
  std::optional<long> days = ReviewDays(t);
  if (!days) return;
  ++r.closed_reviews;
  d.review.push_back(*days);
  int staff_letters = 0;
  for (const ThreadLetter& l : t.letters)
    if (SideOfForm(l.form) == LetterSide::kStaff && l.comments > 0 && l.date &&
        l.date <= t.comments.front().closed_date)
      ++staff_letters;
  ++r.review_rounds[staff_letters];
  (staff_letters <= 1 ? d.one_round : d.more_rounds).push_back(*days);
}

long Percentile(const std::vector<long>& sorted, int p) {
  return sorted[(sorted.size() - 1) * static_cast<size_t>(p) / 100];
}

}  // namespace

Spread SpreadOf(std::vector<long> days) {
  Spread s;
  s.n = days.size();
  if (days.empty()) return s;
  std::sort(days.begin(), days.end());
  s.p25 = Percentile(days, 25);
  s.median = Percentile(days, 50);
  s.p75 = Percentile(days, 75);
  s.min = days.front();
  s.max = days.back();
  return s;
}

LifecycleReport MeasureLifecycle(const std::vector<LetterRecord>& letters) {
  std::map<std::string, std::vector<const LetterRecord*>> by_cik;
  for (const LetterRecord& l : letters) by_cik[l.cik.ToString()].push_back(&l);
  LifecycleReport r;
  Days days;
  for (const auto& [cik, mine] : by_cik) {
    ++r.companies;
    ThreadLinks links = LinkThreads(mine);
    for (const ReviewThread& t : links.threads) AddThread(t, r, days);
    r.prior_refs += links.prior_refs;
    r.prior_refs_linked += links.prior_refs_linked;
    r.unlinked.insert(r.unlinked.end(), links.unlinked_refs.begin(), links.unlinked_refs.end());
    for (const LetterRecord* l : mine) r.responses += static_cast<int>(l->letter.responses.size());
  }
  r.comment_days = SpreadOf(std::move(days.comment));
  r.review_days = SpreadOf(std::move(days.review));
  r.one_round_review_days = SpreadOf(std::move(days.one_round));
  r.more_rounds_review_days = SpreadOf(std::move(days.more_rounds));
  return r;
}

namespace {

nlohmann::json SpreadToJson(const Spread& s) {
  return {{"n", s.n},           {"min", s.min}, {"p25", s.p25},
          {"median", s.median}, {"p75", s.p75}, {"max", s.max}};
}

template <typename K>
nlohmann::json Histogram(const std::map<K, int>& m) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : m) {
    if constexpr (std::is_same_v<K, std::string>)
      out[k] = v;
    else
      out[std::to_string(k)] = v;
  }
  return out;
}

}  // namespace

nlohmann::json ReportToJson(const LifecycleReport& r) {
  return {{"companies", r.companies},
          {"threads", r.threads},
          {"reviews", r.reviews},
          {"closed_reviews", r.closed_reviews},
          {"staff_comments", r.staff_comments},
          {"responses", r.responses},
          {"responses_paired_by", Histogram(r.paired_by)},
          {"comments_answered", r.comments_answered},
          {"prior_refs", r.prior_refs},
          {"prior_refs_linked", r.prior_refs_linked},
          {"unlinked", r.unlinked},
          {"status", Histogram(r.status)},
          {"rounds", Histogram(r.rounds)},
          {"review_rounds", Histogram(r.review_rounds)},
          {"comment_days_to_close", SpreadToJson(r.comment_days)},
          {"review_days_to_close", SpreadToJson(r.review_days)},
          {"one_round_review_days_to_close", SpreadToJson(r.one_round_review_days)},
          {"more_rounds_review_days_to_close", SpreadToJson(r.more_rounds_review_days)}};
}

}  // namespace corresp::lifecycle
