// The English stemmer for snippets, remembering the stems it computed. A snippet stems every
// word of the hit's text when the query holds stemmed terms, and Snowball stemming was a third
// of a snippet's cost; the words of comment letters repeat from hit to hit and query to query,
// so most become one hash lookup. The stems are the stemmer's own: snippets do not change.
#pragma once

#include <xapian.h>

namespace corresp {

// A stemmer sharing this thread's cache (at most kMaxCachedStems words; it starts again
// empty when full). Use it on the calling thread only: the cache is not locked.
Xapian::Stem CachedEnglishStem();

// Words kept: the vocabulary of a large index's snippets fits, a few MB at most.
inline constexpr std::size_t kMaxCachedStems = 100'000;

}  // namespace corresp
