#include "indexer/index/index_pipeline.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <set>

#include "core/index_schema.h"
#include "core/submission.h"
#include "indexer/extract/extract.h"
#include "indexer/index/backfill_plan.h"
#include "indexer/index/backfill_writers.h"
#include "indexer/index/extract_pool.h"
#include "indexer/index/reviewed.h"
#include "store/catalog.h"
#include "store/catalog_transaction.h"
#include "store/document_store.h"

namespace corresp {

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsTextual(const DocumentInfo& d) {
  std::string name = d.filename;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return EndsWith(name, ".pdf") || EndsWith(name, ".htm") || EndsWith(name, ".html") ||
         EndsWith(name, ".txt");
}

struct Extracted {
  Accession accession;
  std::optional<LetterRecord> record;  // nullopt on failure
  bool permanent = false;              // failure a retry cannot fix
};

Extracted Failed(Catalog& catalog, const Accession& acc, const Status& st, bool permanent) {
  catalog.RecordFailure(acc.text, "extract", st, permanent).IgnoreError();
  return Extracted{acc, std::nullopt, permanent};
}

// The extraction job of `acc` (its filing goes to `filing`), or nullopt when there is none:
// then `failed` holds the recorded failure.
std::optional<ExtractJob> PrepareJob(Catalog& catalog, const DocumentStore& store,
                                     const Accession& acc, Filing& filing,
                                     std::optional<Extracted>& failed) {
  Result<std::optional<Filing>> found = catalog.GetFiling(acc);
  if (!found.ok()) return failed = Failed(catalog, acc, found.status(), false), std::nullopt;
  if (!found->has_value())
    return failed = Failed(catalog, acc, NotFound(acc.text + ": not in the catalog"), true),
           std::nullopt;
  filing = std::move(**found);
  std::optional<DocumentInfo> doc = PickLetterDocument(filing);
  if (!doc)
    return failed = Failed(catalog, acc, NotFound(acc.text + ": no letter document"), true),
           std::nullopt;
  Result<std::string> bytes = store.Get(doc->sha256);
  if (!bytes.ok())
    return failed = Failed(catalog, acc, bytes.status().WithContext(acc.text + "/" + doc->filename),
                           bytes.status().code() == StatusCode::kCorruption),
           std::nullopt;
  return ExtractJob{acc.text, doc->filename,
                    filing.form.empty() ? std::nullopt : std::optional<std::string>(filing.form),
                    std::move(*bytes)};
}

// The record of a letter a worker extracted, or the recorded failure of its job.
Extracted Finish(Catalog& catalog, const Filing& filing, ExtractOutcome outcome) {
  const Accession& acc = filing.accession;
  std::string where = acc.text + "/" + PickLetterDocument(filing)->filename;
  if (!outcome.letter.ok())
    return Failed(catalog, acc, outcome.letter.status().WithContext(where), outcome.permanent);
  Letter letter = std::move(outcome.letter).value();
  if (letter.unreadable)
    return Failed(catalog, acc, Corruption(where + ": " + *letter.unreadable), true);
  std::string document = letter.file;
  catalog.ClearFailure(acc.text, "extract").IgnoreError();
  return Extracted{acc, MakeLetterRecord(filing, document, std::move(letter)), false};
}

// The comment and response documents a letter's record adds to the index (0 for a failure).
std::size_t ItemsOf(const Extracted& e) {
  return e.record ? e.record->letter.comments.size() + e.record->letter.responses.size() : 0;
}

// Extracts `accessions` on the pool's workers, in parallel; results in the input order.
// `finished` is called with each result as it comes.
Result<std::vector<Extracted>> ExtractBatch(Catalog& catalog, const DocumentStore& store,
                                            ExtractPool& pool,
                                            const std::vector<Accession>& accessions,
                                            const std::function<void(const Extracted&)>& finished) {
  std::vector<std::optional<Extracted>> slots(accessions.size());
  std::vector<Filing> filings(accessions.size());
  std::size_t next = 0;
  while (next < accessions.size() || pool.busy() > 0) {
    while (next < accessions.size() && pool.idle() > 0) {
      std::size_t i = next++;
      std::optional<ExtractJob> job =
          PrepareJob(catalog, store, accessions[i], filings[i], slots[i]);
      if (job) CORRESP_RETURN_IF_ERROR(pool.Submit(i, *job));
      if (slots[i]) finished(*slots[i]);
    }
    if (pool.busy() == 0) continue;
    CORRESP_ASSIGN_OR_RETURN(ExtractOutcome done, pool.Next());
    std::size_t tag = done.tag;
    slots[tag] = Finish(catalog, filings[tag], std::move(done));
    finished(*slots[tag]);
  }
  std::vector<Extracted> out;
  for (std::optional<Extracted>& slot : slots) out.push_back(std::move(*slot));
  return out;
}

// The threads of the companies a run re-links: their statuses in the catalog before the
// company's first re-link, and after its last one. Only those companies' threads change, so
// the run's threads opened and closed come from them, without reading every thread of the
// catalog (a nightly refresh must not cost more as the catalog grows).
class ThreadChanges {
 public:
  using Statuses = std::map<std::string, ThreadStatus>;
  // Remembers the catalog's threads of `cik` the first time it is re-linked.
  Status Before(const Catalog& catalog, Cik cik) {
    if (before_.count(cik)) return Status::Ok();
    CORRESP_ASSIGN_OR_RETURN(std::vector<ReviewThread> threads, catalog.ListThreads(cik));
    before_[cik] = StatusesOf(threads);
    return Status::Ok();
  }
  void After(Cik cik, const std::vector<ReviewThread>& threads) {
    after_[cik] = StatusesOf(threads);
  }
  // Fills the report's companies, threads, threads_opened and threads_closed.
  void Count(IndexReport& report) const {
    report.companies = after_.size();
    for (const auto& [cik, now] : after_) {
      const Statuses& was = before_.at(cik);
      report.threads += now.size();
      for (const auto& [id, status] : now) {
        auto it = was.find(id);
        if (it == was.end()) ++report.threads_opened;
        if (status == ThreadStatus::kClosed && (it == was.end() || it->second != status))
          ++report.threads_closed;
      }
    }
  }

