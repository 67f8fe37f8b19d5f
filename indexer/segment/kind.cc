#include "indexer/segment/kind.h"

#include <map>
#include <mutex>
#include <regex>

#include "indexer/extract/text_util.h"

namespace corresp {
namespace {

// Lower-cased, punctuation-folded text of the first blocks (up to max bytes).
std::string LeadText(const std::vector<Block>& blocks, size_t max) {
  std::string out;
  for (const Block& b : blocks) {
    out += FoldPunctuation(b.text);
    out += ' ';
    if (out.size() > max) break;
  }
  return AsciiLower(out);
}

// Patterns are compiled once (keyed by the literal's address) and shared between threads.
bool Has(const std::string& text, const char* pattern) {
  static std::mutex mu;
  static std::map<const char*, std::regex> cache;
  const std::regex* re;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(pattern);
    if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern)).first;
    re = &it->second;
  }
  return std::regex_search(text, *re);
}

}  // namespace

bool LooksLikeStaffLetter(const std::vector<Block>& blocks) {
  std::string t = LeadText(blocks, 6000);
  int score = 0;
  if (Has(t, R"(\bmail ?stop \d)")) score += 2;
  if (Has(t,
          R"(division of corporation finance|office of (?:global security risk|mergers|[a-z &]+)\b)"))
    score += 1;
  if (Has(t,
          R"(we have (?:reviewed|limited our review|completed our review|not reviewed|selectively reviewed)|we (?:do not intend to|will not) review)"))
    score += 2;
  if (Has(t,
          R"(\bin response to (?:the |your |our )?(?:staff|comment|letter)|respectfully (?:submit|advise|request)|on behalf of (?:our client|the company))"))
    score -= 3;
  if (Has(t,
          R"(we urge all persons|we remind you that the company and its management|you may contact .{0,80} at \(?202\)?)"))
    score += 2;
  // Staff letters are signed by the Division ("Sincerely, ... Division of Corporation
  // Finance"); company letters are addressed to it at the top.
  std::string all = LeadText(blocks, 200000);
  size_t sincerely = all.rfind("sincerely");
  if (sincerely != std::string::npos &&
      all.find("division of corporation finance", sincerely) != std::string::npos)
    score += 2;
  return score >= 2;
}

LetterKind ClassifyLetter(const std::vector<Block>& blocks, bool staff, size_t items) {
  std::string t = LeadText(blocks, 8000);
  if (staff) {
    std::string head = t.substr(0, std::min<size_t>(t.size(), 1500));
    if ((items == 0 || Has(head, R"(completed (?:our|its) review)")) &&
        Has(t, R"(completed (?:our|its) review)"))
      return LetterKind::kClosing;
    if (items == 0 &&
        Has(t,
            R"(not reviewed and will not review|will not review|do not intend to review|did not review|no further review|will not be reviewed)"))
      return LetterKind::kNoReview;
    if (items > 0) return LetterKind::kCommentLetter;
    if (Has(t, R"(following comments?|we have reviewed|we have limited our review)"))
      return LetterKind::kCommentLetter;
    if (Has(t, R"(completed (?:our|its) review)")) return LetterKind::kClosing;
    return LetterKind::kOther;
  }
  std::string head = t.substr(0, std::min<size_t>(t.size(), items > 0 ? 1500 : 4000));
  // A response speaks of the staff's comments early on; numbered representations in a
  // supplemental letter (e.g. an exchange-offer letter) do not.
  bool mentions_comments = Has(t.substr(0, std::min<size_t>(t.size(), 3000)), R"(comment)");
  if (items > 0 && mentions_comments &&
      !Has(head, R"(rule 461|request for acceleration|accelerat\w* (?:of )?(?:the )?effective)") &&
      !Has(head, R"((?:request|confirm)\w* (?:an? |the )?(?:extension|additional time))"))
    return LetterKind::kResponse;
  if (Has(head,
          R"(rule 461|request(?:s|ed)? (?:the )?(?:acceleration|that the (?:effective|effectiveness))|accelerat\w* (?:of )?(?:the )?effective|declared effective (?:at|as of|on)|request for acceleration)"))
    return LetterKind::kAccelerationRequest;
  if (Has(head, R"(extension|additional time|more time)") &&
      Has(head, R"(\brespon|\bcomment letter)"))
    return LetterKind::kExtensionRequest;
  // "... is still reviewing; we expect to respond by April 14" without the word extension.
  if (Has(head,
          R"((?:will|expects? to|intends? to|plans? to|anticipates?)\s+(?:respond|submit (?:its|our|a) (?:response|reply)|provide (?:its|our|a|the) (?:response|reply))[^.]{0,100}?\b(?:by|on or before|no later than)\s+(?:[a-z]+ \d{1,2}|the end of))"))
    return LetterKind::kExtensionRequest;
  if (Has(t,
          R"(in response to (?:the |your |our )?(?:staff'?s? |comment|letter)|(?:staff'?s?|commission'?s?) comments?|comments? of the staff|comment letter dated|(?:in|to) your (?:[a-z]+ \d{1,2}, \d{4} )?(?:comment )?letter|letter dated [a-z]+ \d{1,2}, \d{4}.{0,60}(?:regarding|concerning|relating))"))
    return LetterKind::kResponse;
  return LetterKind::kOther;
}

}  // namespace corresp
