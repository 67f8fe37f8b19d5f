#include "indexer/index/thread_linker.h"

#include <algorithm>
#include <set>

#include "core/letter_form.h"

namespace corresp {

namespace {

bool IsStaff(const LetterRecord& r) { return SideOfForm(r.form) == LetterSide::kStaff; }

bool Closes(const LetterRecord& r) {
  return r.letter.kind == LetterKind::kClosing || r.letter.kind == LetterKind::kNoReview;
}

// "10-K|2006-12-31" for each referenced filing with a form.
std::set<std::string> FilingKeys(const LetterRecord& r) {
  std::set<std::string> keys;
  for (const Reference& ref : r.letter.references)
    if (!ref.form.empty()) keys.insert(ref.form + "|" + (ref.period ? ref.period->ToIso() : ""));
  return keys;
}

bool OpensNewReview(const LetterRecord& r, const std::set<std::string>& thread_filings) {
  if (!IsStaff(r) || r.letter.comments.empty()) return false;
  const Comment& first = r.letter.comments.front();
  if (first.number && *first.number != 1) return false;
  for (const Comment& c : r.letter.comments)
    if (!c.prior_refs.empty()) return false;
  std::set<std::string> mine = FilingKeys(r);
  if (mine.empty() || thread_filings.empty()) return false;
  for (const std::string& k : mine)
    if (thread_filings.count(k)) return false;
  return true;
}

struct OpenThread {
  ReviewThread thread;
  std::set<std::string> filings;
  std::set<Date> released;
  std::vector<const LetterRecord*> letters;
};

// Company letters that trail a closing: acceleration requests, extension requests, thanks.
bool IsTrailer(const LetterRecord& r) {
  return !IsStaff(r) && r.letter.responses.empty() &&
         (r.letter.kind == LetterKind::kAccelerationRequest ||
          r.letter.kind == LetterKind::kExtensionRequest || r.letter.kind == LetterKind::kOther);
}

long GapDays(const OpenThread& t, const LetterRecord& r) {
  return r.SortDate().DaysSinceEpoch() - t.thread.end->DaysSinceEpoch();
}

bool StartsNewThread(const OpenThread* t, const LetterRecord& r, const ThreadOptions& options) {
  if (t == nullptr) return true;
  if (r.released && t->released.count(*r.released)) return false;
  if (t->thread.status == ThreadStatus::kClosed)
    return !(IsTrailer(r) && GapDays(*t, r) <= options.trailer_days);
  return GapDays(*t, r) > options.max_gap_days || OpensNewReview(r, t->filings);
}

void Append(OpenThread& t, const LetterRecord& r) {
  const LetterRecord& rec = r;
  ThreadLetter tl{
      rec.accession, rec.form, LetterKindName(rec.letter.kind), rec.SortDate(),
      static_cast<int>(IsStaff(rec) ? rec.letter.comments.size() : rec.letter.responses.size())};
  t.thread.letters.push_back(tl);
  if (!t.thread.start) t.thread.start = rec.SortDate();
  t.thread.end = rec.SortDate();
  if (Closes(rec)) t.thread.status = ThreadStatus::kClosed;
  if (IsStaff(rec) && !rec.letter.comments.empty()) t.thread.status = ThreadStatus::kOpen;
  if (rec.released) t.released.insert(*rec.released);
  for (const std::string& k : FilingKeys(rec)) t.filings.insert(k);
  t.letters.push_back(&r);
}

void PairResponses(const OpenThread& t, ThreadLinks& links) {
  const LetterRecord* last_staff = nullptr;
  for (const LetterRecord* r : t.letters) {
    if (IsStaff(*r)) {
      if (!r->letter.comments.empty()) last_staff = r;
      continue;
    }
    if (!last_staff || r->letter.responses.empty()) continue;
    ItemIds staff_ids = MakeItemIds(*last_staff);
    ItemIds mine = MakeItemIds(*r);
    for (size_t i = 0; i < r->letter.responses.size(); ++i) {
      const auto& number = r->letter.responses[i].number;
      if (!number) continue;
      for (size_t c = 0; c < last_staff->letter.comments.size(); ++c) {
        if (last_staff->letter.comments[c].number != number) continue;
        links.response_to[mine.responses[i]] = staff_ids.comments[c];
        links.first_response.emplace(staff_ids.comments[c], mine.responses[i]);
        break;
      }
    }
  }
}

}  // namespace

ThreadLinks LinkThreads(std::vector<const LetterRecord*> letters, const ThreadOptions& options) {
  std::sort(letters.begin(), letters.end(), [](const LetterRecord* a, const LetterRecord* b) {
    if (a->SortDate() != b->SortDate()) return a->SortDate() < b->SortDate();
    if (IsStaff(*a) != IsStaff(*b)) return IsStaff(*a);
    return a->accession < b->accession;
  });
  std::vector<OpenThread> threads;
  for (const LetterRecord* r : letters) {
    OpenThread* cur = threads.empty() ? nullptr : &threads.back();
    if (StartsNewThread(cur, *r, options)) {
      OpenThread t;
      t.thread.id = r->cik.ToString() + "-" + r->accession.text;
      t.thread.cik = r->cik;
      t.thread.company = r->company;
      threads.push_back(std::move(t));
    }
    Append(threads.back(), *r);
  }
  ThreadLinks links;
  for (OpenThread& t : threads) {
    for (const LetterRecord* r : t.letters) links.thread_of[r->accession.text] = t.thread.id;
    PairResponses(t, links);
    links.threads.push_back(std::move(t.thread));
  }
  return links;
}

}  // namespace corresp