 private:
  static Statuses StatusesOf(const std::vector<ReviewThread>& threads) {
    Statuses out;
    for (const ReviewThread& t : threads) out[t.id] = t.status;
    return out;
  }
  std::map<Cik, Statuses> before_, after_;
};

// The batch's companies' threads, rebuilt from the index, replace theirs in the catalog in one
// transaction: a failure leaves every company's previous threads.
Status ReplaceCompanyThreads(Catalog& catalog, IndexWriter& writer, const std::set<Cik>& companies,
                             ThreadChanges& changes) {
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  for (Cik cik : companies) CORRESP_RETURN_IF_ERROR(changes.Before(catalog, cik));
  CORRESP_ASSIGN_OR_RETURN(
      auto rebuilt, writer.RebuildCompanies(std::vector<Cik>(companies.begin(), companies.end())));
  for (const auto& [cik, threads] : rebuilt) {
    CORRESP_RETURN_IF_ERROR(catalog.ReplaceThreads(txn, cik, threads));
    changes.After(cik, threads);
  }
  return txn.Commit();
}

// The cached submissions of each company, read from the catalog once per run.
class CompanyFilingsCache {
 public:
  explicit CompanyFilingsCache(Catalog& catalog) : catalog_(catalog) {}
  Status Load() {
    CORRESP_ASSIGN_OR_RETURN(states_, catalog_.ListCompanySubmissions());
    return Status::Ok();
  }
  // Companies whose cached filings were fetched since their letters were last resolved.
  std::vector<Cik> Stale() const {
    std::vector<Cik> out;
    for (const CompanySubmissionsState& s : states_)
      if (s.fetched_at && !s.resolved_at) out.push_back(s.cik);
    return out;
  }
  // The filings of `cik`, or nullptr when its submissions JSON was never fetched.
  Result<const std::vector<CompanyFiling>*> Of(Cik cik) {
    auto it = filings_.find(cik);
    if (it != filings_.end()) return it->second ? &*it->second : nullptr;
    std::optional<std::vector<CompanyFiling>>& slot = filings_[cik];
    bool fetched = std::any_of(states_.begin(), states_.end(), [&](const auto& s) {
      return s.cik == cik && s.fetched_at.has_value();
    });
    if (!fetched) return nullptr;
    CORRESP_ASSIGN_OR_RETURN(slot, catalog_.ListCompanyFilings(cik));
    return &*slot;
  }

