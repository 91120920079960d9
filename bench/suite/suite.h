// suite.h — the little driver every program of the side-by-side suite shares.
//
// A suite program is written once as plain serial C++ (bench/suite/<p>.cpp,
// with [[pure]] annotations); purecc's variant is that same file rewritten,
// and the hand-written OpenMP/TBB variants (<p>.omp.cpp, <p>.tbb.cpp)
// include it with PURECC_SUITE_VARIANT defined so they reuse its leaf
// functions, as a programmer tuning the serial code by hand would.
//
// Every variant is run as `prog <size>` and prints exactly one line,
//   result=<value> seconds=<wall seconds of the kernel only>
// so the runner (bench/suite/run_suite.py) can time the kernel without
// process start-up or input generation, and check that all variants agree.
// Threads come from OMP_NUM_THREADS (OpenMP and purecc's runtime read it;
// suite_tbb.h applies it to TBB).
//
//   int main(int argc, char** argv) {
//     long n = suite::size_arg(argc, argv, 40);
//     suite::timer t;
//     long r = fib(n);
//     suite::report(r, t);
//   }
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>

namespace suite {

/// The program's size argument (argv[1]), or `fallback` when absent.
/// Exits with a one-line error on anything but a positive integer.
inline long size_arg(int argc, char** argv, long fallback) {
  if (argc < 2) return fallback;
  char* end = nullptr;
  long v = std::strtol(argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || v <= 0) {
    std::fprintf(stderr, "%s: size must be a positive integer, got '%s'\n", argv[0], argv[1]);
    std::exit(2);
  }
  return v;
}

/// Wall-clock time since construction.
class timer {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Integers print exactly; doubles with 17 significant digits, so the runner
// can tell a bitwise-identical result from one equal within a tolerance.
inline void print_value(long long v) { std::printf("result=%lld", v); }
inline void print_value(double v) { std::printf("result=%.17g", v); }

template <class T>
void report(T value, const timer& t) {
  double secs = t.seconds();  // read first: printing is not part of the kernel
  if constexpr (std::is_floating_point_v<T>)
    print_value(static_cast<double>(value));
  else
    print_value(static_cast<long long>(value));
  std::printf(" seconds=%.6f\n", secs);
}

/// splitmix64's finalizer: the deterministic hash behind every input and
/// every "random" decision of the suite (a counter-based generator: the
/// value of draw k depends on k only, so no variant depends on call order).
constexpr std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace suite
