// --hide-daily-after: lets tests "reveal" EDGAR daily indexes one day at a time. For days
// after the cutoff, Archives/edgar/daily-index/ files answer 404 and their entries vanish
// from the index.json listings, exactly as if EDGAR had not published them yet.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace corresp::mirror {

// True when `rel_path` (relative to the mirror root) is a daily-index file or folder listing
// that does not exist yet on day `cutoff`: a year folder after the cutoff's year, a quarter
// folder starting after the cutoff, or a file named for a day after it
// ("master.20191231.idx"). Paths outside Archives/edgar/daily-index/ are never hidden.
bool IsHiddenDailyPath(std::string_view rel_path, Date cutoff);

// For an index.json listing under daily-index/: the listing without the entries hidden on
// day `cutoff` (same JSON shape, compact formatting). nullopt when nothing is hidden, so the
// caller serves the original bytes. Malformed JSON: nullopt (served as is).
std::optional<std::string> FilterDailyListing(std::string_view rel_path, std::string_view json,
                                              Date cutoff);

// The runtime control file ROOT/.mirror-control: lines "key=value", '#' comments.
// hide-daily-after=YYYY-MM-DD sets the cutoff; "none" or empty disables hiding.
// Returns the cutoff the file sets, nullopt inside when it disables hiding; kNotFound when
// the file does not mention hide-daily-after; kParse for a bad date or unknown key.
Result<std::optional<Date>> ParseMirrorControl(std::string_view text);

// The cutoff in force: ROOT/.mirror-control when present (re-read at every call, so a test
// may rewrite it between requests), else the --hide-daily-after value. Thread-safe.
class DailyCutoff {
 public:
  DailyCutoff(std::optional<Date> flag_value, std::string control_path);

  // A control file that cannot be parsed is reported on stderr and ignored.
  std::optional<Date> Current() const;

 private:
  const std::optional<Date> flag_value_;
  const std::string control_path_;
};

}  // namespace corresp::mirror
