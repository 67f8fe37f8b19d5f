// Splitting text into lower-case ASCII words: the tokeniser the company-name rule
// (core/company_name.h) and the topic tagger's cue matching (indexer/index/topics.h) share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corresp {

// The runs of ASCII letters and digits of `text`, lower-cased; every other byte (spaces,
// punctuation, "&", non-ASCII bytes) separates words. "Non-GAAP" -> {"non", "gaap"};
// "MD&A" -> {"md", "a"}; "" -> {}.
std::vector<std::string> LowerAsciiWords(std::string_view text);

}  // namespace corresp
