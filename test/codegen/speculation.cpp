// The rewritten program evaluates only the calls the serial program would
// have evaluated: no call after a statement that may throw, none in the
// untaken branch of ?: or after a decided && / ||, none sequenced after an
// operand that may throw. simulate() never returns for x <= 0, so the e2e
// run below ends (well within its timeout) only if it is never called then.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: timeout 600 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>

// Cannot throw: no throw, no call that may.
[[pure]] long settle(long x) {
  long s = 0;
  for (long i = 0; i < x; ++i)
    s += (i * i) % 11;
  return s;
}

// Throws; and does enough work (settle's loop) to be worth a task.
[[pure]] long require_positive(long x) {
  if (x <= 0)
    throw std::invalid_argument("x must be positive, got " + std::to_string(x));
  return x + settle(x % 3);
}

// Counts 1, 2, 3, ... and wraps from 10^9 back to 1: never reaches x <= 0.
[[pure]] long simulate(long x) {
  long s = 0, i = 1;
  while (i != x) {
    s += i % 7;
    i = i < 1000000000 ? i + 1 : 1;
  }
  return s;
}

// CHECK:      {{^}}  long v = require_positive(x);
// CHECK-NEXT: {{^}}  long s = simulate(x);
[[pure]] long checked(long x) {
  long v = require_positive(x);
  long s = simulate(x);
  // REMARK: speculation.cpp:[[@LINE-2]]:12: remark: calls to 'require_positive' and 'simulate' not parallelized: 'require_positive' may throw, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return v + s;
}

// The earlier statement cannot throw: the two run in parallel, and the
// exception of the later one escapes as in the serial program.
// CHECK: {{^}}  auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return settle(x * 1000); },
[[pure]] long settled(long x) {
  long a = settle(x * 1000);
  long b = require_positive(x);
  // REMARK: speculation.cpp:[[@LINE-2]]:12: remark: calls to 'settle' and 'require_positive' run in parallel [purecc-parallel-calls]
  return a + b;
}

// A braced initializer evaluates its elements in order.
struct Pair {
  long a, b;
};
// CHECK: {{^}}[[PURE:/\*\[\[pure\]\]\*/]] Pair both(long x) { return Pair{require_positive(x), simulate(x)}; }
[[pure]] Pair both(long x) { return Pair{require_positive(x), simulate(x)}; }
// REMARK: speculation.cpp:[[@LINE-1]]:42: remark: calls to 'require_positive' and 'simulate' not parallelized: the call to 'simulate' comes after 'require_positive', which may throw [purecc-missed-parallel-calls]

// The branch not taken and the operand after a decided && are not evaluated:
// their calls run in parallel inside the branch, only when it is taken.
// CHECK: {{^}}[[PURE]] long pick(long x) { if (!::purecc::should_spawn()) return purecc_serial_pick_{{[0-9]+}}(x); return x > 0 ? [&] { auto [purecc_r4, purecc_r5] = ::purecc::parallel_invoke([&] { return simulate(x); }, [&] { return simulate(x + 1); }); return purecc_r4 + purecc_r5; }() : -1; }
[[pure]] long pick(long x) { return x > 0 ? simulate(x) + simulate(x + 1) : -1; }
// REMARK: speculation.cpp:[[@LINE-1]]:45: remark: calls to 'simulate' and 'simulate' run in parallel [purecc-parallel-calls]
// CHECK: {{^}}[[PURE]] bool both_positive(long x) { if (!::purecc::should_spawn()) return purecc_serial_both_positive_{{[0-9]+}}(x); return x > 0 && [&] { auto [purecc_r7, purecc_r8] = ::purecc::parallel_invoke([&] { return simulate(x); }, [&] { return simulate(x + 1); }); return purecc_r7 + purecc_r8 > 0; }(); }
[[pure]] bool both_positive(long x) { return x > 0 && simulate(x) + simulate(x + 1) > 0; }
// REMARK: speculation.cpp:[[@LINE-1]]:55: remark: calls to 'simulate' and 'simulate' run in parallel [purecc-parallel-calls]

int main() {
  std::printf("%ld %ld\n", checked(1000), settled(3));
  std::printf("%ld %d %ld %d\n", pick(-1), both_positive(-1), pick(1000), both_positive(1000));
  for (long x : {-1L, 0L}) {
    try {
      std::printf("%ld\n", checked(x));
    } catch (const std::invalid_argument &e) {
      std::printf("caught: %s\n", e.what());
    }
    try {
      std::printf("%ld\n", settled(x));
    } catch (const std::invalid_argument &e) {
      std::printf("caught: %s\n", e.what());
    }
    try {
      std::printf("%ld\n", both(x).b);
    } catch (const std::invalid_argument &e) {
      std::printf("caught: %s\n", e.what());
    }
  }
  return 0;
}
// OUT:      3997 12001
// OUT-NEXT: -1 0 6000 1
// OUT-NEXT: caught: x must be positive, got -1
// OUT-NEXT: caught: x must be positive, got -1
// OUT-NEXT: caught: x must be positive, got -1
// OUT-NEXT: caught: x must be positive, got 0
// OUT-NEXT: caught: x must be positive, got 0
// OUT-NEXT: caught: x must be positive, got 0
