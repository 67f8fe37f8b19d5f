// `corresp verify`: checks that the three stores agree.
//   - every object the catalog references exists in the store and hashes to its name;
//   - every fetched filing has its documents;
//   - every filing the catalog says is indexed has items in the index, and every letter in the
//     index is a filing of the catalog;
//   - objects nothing references (reported; `corresp gc` removes them).
// With repair: corrupt objects are deleted (a re-fetch stores them anew), and a filing whose
// objects are missing or corrupt is set back to "failed" so the
// next crawl/refresh re-fetches it (and, when a fetcher is available, re-fetched now by the
// caller); a filing missing from the index is un-marked so IndexPending re-extracts it; index
// items of letters unknown to the catalog are deleted.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/status.h"

namespace corresp {

class Catalog;
class DocumentStore;

struct VerifyProblem {
  std::string kind;     // missing_object | corrupt_object | no_documents | not_in_index |
                        // orphan_in_index | unreferenced_object
  std::string subject;  // accession or sha256
  std::string detail;   // human-readable, names the file
  bool repaired = false;
};

struct VerifyReport {
  std::size_t objects_checked = 0;
  std::size_t filings_checked = 0;
  std::size_t letters_in_index = 0;
  std::vector<VerifyProblem> problems;
  std::size_t refetch_needed = 0;  // filings set back to failed by repair
  std::size_t reindex_needed = 0;  // filings un-marked by repair
  bool ok() const;                 // no problem other than unreferenced objects
};

// `index_path` may not exist yet (nothing indexed): then only catalog/store are checked.
Result<VerifyReport> Verify(Catalog& catalog, DocumentStore& store,
                            const std::filesystem::path& index_path, bool repair);

// Re-fetches now every filing in the "failed" state (those `Verify` with repair set back, and
// any transient failure), then re-indexes what is pending. `config` must pass Validate().
// Returns how many filings were fetched. Errors as Crawler::FetchFilings and IndexPending.
Result<long> RefetchAndReindex(const Config& config, Catalog& catalog, DocumentStore& store);

}  // namespace corresp
