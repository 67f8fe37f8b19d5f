#include "indexer/segment/staff_office.h"

#include <re2/re2.h>

#include <algorithm>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// The signature block and the "you may contact" paragraph end a staff letter; the longest
// closing seen in the corpus (a paragraph on acceleration requests, contacts, signature, a
// cc list, page furniture) spans about 25 blocks.
constexpr size_t kClosingZoneBlocks = 40;
// Words of an office name after "Office of": "Beverages, Apparel and Mining" has 4; a longer
// run of capitalised words has run into a name on the next line.
constexpr int kMaxOfficeWords = 5;
// Characters after "contact" searched for the names of one contact sentence ("You may contact
// Mark Rakip, Staff Accountant, at (202) 551-3573 or Jennifer Monick, Assistant Chief
// Accountant, at (202) 551-3295 with any questions" is 150).
constexpr size_t kContactWindow = 400;

const char* kName = R"([A-Z][A-Za-z'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Za-z'-]+){1,2})";

std::string Normalise(std::string name) {
  static const RE2 amp(R"(\s*&\s*)");
  static const RE2 stray_dash(R"(\s+-\s+)");
  static const RE2 comma_and(R"(,\s*and\b)");
  static const RE2 trailing(R"((?:\s+and|,|\s)+$)");
  RE2::GlobalReplace(&name, amp, " and ");
  RE2::GlobalReplace(&name, stray_dash, " ");
  RE2::GlobalReplace(&name, comma_and, " and");
  name = CollapseSpace(name);
  RE2::Replace(&name, trailing, "");
  return name;
}

// Words that end an office name: page furniture that PDF extraction puts after it (a page
// header's month, the form-field labels "FirstName LastName" / "Comapany Name" of the SEC's
// letter template).
bool IsFurnitureWord(std::string_view word) {
  static const RE2 re(
      R"((?:January|February|March|April|May|June|July|August|September|October|November|December|FirstName|LastName|Comapany|Company|Page|Sincerely)\b.*)");
  return RE2::FullMatch(word, re);
}

