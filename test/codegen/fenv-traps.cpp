// A floating-point trap the program enabled is enabled for the parallel
// work too: the division by zero ends the rewritten program with SIGFPE
// (exit status 136) as it ends the serial one, whichever thread runs it
// (before the fix, a worker computed inf and the program printed "no trap").
// feenableexcept is glibc's; elsewhere the program only prints its first line.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT --implicit-check-not=trap

#include <cfenv>
#include <cstdio>
#include <sys/resource.h>

[[pure]] double fd(long i) {
  const double x = 1.0 / (3.0 + double(i));
  double s = 0.0;
  for (int k = 1; k <= 60; ++k)
    s += x / k;
  return s;
}
// Divides by zero at i == 5: in the left half of the range, which the
// caller hands to a worker.
[[pure]] double inverse(long i) { return fd(i) / double(i - 5); }

int main() {
  const rlimit no_core{0, 0}; // the expected crash leaves no core file
  setrlimit(RLIMIT_CORE, &no_core);
  const long n = 20000;
  long warm = 0;
  for (long i = 0; i < n; ++i)
    warm += fd(i) > 0.01 ? 1 : 0;
  // REMARK: fenv-traps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'warm' [purecc-reduction]
  std::printf("warm %ld\n", warm);
  std::fflush(stdout);
#if defined(__GLIBC__)
  feenableexcept(FE_DIVBYZERO);
  long positive = 0;
  for (long i = 0; i < n; ++i)
    positive += inverse(i) > 0 ? 1 : 0;
  // REMARK: fenv-traps.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'positive' [purecc-reduction]
  std::printf("no trap %ld\n", positive);
#endif
  return 0;
}
// OUT: warm 465
