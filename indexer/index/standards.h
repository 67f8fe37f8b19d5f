// Recognises the accounting standards and SEC rules a text cites and normalises each to one
// key (core/index_schema.h CanonicalStandardKey form): "SFAS 133", "FAS 133", "Statement 133",
// "Statement of Financial Accounting Standards No. 133" -> "sfas133"; "ASC 815-10" ->
// "asc815-10" (and its topic "asc815"); "SOP 01-6" -> "sop01-6"; "EITF 00-19" -> "eitf00-19";
// "SAB 104" / "Staff Accounting Bulletin No. 104" -> "sab104"; "SAB Topic 13" -> "sabtopic13";
// "IAS 39" -> "ias39"; "IFRS 9" -> "ifrs9"; "APB 25" -> "apb25"; "FIN 48" -> "fin48";
// "ASU 2014-09" -> "asu2014-09"; "Item 303 of Regulation S-K" -> "regsk303";
// "Rule 3-05 of Regulation S-X" -> "regsx3-05"; "Article 4-08(h)(1) of Regulation S-X" ->
// "regsx4-08" and its lettered paragraph "regsx4-08h"; "ASC paragraph 805-30-30-1" and a
// bare "Topic 805" (three digits) -> "asc805".
//
// Each cited key is expanded with its well-known pre-codification <-> ASC counterpart
// (SFAS 133 <-> ASC 815, SOP 01-6 <-> ASC 310-10, SFAS 146 <-> ASC 420, ...) so a search for
// either finds both. Total: any text in, never throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corresp {

struct StandardHit {
  std::string key;      // canonical key, "sfas133"
  int count = 0;        // citations in the text (0 for keys only reached through the mapping)
  bool direct = false;  // cited in the text (false: added by the pre-codification <-> ASC map)
};

// Keys cited in `text` plus their mapped counterparts, sorted by key, unique.
std::vector<StandardHit> FindStandards(std::string_view text);

// The counterparts of one key under the pre-codification <-> ASC map (empty when none).
std::vector<std::string> MappedStandards(std::string_view key);

// A readable label for a key: "sfas133" -> "SFAS 133", "regsk303" -> "Regulation S-K Item 303".
std::string StandardLabel(std::string_view key);

}  // namespace corresp
