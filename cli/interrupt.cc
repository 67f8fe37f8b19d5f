#include "cli/interrupt.h"

#include <signal.h>
#include <unistd.h>

namespace corresp {
namespace {

std::atomic<bool> g_stop{false};

void OnSignal(int) {
  if (g_stop.exchange(true)) _exit(130);
  static const char kMsg[] = "\ncorresp: stopping after in-flight work (again to abort)\n";
  (void)!write(2, kMsg, sizeof kMsg - 1);
}

}  // namespace

const std::atomic<bool>* InstallStopHandler() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  return &g_stop;
}

}  // namespace corresp
