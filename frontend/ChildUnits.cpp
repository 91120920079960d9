//===- ChildUnits.cpp - each unit of a check in a process of its own ------===//
#include "ChildUnits.h"
#include "CrashGuard.h"
#include "Driver.h"

#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace purecc {

void WireWriter::number(uint64_t N) { Bytes.append(reinterpret_cast<const char *>(&N), sizeof(N)); }

void WireWriter::text(llvm::StringRef S) {
  number(S.size());
  Bytes.append(S.data(), S.size());
}

bool WireReader::number(uint64_t &N) {
  if (Rest.size() < sizeof(N))
    return false;
  std::memcpy(&N, Rest.data(), sizeof(N));
  Rest = Rest.drop_front(sizeof(N));
  return true;
}

bool WireReader::number(unsigned &N) {
  uint64_t Wide = 0;
  if (!number(Wide))
    return false;
  N = unsigned(Wide);
  return true;
}

bool WireReader::text(std::string &S) {
  uint64_t N = 0;
  if (!number(N) || Rest.size() < N)
    return false;
  S = Rest.take_front(N).str();
  Rest = Rest.drop_front(N);
  return true;
}

namespace {

/// A unit being worked on by a child: the read end of the pipe its report
/// comes through, and the bytes read so far.
struct Child {
  pid_t Pid = -1;
  int Fd = -1;
  size_t Unit = 0;
  std::string Bytes;
};

bool writeAll(int Fd, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = ::write(Fd, Bytes.data(), Bytes.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Bytes = Bytes.drop_front(size_t(N));
  }
  return true;
}

/// Starts a child that runs Work(I) and writes its bytes to a pipe.
std::optional<Child> startChild(size_t I, llvm::function_ref<std::string(size_t)> Work) {
  int Pipe[2];
  if (::pipe2(Pipe, O_CLOEXEC) != 0)
    return std::nullopt;
  // What the parent has buffered would be written twice.
  llvm::outs().flush();
  llvm::errs().flush();
  pid_t Pid = ::fork();
  if (Pid < 0) {
    ::close(Pipe[0]);
    ::close(Pipe[1]);
    return std::nullopt;
  }
  if (Pid == 0) {
    ::close(Pipe[0]);
    // A fault that escapes recovery here kills this child only, silently:
    // the parent names the unit.
    setCrashMode(CrashMode::DieBySignal);
    std::string Bytes = Work(I);
    llvm::outs().flush();
    llvm::errs().flush();
    ::_exit(writeAll(Pipe[1], Bytes) ? ExitSuccess : ExitInternal);
  }
  ::close(Pipe[1]);
  return Child{Pid, Pipe[0], I, {}};
}

/// Reads what Child C has written; false at the end of its report.
bool readSome(Child &C) {
  char Buf[1 << 16];
  ssize_t N = ::read(C.Fd, Buf, sizeof(Buf));
  if (N < 0 && (errno == EINTR || errno == EAGAIN))
    return true;
  if (N <= 0)
    return false;
  C.Bytes.append(Buf, size_t(N));
  return true;
}

/// Waits for a child whose pipe has closed: its bytes if it ended cleanly.
std::optional<std::string> finishChild(Child &C) {
  ::close(C.Fd);
  int Status = 0;
  while (::waitpid(C.Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(Status) && WEXITSTATUS(Status) == ExitSuccess)
    return std::move(C.Bytes);
  return std::nullopt;
}

} // namespace

void runInChildren(size_t Count, size_t Jobs, llvm::function_ref<std::string(size_t)> Work,
                   llvm::function_ref<void(size_t, std::optional<std::string>)> Done) {
  Jobs = std::max<size_t>(Jobs, 1);
  std::vector<Child> Running;
  size_t Next = 0;
  while (Next < Count || !Running.empty()) {
    while (Running.size() < Jobs && Next < Count) {
      size_t I = Next++;
      if (std::optional<Child> C = startChild(I, Work))
        Running.push_back(std::move(*C));
      else if (Running.empty()) // no process to be had: work here
        Done(I, Work(I));
      else {
        --Next; // retry when a running child has ended
        break;
      }
    }
    if (Running.empty())
      continue;
    std::vector<pollfd> Fds;
    for (const Child &C : Running)
      Fds.push_back({C.Fd, POLLIN, 0});
    if (::poll(Fds.data(), Fds.size(), -1) < 0)
      continue; // EINTR
    for (size_t K = Running.size(); K-- > 0;) {
      if (!Fds[K].revents || readSome(Running[K]))
        continue;
      size_t Unit = Running[K].Unit;
      std::optional<std::string> Bytes = finishChild(Running[K]);
      Running.erase(Running.begin() + K);
      Done(Unit, std::move(Bytes));
    }
  }
}

} // namespace purecc
