// The extraction worker: the code that runs inside a forked worker process (started by
// extract_pool.h), and the wire protocol between it and the writer. The worker only calls the
// extractor (corresp_extract): no Xapian, no SQLite, no store.
//
// Protocol over one connected stream socket, one job at a time. Every message is a frame:
// an 8-byte little-endian payload length, then the payload.
//   writer -> worker  job:   4-byte little-endian header length, header JSON
//                            {"subject","name","form"}, then the document's raw bytes
//   worker -> writer  reply: the Letter as JSON (LetterToFullJson, letter_record.h)
// The worker reads jobs until end of file and then exits 0. It never replies with an error: an
// exception from the extractor comes back as a Letter with `unreadable` set, and a letter it
// cannot survive is one its process dies on; the writer reads that reason from the exit status
// (ExitReason below).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/options.h"
#include "core/letter.h"
#include "core/status.h"

namespace corresp {

struct ExtractJob {
  std::string subject;              // accession: names the job in failures and fault switches
  std::string name;                 // document filename (type sniffing, Letter::file)
  std::optional<std::string> form;  // catalog form, when known
  std::string bytes;                // the document's original bytes
};

// Frames larger than this are refused by readers (kCorruption): above the largest document the
// crawler stores (crawl.max_body_bytes, 100 MiB).
inline constexpr std::uint64_t kMaxFrameBytes = 256ull << 20;

std::string EncodeJob(const ExtractJob& job);
// kParse when the header is malformed or shorter than declared.
Result<ExtractJob> DecodeJob(std::string_view payload);
std::string EncodeReply(const Letter& letter);
// kParse when the payload is not a Letter's JSON.
Result<Letter> DecodeReply(std::string_view payload);

// Writes `payload` as one frame; blocks until written. kIoError when the peer is gone (no
// SIGPIPE: the socket is written with MSG_NOSIGNAL).
Status WriteFrame(int fd, std::string_view payload);
// Reads one whole frame, blocking. kNotFound at a clean end of file before the frame starts;
// kIoError when the stream ends inside a frame; kCorruption when the length is over the cap.
Result<std::string> ReadFrame(int fd);

// Reassembles frames from bytes read without blocking (the writer's side).
class FrameReader {
 public:
  // Appends bytes read from the socket.
  void Append(std::string_view bytes) { buffer_.append(bytes); }
  // The next complete payload, nullopt while incomplete; kCorruption when over the cap.
  Result<std::optional<std::string>> Next();
  // True when bytes of an unfinished frame are buffered.
  bool Partial() const { return !buffer_.empty(); }
  void Clear() { buffer_.clear(); }

 private:
  std::string buffer_;
};

// Exit code of a worker whose allocation failed under its memory limit.
inline constexpr int kWorkerOutOfMemoryExit = 86;

// Runs in the child after fork(): applies the limits (RLIMIT_AS = inherited address space +
// limits.max_memory_mb; RLIMIT_CPU re-armed to limits.cpu_seconds before every job; no core
// files; SIGINT ignored, dies with its parent), then serves jobs on `fd` until end of file, and
// _exit()s. Never returns.
//
// Test switch, honoured here only: CORRESP_TEST_EXTRACT_FAULT="crash:ACC,hang:ACC,sleep:ACC,
// oom:ACC" makes the job whose subject is ACC die of SIGSEGV, spin on the CPU, sleep, or
// allocate without bound. End-to-end tests use it to exercise each failure on a real run.
[[noreturn]] void RunExtractWorker(int fd, const ExtractOptions& limits);

// The failure a worker's death means for its job, from its wait status (waitpid) — or from
// `timed_out` when the writer killed it at the wall-clock limit. Crashes (SIGSEGV, SIGABRT,
// SIGBUS, SIGILL, SIGFPE, ...), the CPU limit (SIGXCPU), the memory limit and the time limit
// are permanent: the same bytes fail the same way. Anything else (SIGKILL or SIGTERM from
// outside: OOM killer, shutdown; an unexpected exit) is transient and retried next run.
struct WorkerDeath {
  Status reason;  // kInternal (crash), kResourceExhausted (limit), kUnavailable (transient)
  bool permanent = false;
};
WorkerDeath ExitReason(int wait_status, bool timed_out, const ExtractOptions& limits);

}  // namespace corresp
