// Test helper: everything a data dir holds, in a comparable form, so a test can assert that
// an interrupted-then-resumed run ends exactly like an uninterrupted one.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace corresp::test {

struct StateSnapshot {
  // accession -> "form|fetch_state|indexed_version|doc1 sha,doc2 sha..."
  std::map<std::string, std::string> filings;
  std::map<std::string, std::string> threads;  // thread id -> "status|start|end|acc1,acc2"
  std::set<std::string> index_ids;             // every unique id term (Q...) in the index
  long index_documents = 0;                    // documents in the index
  std::string index_totals;  // the writer's count:* metadata, "letters/open/closed"
  std::string watermark;
  std::vector<std::string> failures;  // "subject|stage"
  long orphan_temp_files = 0;         // files left in store/tmp
  long unreferenced_objects = 0;      // store objects no filing references

  bool operator==(const StateSnapshot&) const = default;
};

StateSnapshot Snapshot(const std::filesystem::path& data_dir);
// A short human description of the differences, for failure messages.
std::string Describe(const StateSnapshot& a, const StateSnapshot& b);

}  // namespace corresp::test
