#include "indexer/index/extract_worker.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <nlohmann/json.hpp>
#include <vector>

#include "indexer/extract/extract.h"
#include "indexer/index/letter_record.h"

namespace corresp {
namespace {

constexpr std::size_t kLengthBytes = 8;
constexpr std::size_t kHeaderLengthBytes = 4;

void PutLittleEndian(std::string& out, std::uint64_t value, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t GetLittleEndian(std::string_view in, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  return value;
}

// Reads exactly `n` bytes. 0 = done, 1 = clean end of file before any byte, -1 = error or
// end of file part way.
int ReadExactly(int fd, char* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, out + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return r == 0 && got == 0 ? 1 : -1;
    got += static_cast<std::size_t>(r);
  }
  return 0;
}

// ---- the worker's side ----------------------------------------------------------------------

// The test fault switch (see the header): the fault named for `subject`, or "".
std::string FaultFor(const std::string& subject) {
  const char* spec = std::getenv("CORRESP_TEST_EXTRACT_FAULT");
  if (!spec) return "";
  std::string all = spec;
  std::size_t pos = 0;
  while (pos <= all.size()) {
    std::size_t end = all.find(',', pos);
    if (end == std::string::npos) end = all.size();
    std::string item = all.substr(pos, end - pos);
    std::size_t colon = item.find(':');
    if (colon != std::string::npos && item.substr(colon + 1) == subject)
      return item.substr(0, colon);
    pos = end + 1;
  }
  return "";
}

void InjectFault(const std::string& fault) {
  if (fault == "crash") {
    volatile int* null = nullptr;
    *null = 1;  // a real SIGSEGV, as a buggy reader would take
  } else if (fault == "hang") {
    while (true) asm volatile("");  // spins on the CPU; the barrier keeps the loop
  } else if (fault == "sleep") {
    while (true) ::pause();
  } else if (fault == "oom") {
    std::vector<std::string*> hoard;
    while (true) hoard.push_back(new std::string(1 << 20, 'x'));
  }
}

// Address space the process has mapped now, from /proc/self/statm (0 when unreadable).
std::uint64_t MappedBytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long pages = 0;
  int n = std::fscanf(f, "%lu", &pages);
  std::fclose(f);
  return n == 1 ? static_cast<std::uint64_t>(pages) * ::sysconf(_SC_PAGESIZE) : 0;
}

void SetLimit(int resource, rlim_t soft, rlim_t hard) {
  rlimit limit{soft, hard};
  ::setrlimit(resource, &limit);
}

// CPU seconds this process has used so far, rounded up.
rlim_t CpuSecondsUsed() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<rlim_t>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1);
}

void ApplyStartLimits(const ExtractOptions& limits) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a writer that dies takes its workers along
  ::signal(SIGINT, SIG_IGN);           // Ctrl-C stops the writer, which then closes the workers
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGXCPU, SIG_DFL);
  SetLimit(RLIMIT_CORE, 0, 0);
#if !defined(__SANITIZE_ADDRESS__)  // ASan reserves terabytes of shadow memory up front
  SetLimit(RLIMIT_AS, MappedBytes() + (limits.max_memory_mb << 20), RLIM_INFINITY);
#endif
  std::set_new_handler([] { ::_exit(kWorkerOutOfMemoryExit); });
}

Letter ExtractJobLetter(const ExtractJob& job) {
  InjectFault(FaultFor(job.subject));
  return ExtractLetter(ExtractInput{job.bytes, job.name, job.form});
}

}  // namespace

std::string EncodeJob(const ExtractJob& job) {
  nlohmann::json header = {{"subject", job.subject},
                           {"name", job.name},
                           {"form", job.form ? nlohmann::json(*job.form) : nlohmann::json()}};
  std::string text = header.dump();
  std::string out;
  out.reserve(kHeaderLengthBytes + text.size() + job.bytes.size());
  PutLittleEndian(out, text.size(), kHeaderLengthBytes);
  return out.append(text).append(job.bytes);
}

Result<ExtractJob> DecodeJob(std::string_view payload) {
  if (payload.size() < kHeaderLengthBytes) return ParseError("extract job: no header length");
  std::uint64_t length = GetLittleEndian(payload, kHeaderLengthBytes);
  if (payload.size() - kHeaderLengthBytes < length) return ParseError("extract job: short header");
  nlohmann::json header =
      nlohmann::json::parse(payload.substr(kHeaderLengthBytes, length), nullptr, false);
  if (!header.is_object() || !header.value("subject", nlohmann::json()).is_string() ||
      !header.value("name", nlohmann::json()).is_string())
    return ParseError("extract job: malformed header");
  ExtractJob job;
  job.subject = header["subject"].get<std::string>();
  job.name = header["name"].get<std::string>();
  if (header.contains("form") && header["form"].is_string())
    job.form = header["form"].get<std::string>();
  job.bytes = std::string(payload.substr(kHeaderLengthBytes + length));
  return job;
}

