// An exception from a loop's body, caught where the loop's result is still
// in scope: the serial loop leaves the result of the iterations before the
// throw (a partial sum, the elements appended or written so far), which a
// reduction, concatenation, selection or map run in parallel does not (its
// accumulator is merged only at the end; a map's other threads may have
// written elements past the throw). Such a loop stays serial: since the
// speculation rule (loop-may-throw.cpp), every loop whose body may throw
// does, whether or not a handler sees its result; the remark names what may
// throw. A body that cannot throw is still rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

[[pure]] std::string piece(long i) {
  if (i == 1700)
    throw std::runtime_error("bad piece");
  return std::to_string(i % 97) + ",";
}
[[pure]] long sq(long i) {
  if (i == 1700)
    throw std::runtime_error("bad square");
  long r = 0;
  for (long j = 0; j < 50; ++j)
    r += (i * j) % 7;
  return r;
}
[[pure]] long safe(long i) { return i * i % 1000; }

int main() {
  const long n = 2500;
  std::string s = "pre:";
  try {
    for (long i = 0; i < n; ++i)
      s += piece(i);
    // REMARK: exception-partial-results.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'piece' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("s %zu\n", s.size());
  // OUT: caught bad piece
  // OUT-NEXT: s 4924

  long t = 5;
  try {
    for (long i = 0; i < n; ++i)
      t += sq(i);
    // REMARK: exception-partial-results.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'sq' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("t %ld\n", t);
  // OUT-NEXT: caught bad square
  // OUT-NEXT: t 214184

  std::vector<long> out(n, -1);
  try {
    for (long i = 0; i < n; ++i)
      out[i] = sq(i);
    // REMARK: exception-partial-results.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'sq' may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  long written = 0;
  for (long x : out)
    written += x != -1;
  // REMARK: exception-partial-results.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'written' [purecc-reduction]
  std::printf("written %ld\n", written);
  // OUT-NEXT: caught bad square
  // OUT-NEXT: written 1700

  // Declared inside the try: no handler sees it, so it is still shared.
  try {
    long local = 0;
    for (long i = 0; i < n; ++i)
      local += sq(i % 1000);
    // REMARK: exception-partial-results.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'sq' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("local %ld\n", local);
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  // OUT-NEXT: local 314874

  // A body that cannot throw: shared even inside the try.
  long u = 0;
  try {
    for (long i = 0; i < 4 * n; ++i)
      u += safe(i);
    // REMARK: exception-partial-results.cpp:[[@LINE-2]]:5: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("u %ld\n", u);
  // OUT-NEXT: u 4615000

  // In a lambda: the handler around its call reads what it captured.
  long c = 0;
  auto run = [&] {
    for (long i = 0; i < n; ++i)
      c += sq(i);
    // REMARK: exception-partial-results.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'sq' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  };
  try {
    run();
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("c %ld\n", c);
  // OUT-NEXT: caught bad square
  // OUT-NEXT: c 214179
}