 private:
  Catalog& catalog_;
  std::vector<CompanySubmissionsState> states_;
  std::map<Cik, std::optional<std::vector<CompanyFiling>>> filings_;
};

Status Resolve(CompanyFilingsCache& cache, LetterRecord& record) {
  CORRESP_ASSIGN_OR_RETURN(const std::vector<CompanyFiling>* filings, cache.Of(record.cik));
  record.reviewed = ResolveLetterReviewed(record.letter, filings);
  return Status::Ok();
}

// Records that the indexed letters of `companies` were resolved against their cached filings.
Status MarkCompaniesResolved(Catalog& catalog, const std::vector<Cik>& companies) {
  if (companies.empty()) return Status::Ok();
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  for (Cik cik : companies) CORRESP_RETURN_IF_ERROR(catalog.MarkCompanyResolved(cik));
  return txn.Commit();
}

// Re-resolves the indexed letters of companies whose submissions JSON was fetched since their
// letters were last resolved, rewrites their documents and threads, commits, and marks them.
Status ResolveStaleCompanies(Catalog& catalog, IndexWriter& writer, CompanyFilingsCache& cache,
                             ThreadChanges& changes, IndexReport& report) {
  std::vector<Cik> stale = cache.Stale();
  if (stale.empty()) return Status::Ok();
  std::set<Cik> rewritten;
  for (Cik cik : stale) {
    CORRESP_ASSIGN_OR_RETURN(std::vector<LetterRecord> records, writer.CompanyLetters(cik));
    if (records.empty()) continue;
    for (LetterRecord& r : records) {
      CORRESP_RETURN_IF_ERROR(Resolve(cache, r));
      CORRESP_RETURN_IF_ERROR(writer.PutLetter(r));
    }
    rewritten.insert(cik);
    ++report.reresolved;
  }
  CORRESP_RETURN_IF_ERROR(ReplaceCompanyThreads(catalog, writer, rewritten, changes));
  CORRESP_RETURN_IF_ERROR(writer.Commit());
  return MarkCompaniesResolved(catalog, stale);
}

// Whether `e` is marked indexed once written: a letter, or a failure a retry cannot fix.
bool ToMark(const Extracted& e) { return e.record || e.permanent; }

Status MarkIndexed(Catalog& catalog, const std::vector<Accession>& accessions) {
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(catalog));
  for (const Accession& acc : accessions)
    CORRESP_RETURN_IF_ERROR(catalog.MarkIndexed(acc, kExtractorVersion));
  return txn.Commit();
}

Status MarkBatch(Catalog& catalog, const std::vector<Extracted>& batch) {
  std::vector<Accession> accessions;
  for (const Extracted& e : batch)
    if (ToMark(e)) accessions.push_back(e.accession);
  return MarkIndexed(catalog, accessions);
}

// The filings whose company is in `range`.
std::vector<FilingToIndex> InCikRange(std::vector<FilingToIndex> todo, const CikRange& range) {
  std::vector<FilingToIndex> kept;
  for (FilingToIndex& f : todo)
    if (range.Contains(f.cik)) kept.push_back(std::move(f));
  return kept;
}

// The end of the batch starting at `begin`: `batch_size` filings, stretched (by at most
// another `batch_size`) to the end of the last company's letters so it is re-linked once.
// `todo` comes in company order (Catalog::ListToIndex).
std::size_t BatchEnd(const std::vector<FilingToIndex>& todo, std::size_t begin,
                     std::size_t batch_size) {
  std::size_t end = std::min(todo.size(), begin + batch_size);
  std::size_t limit = std::min(todo.size(), begin + 2 * batch_size);
  while (end < limit && todo[end].cik == todo[end - 1].cik) ++end;
  return end;
}

double SecondsSince(std::chrono::steady_clock::time_point& mark) {
  auto now = std::chrono::steady_clock::now();
  double s = std::chrono::duration<double>(now - mark).count();
  mark = now;
  return s;
}

std::vector<Cik> CiksOf(const std::vector<FilingToIndex>& todo) {
  std::vector<Cik> ciks;
  for (const FilingToIndex& f : todo) ciks.push_back(f.cik);
  return ciks;
}

// How a backfill of `todo` (company order) splits it among `writers`: as the interrupted
// backfill whose partials are at `index` split it, when it used this extractor, this schema
// and as many writers (so each company stays with the partial holding its letters); otherwise
// contiguous parts of near equal size (SplitCompanies), a single one when there is one company.
BackfillPlan ChooseBackfillPlan(const std::filesystem::path& index, const std::vector<Cik>& ciks,
                                int writers) {
  std::optional<BackfillPlan> stored = BackfillPlan::Parse(BackfillWriters::StoredPlan(index));
  if (stored && stored->extractor_version == kExtractorVersion &&
      stored->schema_version == schema::kSchemaVersion &&
      stored->parts() == static_cast<std::size_t>(std::max(1, writers)))
    return *stored;
  return PlanOfSplit(ciks, SplitCompanies(ciks, writers), kExtractorVersion,
                     schema::kSchemaVersion);
}

