#include "query/cached_stem.h"

#include <string>
#include <unordered_map>

namespace corresp {

namespace {

class CachingStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    auto it = stems_.find(word);
    if (it != stems_.end()) return it->second;
    if (stems_.size() >= kMaxCachedStems) stems_.clear();
    return stems_.emplace(word, english_(word)).first->second;
  }
  std::string get_description() const override { return "corresp.CachingStem(english)"; }

 private:
  Xapian::Stem english_{"english"};
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem CachedEnglishStem() {
  thread_local Xapian::Stem stem(new CachingStem);
  return stem;
}

}  // namespace corresp
