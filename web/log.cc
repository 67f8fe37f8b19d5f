#include "web/log.h"

#include <unistd.h>

#include <string>

namespace corresp::web {

void LogToStderr(std::string_view line) {
  std::string out = "corresp serve: ";
  out.append(line);
  out += '\n';
  // One write(2) per line: stderr is unbuffered and shared by every I/O thread.
  ssize_t ignored = ::write(STDERR_FILENO, out.data(), out.size());
  (void)ignored;
}

}  // namespace corresp::web