// What a backfill run shares between its steps.
struct Backfill {
  Catalog& catalog;
  const DocumentStore& store;
  ExtractPool& pool;
  CompanyFilingsCache& cache;
  ThreadChanges& changes;
  IndexReport& report;
  const IndexOptions& options;
  std::function<void(const Extracted&)> finished;
  std::function<void()> committed;           // progress after a partial's commit
  std::function<void(std::size_t)> resumed;  // filings an interrupted backfill had written
};

// Where part `k` of a resumed backfill goes on: after its partial's last committed batch,
// whose last filing is `through`; the filings before it that the partial holds are marked
// indexed after the merge (`to_mark`). The others there (failures, filings of its companies
// that arrived since) are left for the next run. A `through` not in the part: from its start
// (rewriting is idempotent).
Result<std::size_t> ResumePart(Backfill& b, BackfillWriters& writers, int k,
                               const std::vector<FilingToIndex>& todo, std::size_t begin,
                               std::size_t end, std::vector<Accession>& to_mark) {
  const std::string& through = writers.Through(k);
  if (through.empty()) return begin;
  auto last =
      std::find_if(todo.begin() + static_cast<long>(begin), todo.begin() + static_cast<long>(end),
                   [&](const FilingToIndex& f) { return f.accession.text == through; });
  if (last == todo.begin() + static_cast<long>(end)) return begin;
  std::size_t next = static_cast<std::size_t>(last - todo.begin()) + 1;
  for (std::size_t i = begin; i < next; ++i) {
    CORRESP_ASSIGN_OR_RETURN(bool held, writers.Holds(k, todo[i].cik, todo[i].accession));
    if (!held) continue;
    to_mark.push_back(todo[i].accession);
    ++b.report.resumed;
  }
  b.resumed(next - begin);
  return next;
}

// A finished batch of a backfill writer: its companies' threads replace theirs in the catalog
// (as ReplaceCompanyThreads does after one writer's batch).
Status TakeBackfilled(Backfill& b, BackfillBatchDone done) {
  CORRESP_ASSIGN_OR_RETURN(auto rebuilt, std::move(done.threads));
  CORRESP_ASSIGN_OR_RETURN(CatalogTransaction txn, CatalogTransaction::Begin(b.catalog));
  for (const auto& [cik, threads] : rebuilt) {
    CORRESP_RETURN_IF_ERROR(b.changes.Before(b.catalog, cik));
    CORRESP_RETURN_IF_ERROR(b.catalog.ReplaceThreads(txn, cik, threads));
    b.changes.After(cik, threads);
  }
  CORRESP_RETURN_IF_ERROR(txn.Commit());
  b.report.relinks += rebuilt.size();
  ++b.report.batches;
  b.committed();
  return Status::Ok();
}

