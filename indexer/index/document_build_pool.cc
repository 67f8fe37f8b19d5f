#include "indexer/index/document_build_pool.h"

#include <exception>

namespace corresp {

namespace {

// Words a document contributes to the spelling dictionary: its unprefixed terms (prefixed
// terms start with an upper-case letter), counted by within-document frequency.
void CountSpellingWords(const Xapian::Document& doc, SpellingCounts& counts) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
    counts[term] += it.get_wdf();
  }
}

}  // namespace

DocumentBuildPool::Builder::Builder() { ConfigureTermGenerator(tg); }

Result<std::vector<BuiltDocument>> DocumentBuildPool::Builder::Build(const LetterBuildJob& job,
                                                                     bool count_spelling) {
  try {
    std::vector<BuiltDocument> docs = BuildLetterDocuments(*job.record, *job.links, *job.texts, tg);
    if (count_spelling)
      for (const BuiltDocument& d : docs) CountSpellingWords(d.document, spelling);
    return docs;
  } catch (const Xapian::Error& e) {
    return Internal("building documents of " + job.record->accession.text + ": " + e.get_type() +
                    ": " + e.get_msg());
  } catch (const std::exception& e) {
    return Internal("building documents of " + job.record->accession.text + ": " + e.what());
  }
}

DocumentBuildPool::DocumentBuildPool(const DocumentBuildPoolOptions& options) : options_(options) {
  if (options_.threads <= 0) {
    inline_builder_ = std::make_unique<Builder>();
    return;
  }
  for (int i = 0; i < options_.threads; ++i) builders_.push_back(std::make_unique<Builder>());
  for (auto& b : builders_) threads_.emplace_back([this, &b] { Work(*b); });
}

DocumentBuildPool::~DocumentBuildPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void DocumentBuildPool::Work(Builder& builder) {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    work_cv_.wait(lock, [this] { return stop_ || !todo_.empty(); });
    if (stop_) return;
    Slot* slot = todo_.front();
    todo_.pop_front();
    lock.unlock();
    Result<std::vector<BuiltDocument>> built = builder.Build(slot->job, options_.spelling);
    lock.lock();
    slot->result.emplace(std::move(built));
    done_cv_.notify_all();
  }
}

void DocumentBuildPool::Submit(const LetterBuildJob& job) {
  slots_.push_back(std::make_unique<Slot>(Slot{job, std::nullopt}));
  if (inline_builder_) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    todo_.push_back(slots_.back().get());
  }
  work_cv_.notify_one();
}

Result<std::vector<BuiltDocument>> DocumentBuildPool::Take() {
  std::unique_ptr<Slot> slot = std::move(slots_.front());
  slots_.pop_front();
  if (inline_builder_) return inline_builder_->Build(slot->job, options_.spelling);
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] { return slot->result.has_value(); });
  return std::move(*slot->result);
}

SpellingCounts DocumentBuildPool::TakeSpelling() {
  SpellingCounts out;
  std::lock_guard<std::mutex> lock(mu_);  // orders the workers' last counts before this read
  if (inline_builder_) out.swap(inline_builder_->spelling);
  for (auto& b : builders_) {
    if (out.empty()) {
      out.swap(b->spelling);
      continue;
    }
    for (auto& [word, count] : b->spelling) out[word] += count;
    b->spelling.clear();
  }
  return out;
}

}  // namespace corresp
