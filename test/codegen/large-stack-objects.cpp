// The rewritten program must fit in the stack the serial one fits in (the
// usual 8 MiB here). A pure function whose frame holds 4.4 MB gets no fast
// clone: the parallel version's frame is set up before it tests
// should_spawn(), and the clone's frame is as large again (g++ inlines the
// clone, and every call needed 8.8 MB: a segfault at one thread, adv35
// t05). A thread that waits deep in its stack does not run other branches
// on top of it: two of those frames at once overflowed a worker, and a
// frame that skips the guard page wrote into another thread's stack (a
// wrong sum with exit 0, adv35 t06). A result of more than 16 KiB stays
// serial: the task builds it in its own storage and hands it on by value
// through the runtime's frames, several times the stack the serial program
// uses (adv35 t08).
// RUN: %purecc rewrite --remarks %s -o %t.rw.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=RW < %t.rw.cpp
// RUN: %purecc rewrite %s -o /dev/null --dump-after=plan -- -std=c++20 2>&1 | FileCheck %s --check-prefix=PLAN
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>

constexpr long kBig = 550000; // 4.4 MB of longs

[[pure]] long big(long s) {
  long buf[kBig];
  for (long i = 0; i < kBig; ++i)
    buf[i] = (i * s) % 1000003;
  // CHECK: large-stack-objects.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'buf' [purecc-parallel-map]
  long r = 0;
  for (long k = 0; k < kBig; ++k)
    r = (r * 7 + buf[(k * 31) % kBig]) % 1000003;
  return r;
}
// PLAN: no-fast-clone {{.*}}big: its frame holds 4400032 bytes ('buf'), which a clone's would double
// RW-NOT: purecc_{{serial}}_big

using Block = std::array<long, 300000>; // 2.4 MB
using Small = std::array<long, 2048>;   // 16 KiB: the largest result a task returns
using Over = std::array<long, 2049>;    // one element more

[[pure]] Block block(long s) {
  Block a{};
  for (long i = 0; i < 300000; ++i)
    a[i] = (i * s) % 1000003;
  // CHECK: large-stack-objects.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'a' [purecc-parallel-map]
  for (int r = 0; r < 20; ++r)
    for (long i = 1; i < 300000; ++i)
      a[i] = (a[i] + a[i - 1]) % 1000003;
  return a;
}
// PLAN: no-fast-clone {{.*}}block: its frame holds 2400028 bytes ('a'), which a clone's would double
[[pure]] Small small(long s) {
  Small a{};
  for (int r = 0; r < 3000; ++r)
    for (long i = 1; i < 2048; ++i)
      a[i] = (a[i - 1] * 3 + i * s + r) % 1000003;
  return a;
}

// Each part in a frame of its own: main's would hold all of them at once.
[[gnu::noinline]] void siblings(int argc) {
  long a = big(3 + argc);
  // CHECK: large-stack-objects.cpp:[[@LINE-1]]:12: remark: calls to 'big', 'big' and 'big' run in parallel [purecc-parallel-calls]
  long b = big(5 + argc);
  long c = big(7 + argc);
  std::printf("%ld %ld %ld\n", a, b, c);
}
[[gnu::noinline]] void reduction(int argc) {
  long t = 0;
  for (long i = 0; i < 8 + argc; ++i)
    t += big(i);
  // CHECK: large-stack-objects.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  std::printf("%ld\n", t);
}
[[gnu::noinline]] void results(int argc) {
  Block x = block(3 + argc);
  // CHECK: large-stack-objects.cpp:[[@LINE-1]]:13: remark: calls to 'block' and 'block' not parallelized: the result of 'block' has type 'Block' (2400000 bytes), and a task would hold copies of it on the stack [purecc-missed-parallel-calls]
  Block y = block(5 + argc);
  std::printf("%ld %ld\n", x[299999], y[12345]);
  Small p = small(3 + argc);
  // CHECK: large-stack-objects.cpp:[[@LINE-1]]:13: remark: calls to 'small' and 'small' run in parallel [purecc-parallel-calls]
  Small q = small(5 + argc);
  std::printf("%ld %ld\n", p[2047], q[100]);
}
[[pure]] Over over(long s) {
  Over a{};
  for (int r = 0; r < 3000; ++r)
    for (long i = 1; i < 2049; ++i)
      a[i] = (a[i - 1] * 5 + i * s + r) % 1000003;
  return a;
}
[[gnu::noinline]] void boundary(int argc) {
  Over u = over(3 + argc);
  // CHECK: large-stack-objects.cpp:[[@LINE-1]]:12: remark: calls to 'over' and 'over' not parallelized: the result of 'over' has type 'Over' (16392 bytes), and a task would hold copies of it on the stack [purecc-missed-parallel-calls]
  Over v = over(5 + argc);
  std::printf("%ld %ld\n", u[2048], v[7]);
}

int main(int argc, char **) {
  siblings(argc);
  reduction(argc);
  results(argc);
  boundary(argc);
}
// OUT: 409679 114517 819358
// OUT-NEXT: 4687114
// OUT-NEXT: 877834 733265
// OUT-NEXT: 601064 382845
// OUT-NEXT: 125425 719767
