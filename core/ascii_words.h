// Lower-casing text, and splitting it into lower-case ASCII words: the tokeniser the company-name
// rule (core/company_name.h) and the topic tagger's cue matching (indexer/index/topics.h) share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corresp {

// The runs of ASCII letters and digits of `text`, lower-cased; every other byte (spaces,
// punctuation, "&", non-ASCII bytes) separates words. "Non-GAAP" -> {"non", "gaap"};
// "MD&A" -> {"md", "a"}; "" -> {}.
std::vector<std::string> LowerAsciiWords(std::string_view text);

// `text` with every byte passed through std::tolower (ASCII letters in the "C" locale corresp
// runs in); other bytes kept. "Form 10-K" -> "form 10-k".
std::string Lowercase(std::string_view text);

}  // namespace corresp
