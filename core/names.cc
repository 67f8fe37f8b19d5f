#include <string_view>

#include "core/filing.h"
#include "core/letter.h"

namespace corresp {

const char* FetchStateName(FetchState state) {
  switch (state) {
    case FetchState::kDiscovered:
      return "discovered";
    case FetchState::kFetched:
      return "fetched";
    case FetchState::kFailed:
      return "failed";
    case FetchState::kPermanent:
      return "permanent";
  }
  return "discovered";
}

std::optional<FetchState> ParseFetchState(std::string_view name) {
  for (auto s :
       {FetchState::kDiscovered, FetchState::kFetched, FetchState::kFailed, FetchState::kPermanent})
    if (name == FetchStateName(s)) return s;
  return std::nullopt;
}

const char* LetterKindName(LetterKind kind) {
  switch (kind) {
    case LetterKind::kCommentLetter:
      return "comment_letter";
    case LetterKind::kClosing:
      return "closing";
    case LetterKind::kNoReview:
      return "no_review";
    case LetterKind::kResponse:
      return "response";
    case LetterKind::kExtensionRequest:
      return "extension_request";
    case LetterKind::kAccelerationRequest:
      return "acceleration_request";
    case LetterKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<LetterKind> ParseLetterKind(std::string_view name) {
  for (auto k : {LetterKind::kCommentLetter, LetterKind::kClosing, LetterKind::kNoReview,
                 LetterKind::kResponse, LetterKind::kExtensionRequest,
                 LetterKind::kAccelerationRequest, LetterKind::kOther})
    if (name == LetterKindName(k)) return k;
  return std::nullopt;
}

}  // namespace corresp