std::string EncodeReply(const Letter& letter) {
  // Replace invalid UTF-8 rather than throw: the reply must always be written.
  return LetterToFullJson(letter).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Letter> DecodeReply(std::string_view payload) {
  nlohmann::json j = nlohmann::json::parse(payload, nullptr, false);
  if (!j.is_object()) return ParseError("extract reply: not a letter object");
  return LetterFromFullJson(j);
}

Status WriteFrame(int fd, std::string_view payload) {
  std::string length;
  PutLittleEndian(length, payload.size(), kLengthBytes);
  for (std::string_view part : {std::string_view(length), payload}) {
    while (!part.empty()) {
      ssize_t n = ::send(fd, part.data(), part.size(), MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return IoError(std::string("extract worker socket: ") + std::strerror(errno));
      part.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  return Status::Ok();
}

Result<std::string> ReadFrame(int fd) {
  char length[kLengthBytes];
  int r = ReadExactly(fd, length, kLengthBytes);
  if (r == 1) return NotFound("extract worker socket: end of file");
  if (r < 0) return IoError("extract worker socket: stream ended inside a frame length");
  std::uint64_t size = GetLittleEndian(std::string_view(length, kLengthBytes), kLengthBytes);
  if (size > kMaxFrameBytes) return Corruption("extract worker socket: frame over the cap");
  std::string payload(size, '\0');
  if (size > 0 && ReadExactly(fd, payload.data(), size) != 0)
    return IoError("extract worker socket: stream ended inside a frame");
  return payload;
}

Result<std::optional<std::string>> FrameReader::Next() {
  if (buffer_.size() < kLengthBytes) return std::optional<std::string>();
  std::uint64_t size = GetLittleEndian(buffer_, kLengthBytes);
  if (size > kMaxFrameBytes) return Corruption("extract worker reply: frame over the cap");
  if (buffer_.size() - kLengthBytes < size) return std::optional<std::string>();
  std::string payload = buffer_.substr(kLengthBytes, size);
  buffer_.erase(0, kLengthBytes + size);
  return std::optional<std::string>(std::move(payload));
}

void RunExtractWorker(int fd, const ExtractOptions& limits) {
  ApplyStartLimits(limits);
  while (true) {
    Result<std::string> frame = ReadFrame(fd);
    if (!frame.ok()) ::_exit(frame.status().code() == StatusCode::kNotFound ? 0 : 1);
    Result<ExtractJob> job = DecodeJob(*frame);
    if (!job.ok()) ::_exit(1);
    // RLIMIT_CPU counts the whole process: re-arm it for this job. The hard limit stays open
    // so the soft one can be raised again; SIGXCPU's default action ends the process.
    SetLimit(RLIMIT_CPU, CpuSecondsUsed() + static_cast<rlim_t>(limits.cpu_seconds), RLIM_INFINITY);
    std::string reply;
    try {
      reply = EncodeReply(ExtractJobLetter(*job));
    } catch (const std::bad_alloc&) {
      ::_exit(kWorkerOutOfMemoryExit);
    } catch (const std::exception& e) {
      Letter failed;
      failed.file = job->name;
      failed.unreadable = std::string("extractor threw: ") + e.what();
      reply = EncodeReply(failed);
    }
    if (!WriteFrame(fd, reply).ok()) ::_exit(1);
  }
}

WorkerDeath ExitReason(int wait_status, bool timed_out, const ExtractOptions& limits) {
  if (timed_out)
    return {ResourceExhausted("extraction exceeded the time limit (" +
                              std::to_string(limits.wall_seconds) + " s wall clock); killed"),
            true};
  if (WIFEXITED(wait_status)) {
    int code = WEXITSTATUS(wait_status);
    if (code == kWorkerOutOfMemoryExit)
      return {ResourceExhausted("extraction exceeded the memory limit (" +
                                std::to_string(limits.max_memory_mb) + " MiB)"),
              true};
    return {Unavailable("extraction worker exited with status " + std::to_string(code) +
                        " before replying"),
            false};
  }
  if (!WIFSIGNALED(wait_status))
    return {Unavailable("extraction worker vanished before replying"), false};
  int sig = WTERMSIG(wait_status);
  const char* abbrev = ::sigabbrev_np(sig);
  std::string name = abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
  switch (sig) {
    case SIGXCPU:
      return {ResourceExhausted("extraction exceeded the CPU time limit (" +
                                std::to_string(limits.cpu_seconds) + " s); killed by SIGXCPU"),
              true};
    case SIGSEGV:
    case SIGBUS:
    case SIGILL:
    case SIGFPE:
    case SIGABRT:
    case SIGSYS:
    case SIGTRAP:
      return {Internal("extraction crashed: killed by " + name + " (" + ::strsignal(sig) + ")"),
              true};
    default:
      return {Unavailable("extraction worker killed by " + name + " from outside; will retry"),
              false};
  }
}

}  // namespace corresp
