// A function whose body codegen parallelized gets a serial clone
// (FastClone.h), a copy of its text placed before it. Text that changes the
// preprocessor's state ran once more, and earlier, in the copy:
// `__COUNTER__` counts its expansions, so the clone and the parallel path of
// one function returned different values and every later `__COUNTER__` of
// the unit was shifted by one (adv24 S2: "0 0 1" became "3000 0 2"); and a
// `#undef K` / `#define K 2000` in a loop body made the function's own bound
// `n + K`, before it, read 2000 (adv24 S8). Such a function (directly, or
// through a unique-name macro) gets no clone (PreprocessorRecord.h); its
// loops are still parallel (the loop body moves, it is not copied). A
// function without such text still gets its clone.
// RUN: %purecc rewrite --remarks %s -o - -- -std=c++20 2>%t.remarks | FileCheck %s
// RUN: FileCheck %s --check-prefix=REMARK --implicit-check-not=remark: < %t.remarks
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define UNIQUE(name) CAT(name, __COUNTER__)

[[pure]] long heavy(long i) {
  long x = i;
  for (long k = 0; k < 200; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

// CHECK-NOT: purecc_serial_{{counted}}
[[pure]] long counted(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += heavy(i) % 2 + __COUNTER__;
  // REMARK: clone-preprocessor-state.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

// CHECK-NOT: purecc_serial_{{named}}
[[pure]] long named(long n) {
  const long UNIQUE(base) = 7;
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += heavy(i) % 3;
  // REMARK: clone-preprocessor-state.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s + base1;
}

// CHECK-NOT: purecc_serial_{{redefined}}
#define K 1000
[[pure]] long redefined(long n) {
  long s = 0;
  for (long i = 0; i < n + K; ++i) {
#undef K
#define K 2000
    s += heavy(i) % 3 + K;
  }
  // REMARK: clone-preprocessor-state.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s + K;
}

// CHECK: static long purecc_serial_plain_{{[0-9]+}}(long n) {
[[pure]] long plain(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += heavy(i) % 5;
  // REMARK: clone-preprocessor-state.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

int main() {
  long a = counted(3000), b = 0, c = 0;
  // Inside a parallel loop, where a serial clone would be called.
  for (long k = 0; k < 8; ++k)
    b += counted(100 + k) + named(50 + k);
  // REMARK: clone-preprocessor-state.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  for (long k = 0; k < 8; ++k)
    c += plain(100 + k) + redefined(100 * k);
  // REMARK: clone-preprocessor-state.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  std::printf("%ld %ld %ld %ld %d %d\n", a, b, c, redefined(1000), K, __COUNTER__);
  return 0;
}
// OUT: 1485 846 21628452 4003999 2000 2
