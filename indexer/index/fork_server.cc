#include "indexer/index/fork_server.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace corresp {
namespace {

// Every process the server runs keeps its one socket at this descriptor.
constexpr int kSocketFd = 3;

struct Request {
  char op = 0;  // 'S': spawn a child, 'R': reap child `pid`
  pid_t pid = 0;
};

struct Reply {
  pid_t pid = -1;
  int status = 0;  // wait status of a reaped child
  int error = 0;   // errno of a failed fork or waitpid, 0 on success
};

Status Errno(const std::string& what) { return IoError(what + ": " + std::strerror(errno)); }

// In a forked process: keep stdin/stdout/stderr and `fd` (as kSocketFd); close all else.
void KeepOnly(int fd) {
  if (fd != kSocketFd) {
    ::dup2(fd, kSocketFd);
  } else {
    ::fcntl(fd, F_SETFD, 0);
  }
  ::close_range(kSocketFd + 1, ~0U, 0);
}

pid_t WaitFor(pid_t pid, int* status) {
  pid_t r;
  do r = ::waitpid(pid, status, 0);
  while (r < 0 && errno == EINTR);
  return r;
}

// Sends `reply`, with descriptor `fd` attached when fd >= 0.
void SendReply(int channel, const Reply& reply, int fd) {
  iovec iov{const_cast<Reply*>(&reply), sizeof reply};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  if (fd >= 0) {
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
  }
  while (::sendmsg(channel, &msg, MSG_NOSIGNAL) < 0 && errno == EINTR) {
  }
}

// The server: forks children and reaps them on request until the caller closes the channel.
[[noreturn]] void Serve(int channel, const ForkServer::ChildMain& child_main) {
  while (true) {
    Request rq;
    ssize_t n = ::recv(channel, &rq, sizeof rq, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n != static_cast<ssize_t>(sizeof rq)) break;  // the caller is gone
    Reply reply;
    if (rq.op == 'R') {
      reply.pid = WaitFor(rq.pid, &reply.status);
      reply.error = reply.pid < 0 ? errno : 0;
      SendReply(channel, reply, -1);
      continue;
    }
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
      reply.error = errno;
      SendReply(channel, reply, -1);
      continue;
    }
    pid_t pid = ::fork();
    if (pid == 0) {
      KeepOnly(fds[1]);  // the channel goes too
      child_main(kSocketFd);
      ::_exit(0);
    }
    reply.pid = pid;
    reply.error = pid < 0 ? errno : 0;
    ::close(fds[1]);
    SendReply(channel, reply, pid < 0 ? -1 : fds[0]);
    ::close(fds[0]);
  }
  while (WaitFor(-1, nullptr) > 0) {
  }
  ::_exit(0);
}

}  // namespace

Result<std::unique_ptr<ForkServer>> ForkServer::Start(ChildMain child_main) {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0) return Errno("socketpair");
  pid_t pid = ::fork();
  if (pid < 0) {
    Status st = Errno("fork");
    ::close(fds[0]);
    ::close(fds[1]);
    return st;
  }
  if (pid == 0) {
    KeepOnly(fds[1]);
    Serve(kSocketFd, child_main);
  }
  ::close(fds[1]);
  return std::unique_ptr<ForkServer>(new ForkServer(pid, fds[0]));
}

ForkServer::~ForkServer() {
  ::close(channel_);
  WaitFor(pid_, nullptr);
}

Status ForkServer::Ask(char op, pid_t pid) {
  Request rq{op, pid};
  ssize_t n;
  do n = ::send(channel_, &rq, sizeof rq, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof rq)) return Errno("fork server");
  return Status::Ok();
}

Result<ForkServer::Child> ForkServer::Spawn() {
  CORRESP_RETURN_IF_ERROR(Ask('S', 0));
  Reply reply;
  iovec iov{&reply, sizeof reply};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n;
  do n = ::recvmsg(channel_, &msg, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof reply)) return IoError("fork server: gone");
  int fd = -1;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
      std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
  if (reply.error != 0) {
    if (fd >= 0) ::close(fd);
    return IoError(std::string("fork: ") + std::strerror(reply.error));
  }
  if (fd < 0) return IoError("fork server: no socket for child " + std::to_string(reply.pid));
  return Child{reply.pid, fd};
}

Result<int> ForkServer::Reap(pid_t pid) {
  CORRESP_RETURN_IF_ERROR(Ask('R', pid));
  Reply reply;
  ssize_t n;
  do n = ::recv(channel_, &reply, sizeof reply, 0);
  while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof reply)) return IoError("fork server: gone");
  if (reply.error != 0)
    return IoError("waitpid " + std::to_string(pid) + ": " + std::strerror(reply.error));
  return reply.status;
}

}  // namespace corresp
