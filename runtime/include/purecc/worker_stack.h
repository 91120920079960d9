// purecc/worker_stack.h — how much stack purecc's worker threads get.
//
// The serial program runs on the main thread, whose stack grows up to the
// process's stack limit (RLIMIT_STACK) as it is when the stack grows: a
// program that raises the limit with setrlimit, or is started under
// `ulimit -s unlimited`, recurses deeper than 8 MiB. A thread made with the
// default attributes gets the size glibc fixed at start-up (8 MiB, or
// 2 MiB when the limit was unlimited), so a map leaf or an offered branch
// that recursed fine in the serial program overflowed on a worker (adv58
// t42, t43: SIGSEGV at 2 and 4 threads). purecc's workers are made with the
// size worker_stack_size() gives when the pool starts (the first parallel
// construct): OMP_STACKSIZE where set, as for OpenMP's own threads, else
// the stack limit then, and 8 GiB of address space under an unlimited
// one (memory is only used as the stack grows); never less than a
// thread's default. Where the system refuses a stack that big (a limit of
// 64 GiB, strict overcommit), the pool halves it until one starts (adv59
// t09). The thread's size is what
// the 1/16 stack rule of should_spawn() measures (purecc/scheduler.h).
//
//   // OMP_STACKSIZE=512M ./app, or: ulimit -s 1048576; ./app
//   std::size_t bytes = purecc::worker_stack_size();
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <cstddef>
#include <optional>
#include <string_view>

namespace purecc {

/// The stack size, in bytes, that a worker thread started now gets:
/// OMP_STACKSIZE when it parses, else the current soft RLIMIT_STACK, else
/// (unlimited) kUnlimitedWorkerStack; never less than the system's default
/// thread stack (the main thread's at start-up). 0 when none can be told
/// (the default is used).
std::size_t worker_stack_size() noexcept;

/// A worker's stack under an unlimited RLIMIT_STACK: 8 GiB of address
/// space, which the kernel backs only as the stack grows (adv59 t08: the
/// serial program recursed 1.3 GB deep there).
inline constexpr std::size_t kUnlimitedWorkerStack = std::size_t{8} << 30;

namespace detail {
/// OMP_STACKSIZE's syntax (OpenMP 5.2, 21.2.2): a positive number with an
/// optional unit B, K, M or G (either case; K when none), blanks around;
/// std::nullopt for anything else (then the variable is ignored, as libgomp
/// ignores it with a warning).
std::optional<std::size_t> parse_stack_size(std::string_view text) noexcept;
}  // namespace detail

}  // namespace purecc