// Fills the empty index at `index` (or, with `target` kReplaceIndex, a new index that replaces
// it) with one BackfillWriters writer per part of `todo` (`plan`, ChooseBackfillPlan, over
// `ciks`, the companies of `todo`): batches extracted here go to the writer of their part with
// the fewest batches in flight; the partials are merged at the end, and only then are the
// filings marked indexed. Partials an interrupted run of the same plan left are
// resumed (ResumePart). The pool (started before the writer threads) forks the workers it replaces
// while they run from its fork server, so no worker inherits a writer thread's lock
// (extract_pool.h).
Status RunBackfill(Backfill& b, const std::filesystem::path& index,
                   const std::vector<FilingToIndex>& todo, const std::vector<Cik>& ciks,
                   const BackfillPlan& plan, MergeTarget target) {
  auto mark = std::chrono::steady_clock::now();
  std::vector<std::size_t> bounds = plan.Bounds(ciks);
  BackfillWritersOptions wo;
  wo.writers = static_cast<int>(plan.parts());
  wo.writer = b.options.writer;
  wo.plan = plan.ToText();
  wo.target = target;
  CORRESP_ASSIGN_OR_RETURN(std::unique_ptr<BackfillWriters> writers,
                           BackfillWriters::Start(index, wo));
  b.report.writers = writers->writers();
  std::size_t batch_size = std::max<std::size_t>(1, b.options.batch_size);
  BackfillSchedule schedule(bounds, wo.max_queued_batches);
  std::vector<Accession> to_mark;
  if (writers->resumed()) {
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
      CORRESP_ASSIGN_OR_RETURN(std::size_t next, ResumePart(b, *writers, static_cast<int>(k), todo,
                                                            bounds[k], bounds[k + 1], to_mark));
      schedule.Resume(k, next);
    }
  }
  auto take = [&](bool wait) -> Result<bool> {
    std::optional<BackfillBatchDone> done = writers->Next(wait);
    if (!done) return false;
    schedule.Finished(done->tag);
    b.report.phases.write += SecondsSince(mark);
    CORRESP_RETURN_IF_ERROR(TakeBackfilled(b, std::move(*done)));
    b.report.phases.link += SecondsSince(mark);
    return true;
  };
  std::size_t k = 0;
  for (std::uint64_t tag = 1;; ++tag) {
    BackfillSchedule::Step step = schedule.Next(k);
    if (step == BackfillSchedule::Step::kDone) break;
    if (step == BackfillSchedule::Step::kWait) {
      CORRESP_RETURN_IF_ERROR(take(true).status());
      continue;
    }
    std::size_t begin = schedule.Begin(k);
    std::size_t end = std::min(BatchEnd(todo, begin, batch_size), schedule.End(k));
    std::vector<Accession> slice;
    for (std::size_t i = begin; i < end; ++i) slice.push_back(todo[i].accession);
    schedule.Submitted(k, end, tag);
    CORRESP_ASSIGN_OR_RETURN(std::vector<Extracted> extracted,
                             ExtractBatch(b.catalog, b.store, b.pool, slice, b.finished));
    b.report.phases.extract += SecondsSince(mark);
    BackfillBatch batch{static_cast<int>(k), tag, {}, todo[end - 1].accession.text};
    for (Extracted& e : extracted) {
      if (ToMark(e)) to_mark.push_back(e.accession);
      if (!e.record) {
        ++b.report.failed;
        continue;
      }
      CORRESP_RETURN_IF_ERROR(Resolve(b.cache, *e.record));
      ++b.report.indexed;
      b.report.items += ItemsOf(e);
      batch.letters.push_back(std::move(*e.record));
    }
    CORRESP_RETURN_IF_ERROR(writers->Submit(std::move(batch)));
    b.report.phases.write += SecondsSince(mark);
    while (true) {
      CORRESP_ASSIGN_OR_RETURN(bool took, take(false));
      if (!took) break;
    }
  }
  while (true) {
    CORRESP_ASSIGN_OR_RETURN(bool took, take(true));
    if (!took) break;
  }
  CORRESP_ASSIGN_OR_RETURN(MergeReport merged, writers->Finish());
  CORRESP_RETURN_IF_ERROR(MarkIndexed(b.catalog, to_mark));
  b.report.documents = merged.documents;
  b.report.phases.commit += SecondsSince(mark);
  b.committed();
  return Status::Ok();
}

}  // namespace

std::optional<DocumentInfo> PickLetterDocument(const Filing& filing) {
  for (const DocumentInfo& d : filing.documents)
    if (IsLetterType(d.type) && IsTextual(d)) return d;
  for (const DocumentInfo& d : filing.documents)
    if (IsLetterType(d.type)) return d;
  for (const DocumentInfo& d : filing.documents)
    if (IsTextual(d)) return d;
  return std::nullopt;
}

