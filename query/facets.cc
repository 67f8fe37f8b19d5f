#include "query/facets.h"

#include <bit>
#include <cstdint>

#include "core/index_schema.h"

namespace corresp {

namespace {

const char* FacetName(char field) {
  switch (field) {
    case schema::kFacetForm:
      return "form";
    case schema::kFacetYear:
      return "year";
    case schema::kFacetCompany:
      return "company";
    case schema::kFacetTopic:
      return "topic";
    case schema::kFacetStandard:
      return "standard";
    case schema::kFacetStatus:
      return "status";
    case schema::kFacetOffice:
      return "office";
  }
  return nullptr;
}

// Sample levels beyond this would keep a handful of documents out of billions.
constexpr int kMaxLevel = 40;

}  // namespace

void FacetTally::Add(std::string_view packed) {
  while (!packed.empty()) {
    size_t end = packed.find('\t');
    std::string_view token = packed.substr(0, end);
    packed.remove_prefix(end == std::string_view::npos ? packed.size() : end + 1);
    if (token.size() < 2 || token[1] != '=') continue;
    auto it = tokens_.find(token);
    if (it == tokens_.end())
      tokens_.emplace(std::string(token), 1);
    else
      ++it->second;
  }
}

void FacetTally::AddTo(FacetCounts& out, long scale) const {
  for (const auto& [token, n] : tokens_)
    if (const char* name = FacetName(token[0])) out[name][token.substr(2)] += n * scale;
}

FacetCounts FacetTally::counts(long scale) const {
  FacetCounts out;
  AddTo(out, scale);
  return out;
}

int FacetSampler::LevelOf(Xapian::docid did) {
  // splitmix64's finaliser: consecutive ids get unrelated bits, so the sample of a level is
  // spread evenly over the index whatever order documents were added in.
  std::uint64_t z = did + 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return std::min(std::countr_zero(z), kMaxLevel);
}

void FacetSampler::Add(Xapian::docid did, std::string_view packed) {
  int level = LevelOf(did);
  if (tallies_.size() <= static_cast<size_t>(level)) {
    tallies_.resize(level + 1);
    docs_.resize(level + 1);
  }
  tallies_[level].Add(packed);
  ++docs_[level];
  ++sampled_;
  // Over the limit: halve the sample rate, dropping the documents of the lowest level kept.
  while (exact_up_to_ > 0 && sampled_ > exact_up_to_ && level_ < kMaxLevel) {
    if (static_cast<size_t>(level_) < tallies_.size()) {
      sampled_ -= docs_[level_];
      docs_[level_] = 0;
      tallies_[level_] = FacetTally();
    }
    ++level_;
  }
}

FacetCounts FacetSampler::counts(long scale) const {
  FacetCounts out;
  scale <<= level_;
  for (size_t level = level_; level < tallies_.size(); ++level) tallies_[level].AddTo(out, scale);
  return out;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  Xapian::docid did = doc.get_docid();
  if (sampler_.Wants(did)) sampler_.Add(did, doc.get_value(schema::kSlotFacets));
}

}  // namespace corresp