// `name` cut before its first furniture word.
std::string CutFurniture(const std::string& name) {
  size_t pos = 0;
  while (pos < name.size()) {
    size_t end = name.find(' ', pos);
    std::string_view word = std::string_view(name).substr(
        pos, end == std::string::npos ? std::string::npos : end - pos);
    if (IsFurnitureWord(word)) return name.substr(0, pos);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return name;
}

// A line of page furniture between a name and its continuation ("August 5, 2022 Page 2").
bool IsFurnitureLine(const std::string& line) {
  size_t end = line.find(' ');
  return line.empty() || IsFurnitureWord(line.substr(0, end));
}

bool EndsWithConnector(std::string_view line) {
  static const RE2 re(R"((?:\band|&|,|-)\s*$)");
  return RE2::PartialMatch(line, re);
}

// The last "Office of ..." of `lines`, with its continuation line.
std::optional<std::string> LastOfficeOf(const std::vector<std::string>& lines) {
  static const RE2 office(
      std::string(R"(\bOffice of ((?:the )?[A-Z][A-Za-z']*(?:,? (?:and )?[A-Z][A-Za-z']*){0,)") +
      std::to_string(kMaxOfficeWords - 1) + "})");
  for (size_t i = lines.size(); i-- > 0;) {
    size_t at = lines[i].rfind("Office of ");
    if (at == std::string::npos) continue;
    std::string rest = lines[i].substr(at);
    if (EndsWithConnector(rest)) {
      size_t next = i + 1;
      while (next < lines.size() && next < i + 4 && IsFurnitureLine(lines[next])) ++next;
      if (next < lines.size()) rest += " " + lines[next];
    }
    rest = Normalise(rest);
    std::string words;
    if (RE2::PartialMatch(rest, office, &words)) {
      std::string name = Normalise(CutFurniture(words));
      if (!name.empty()) return "Office of " + name;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> OfficeIn(const std::vector<std::string>& raw_lines) {
  std::vector<std::string> lines;
  for (const std::string& l : raw_lines) lines.push_back(CollapseSpace(FoldPunctuation(l)));
  if (std::optional<std::string> office = LastOfficeOf(lines)) return office;
  static const RE2 ad_office(
      R"(\bAD Office \d+\s*-\s*([A-Z][A-Za-z]+(?:,? (?:and |& )?[A-Z][A-Za-z]+){0,4}))");
  std::string name;
  for (size_t i = lines.size(); i-- > 0;)
    if (RE2::PartialMatch(lines[i], ad_office, &name)) return "Office of " + Normalise(name);
  for (const char* unit : {"Disclosure Review Program", "Division of Corporation Finance"})
    for (const std::string& l : lines)
      if (IContains(l, unit)) return std::string(unit);
  return std::nullopt;
}

std::string SignerIn(std::string_view raw) {
  std::string text = FoldPunctuation(raw);
  static const RE2 re(std::string(R"(/s/\s*()") + kName + ")");
  std::string name;
  if (!RE2::PartialMatch(text, re, &name)) return "";
  name = CollapseSpace(name);
  // "/s/ Cecilia Blye Cecilia Blye": the typed name repeats the signature; cut at the repeat.
  size_t first_end = name.find(' ');
  std::string first = name.substr(0, first_end);
  size_t again = name.find(" " + first, first_end);
  if (again != std::string::npos) name.resize(again);
  return name;
}

std::vector<std::string> ContactsIn(std::string_view raw, std::string_view signer) {
  std::string text = CollapseSpace(FoldPunctuation(raw));
  // "You may contact ...", "please direct them to ...", "please call ...".
  static const RE2 contact(
      R"((?i)\b(?:contact|call|direct (?:them|any questions|your questions|questions) to)\s)");
  static const RE2 person(
      std::string(
          R"(\b(?:contact|call|to|or|and),?\s+(?:in (?:his|her|their) absence,?\s+)?(?:to\s+)?()") +
      kName + R"(|me|the undersigned)(?:\s*,\s*[A-Za-z ]{3,60}?\s*,?)?\s+at\s+\(?\d{3})");
  std::vector<std::string> names;
  auto add = [&](std::string name) {
    if (name == "me" || name == "the undersigned") name = std::string(signer);
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(std::move(name));
  };
  re2::StringPiece m[2];
  size_t pos = 0;
  while (pos < text.size() && contact.Match(text, pos, text.size(), RE2::UNANCHORED, m, 1)) {
    size_t begin = static_cast<size_t>(m[0].data() - text.data());
    std::string_view window = std::string_view(text).substr(begin, kContactWindow);
    for (size_t at = 0; person.Match(window, at, window.size(), RE2::UNANCHORED, m, 2);
         at = static_cast<size_t>(m[0].data() - window.data()) + m[0].size())
      add(std::string(m[1].data(), m[1].size()));
    pos = begin + m[0].size();
  }
  return names;
}

StaffOffice ReadStaffOffice(const std::vector<Block>& blocks, size_t body_start,
                            bool staff_letter) {
  StaffOffice out;
  std::vector<std::string> head;
  for (size_t i = 0; i < std::min(body_start, blocks.size()); ++i) head.push_back(blocks[i].text);
  if (!staff_letter) {
    out.office = OfficeIn(head);
    return out;
  }
  size_t from = blocks.size() > kClosingZoneBlocks ? blocks.size() - kClosingZoneBlocks : 0;
  from = std::max(from, std::min(body_start, blocks.size()));
  std::vector<std::string> closing;
  std::string joined;
  for (size_t i = from; i < blocks.size(); ++i) {
    closing.push_back(blocks[i].text);
    joined += blocks[i].text + " ";
  }
  out.office = OfficeIn(closing);
  if (!out.office || *out.office == "Division of Corporation Finance") {
    std::optional<std::string> in_head = OfficeIn(head);
    if (in_head && (!out.office || in_head->starts_with("Office of"))) out.office = in_head;
  }
  out.contacts = ContactsIn(joined, SignerIn(joined));
  return out;
}

}  // namespace corresp
