#include "tools/edgar-mirror/filtered_listings.h"

#include "store/gzip.h"
#include "tools/edgar-mirror/daily_visibility.h"

namespace corresp::mirror {

Result<Bytes> FilteredListings::Get(const std::string& rel_path, Date cutoff, bool gzip) {
  if (!rel_path.ends_with("/index.json")) return files_->Get(rel_path, gzip);
  CORRESP_ASSIGN_OR_RETURN(Bytes source, files_->Get(rel_path, false));
  const std::string key = cutoff.ToIso() + " " + rel_path;
  Entry entry;
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.source == source) entry = it->second;
  }
  if (!entry.source) {
    entry.source = source;
    if (auto filtered = FilterDailyListing(rel_path, *source, cutoff)) {
      entry.filtered = std::make_shared<const std::string>(std::move(*filtered));
    }
  }
  if (!entry.filtered) return files_->Get(rel_path, gzip);
  if (gzip && !entry.gzipped) {
    CORRESP_ASSIGN_OR_RETURN(std::string packed, GzipCompress(*entry.filtered));
    entry.gzipped = std::make_shared<const std::string>(std::move(packed));
  }
  Bytes result = gzip ? entry.gzipped : entry.filtered;
  std::lock_guard lock(mu_);
  entries_[key] = std::move(entry);
  return result;
}

}  // namespace corresp::mirror
