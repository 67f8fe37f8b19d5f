// Merges partial indexes, each written by its own IndexWriter over a disjoint set of companies,
// into one index (docs/scaling.md "Two writers for a backfill"). The partials are scratch: they
// are read, their letterdocs: metadata renumbered in place, then merged with Xapian's compactor
// into INDEX.merging, which is synced and swapped in for INDEX with one atomic rename (INDEX
// may be absent or an index without documents or letters, or any index at all when the merge
// replaces it: a rebuild; the old folder is then removed). A crash before the swap leaves INDEX
// as it was; after it, the merged index whole.
//
// Document ids: the compactor gives each partial's documents one offset (the partials in the
// order given, each packed after the previous one's last used docid), so the merged index
// holds the documents in the same order as one writer adding the partials' companies in that
// order. The docids recorded in letterdocs:<ACC> are shifted by the same offset before the
// merge. Metadata keys present in several partials: count:* are summed, last_indexed is the
// latest, schema and topics must be equal; any other key in two partials (a company written
// by two writers) fails the merge with kInternal and leaves INDEX alone.
//
// The caller holds the data dir's writer lock, no writer has a partial or INDEX open, and
// every partial is committed. The partials are not removed (the caller's scratch).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/status.h"

namespace corresp {

struct MergeReport {
  long documents = 0;              // in the merged index
  std::uintmax_t bytes_after = 0;  // of the merged index
  double seconds = 0;
};

// What the merge may put its result in place of.
enum class MergeTarget {
  kEmptyIndex,    // INDEX is absent or empty (a first backfill): anything else is refused
  kReplaceIndex,  // INDEX is replaced whatever it holds, of any schema (a rebuild)
};

// kNotFound when a partial is missing; kAlreadyExists when INDEX holds documents or letters and
// `target` is kEmptyIndex; kInternal on a metadata conflict (see above); kIoError when Xapian
// or the file system fails. INDEX is unchanged on any failure.
Result<MergeReport> MergePartialIndexes(const std::vector<std::filesystem::path>& partials,
                                        const std::filesystem::path& index,
                                        MergeTarget target = MergeTarget::kEmptyIndex);

}  // namespace corresp