Result<IndexReport> IndexPending(const Config& config, Catalog& catalog, const DocumentStore& store,
                                 const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  auto mark = started;
  IndexReport report;
  if (options.rebuild && options.check_free_space)
    CORRESP_RETURN_IF_ERROR(CheckRebuildSpace(
        IndexPath(config), options.free_space ? options.free_space : FreeSpaceOf));
  if (options.rebuild) CORRESP_RETURN_IF_ERROR(catalog.ClearIndexed());
  CORRESP_ASSIGN_OR_RETURN(std::vector<FilingToIndex> todo, catalog.ListToIndex(kExtractorVersion));
  if (options.cik_range) {
    std::size_t pending = todo.size();
    todo = InCikRange(std::move(todo), *options.cik_range);
    report.outside_range = pending - todo.size();
  }
  report.filings = todo.size();
  std::size_t batch_size = std::max<std::size_t>(1, options.batch_size);
  CompanyFilingsCache cache(catalog);
  CORRESP_RETURN_IF_ERROR(cache.Load());
  ThreadChanges changes;
  std::unique_ptr<ExtractPool> pool;
  IndexProgress progress{0, todo.size(), 0};
  auto finished = [&](const Extracted& e) {
    ++progress.done;
    progress.items += ItemsOf(e);
    if (options.progress) options.progress(progress);
  };
  std::vector<Cik> ciks = CiksOf(todo);
  BackfillPlan plan = ChooseBackfillPlan(IndexPath(config), ciks, options.backfill_writers);
  // Writes every filing of `todo` into partials merged into (or replacing) the index.
  auto backfill = [&](MergeTarget target) -> Result<IndexReport> {
    if (!pool) {
      CORRESP_ASSIGN_OR_RETURN(pool, ExtractPool::Start(config.extract));
    }
    report.phases.prepare = SecondsSince(mark);
    auto show = [&] {
      if (options.progress) options.progress(progress);
    };
    Backfill b{
        catalog, store, *pool, cache, changes, report, options, finished, show, [&](std::size_t n) {
          progress.done += n;
          show();
        }};
    CORRESP_RETURN_IF_ERROR(RunBackfill(b, IndexPath(config), todo, ciks, plan, target));
    changes.Count(report);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
  };
  // A rebuild writes a new index beside the old one, which it never opens (so an index of an
  // older schema is rebuilt too), and which keeps answering searches until the new one is
  // swapped in. Every letter was resolved against the current cache: no company is stale.
  if (options.rebuild && !todo.empty()) {
    CORRESP_ASSIGN_OR_RETURN(IndexReport rebuilt, backfill(MergeTarget::kReplaceIndex));
    CORRESP_RETURN_IF_ERROR(MarkCompaniesResolved(catalog, cache.Stale()));
    return rebuilt;
  }
  CORRESP_ASSIGN_OR_RETURN(std::unique_ptr<IndexWriter> writer,
                           IndexWriter::Open(IndexPath(config), options.writer));
  CORRESP_RETURN_IF_ERROR(ResolveStaleCompanies(catalog, *writer, cache, changes, report));
  if (!todo.empty()) {
    CORRESP_ASSIGN_OR_RETURN(pool, ExtractPool::Start(config.extract));
  }
  CORRESP_ASSIGN_OR_RETURN(long documents, writer->DocumentCount());
  if (plan.parts() > 1 && documents == 0 && writer->LetterCount() == 0) {
    writer.reset();  // the merge replaces the empty index
    return backfill(MergeTarget::kEmptyIndex);
  }
  // Written in place from here: what an interrupted backfill or rebuild left is stale.
  BackfillWriters::RemoveLeftovers(IndexPath(config));
  report.phases.prepare = SecondsSince(mark);
  for (std::size_t begin = 0; begin < todo.size();) {
    std::size_t end = BatchEnd(todo, begin, batch_size);
    std::vector<Accession> slice;
    for (std::size_t i = begin; i < end; ++i) slice.push_back(todo[i].accession);
    begin = end;
    CORRESP_ASSIGN_OR_RETURN(std::vector<Extracted> batch,
                             ExtractBatch(catalog, store, *pool, slice, finished));
    report.phases.extract += SecondsSince(mark);
    std::set<Cik> companies;
    for (Extracted& e : batch) {
      if (!e.record) {
        ++report.failed;
        continue;
      }
      CORRESP_RETURN_IF_ERROR(Resolve(cache, *e.record));
      CORRESP_RETURN_IF_ERROR(writer->PutLetter(*e.record));
      companies.insert(e.record->cik);
      ++report.indexed;
      report.items += ItemsOf(e);
    }
    report.phases.write += SecondsSince(mark);
    CORRESP_RETURN_IF_ERROR(ReplaceCompanyThreads(catalog, *writer, companies, changes));
    report.relinks += companies.size();
    report.phases.link += SecondsSince(mark);
    CORRESP_RETURN_IF_ERROR(writer->Commit());
    CORRESP_RETURN_IF_ERROR(MarkBatch(catalog, batch));
    ++report.batches;
    report.phases.commit += SecondsSince(mark);
    if (options.progress) options.progress(progress);
  }
  changes.Count(report);
  CORRESP_ASSIGN_OR_RETURN(report.documents, writer->DocumentCount());
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace corresp
