// Errors as values: every fallible library function returns Status or Result<T>.
// Exceptions from third-party libraries are caught at the module edge and converted.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace corresp {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // caller passed something malformed (bad date, bad option)
  kNotFound,           // the thing asked for does not exist (HTTP 404, missing row)
  kAlreadyExists,      // unique thing already present
  kIoError,            // filesystem or OS call failed (disk full, permission)
  kCorruption,         // stored or received bytes fail their check (sha256, gzip, SGML)
  kNetwork,            // transport failure: timeout, reset, truncated body, 5xx after retries
  kBlocked,            // the server refused us for rate or identity (403/429); fatal for a run
  kUnavailable,        // resource busy (data dir locked by another writer)
  kParse,              // input could not be understood (index row, JSON, TOML)
  kCancelled,          // stopped by the user (SIGINT)
  kResourceExhausted,  // a limit was hit: CPU time, wall-clock time, memory
  kInternal,           // a bug: an invariant did not hold
};

// Short stable name of a code ("not_found"), used in logs and the failure record.
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "not_found: https://.../x.txt: HTTP 404"
  std::string ToString() const;

  // Returns a copy whose message is "context: message"; keeps the code.
  Status WithContext(const std::string& context) const;

  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
inline Status NetworkError(std::string m) { return {StatusCode::kNetwork, std::move(m)}; }
inline Status Blocked(std::string m) { return {StatusCode::kBlocked, std::move(m)}; }
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status ParseError(std::string m) { return {StatusCode::kParse, std::move(m)}; }
inline Status Cancelled(std::string m) { return {StatusCode::kCancelled, std::move(m)}; }
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or the Status explaining why there is none. Accessing value() of a failed
// Result is a precondition violation (asserts in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(state_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T operator*() && { return std::move(*this).value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace corresp

// Early-return helpers for code that returns Status or Result<T>.
#define CORRESP_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::corresp::Status corresp_status_ = (expr);        \
    if (!corresp_status_.ok()) return corresp_status_; \
  } while (0)

#define CORRESP_CONCAT_INNER(a, b) a##b
#define CORRESP_CONCAT(a, b) CORRESP_CONCAT_INNER(a, b)
#define CORRESP_ASSIGN_OR_RETURN(lhs, expr)                    \
  auto CORRESP_CONCAT(corresp_result_, __LINE__) = (expr);     \
  if (!CORRESP_CONCAT(corresp_result_, __LINE__).ok())         \
    return CORRESP_CONCAT(corresp_result_, __LINE__).status(); \
  lhs = std::move(CORRESP_CONCAT(corresp_result_, __LINE__)).value()
