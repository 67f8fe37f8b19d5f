// The reviewing office and the staff contacts of a letter: "Office of Manufacturing" in a staff
// letter's signature block (or a company letter's address block), and the people named in
// "You may contact NAME, Staff Accountant, at (202) 551-...".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/block.h"

namespace corresp {

struct StaffOffice {
  std::optional<std::string> office;  // normalised, see OfficeIn
  std::vector<std::string> contacts;  // names, in order of mention, no repeats
};

// Reads the office and contacts of a letter. A staff letter is read from its closing zone
// (the last kClosingZoneBlocks blocks), then from its head (the blocks before `body_start`)
// when the closing names no office; a company letter from its head alone (the SEC office it
// writes to) and has no contacts. Never fails; what is not found stays empty.
StaffOffice ReadStaffOffice(const std::vector<Block>& blocks, size_t body_start, bool staff_letter);

// The office named in `lines` (one line per element, in reading order): the last "Office of
// X" (continued onto the next line when a line ends in "and", "&" or ","), else "AD Office 11
// - Telecommunications" as "Office of Telecommunications", else "Disclosure Review Program",
// else "Division of Corporation Finance". "&" is written "and", ", and" as " and", spaces
// collapsed. nullopt when none is named.
std::optional<std::string> OfficeIn(const std::vector<std::string>& lines);

// The staff named as contacts in `text` (the closing paragraphs joined by spaces): each NAME
// of "contact NAME [, Title,] at PHONE [or NAME [, Title,] at PHONE]..." (also after "call"
// and "direct them to", and "or, in her absence, to NAME"), and `signer` for "me" / "the
// undersigned" when it is not empty.
std::vector<std::string> ContactsIn(std::string_view text, std::string_view signer);

// The signer of a staff letter: the name after "/s/" in `text` ("/s/ Jennifer Monick"), or
// "" when the letter is not signed that way.
std::string SignerIn(std::string_view text);

}  // namespace corresp
