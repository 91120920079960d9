// A loop whose term calls a lambda or goes through a function pointer is a
// loop over the code it reaches (adv19's F4: `a += f(i)` with `auto f =
// [](long i) { return heavy(i); }` and `b += fp(i)` with `long (*fp)(long)
// = heavy` stayed serial without a remark). A lambda's body is scanned as
// the term's code wherever it is written; a pointer or reference that holds
// one function calls it. When it is not safe, the remark says why: a
// 'mutable' lambda, a lambda reading the accumulator, an impure body, a body
// that may throw (here at index 10, while index 900 on never ends: the e2e
// run ends only if the loop stays serial), a pointer that is reassigned, a
// parameter, a global, one pointing to an impure function, std::function,
// an element of a table of pointers, a member pointer.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT
// The planner speaks of generic lambdas first ('gen' below):
// REMARK: loop-indirect-terms.cpp:77:14: remark: body of 'operator()' not rewritten: it is a generic lambda (a template) [purecc-not-rewritten]

#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return s;
}

// Counts 1, 2, 3, ... and wraps from 10^9 back to 1: never ends for a <= 0.
[[pure]] long endless(long a) {
  long s = 0, i = 1;
  while (i != a) {
    s += i % 7;
    i = i < 1000000000 ? i + 1 : 1;
  }
  return s;
}

[[pure]] long work(long i, long bad) {
  if (i == bad)
    throw std::runtime_error("bad input at " + std::to_string(i));
  return i >= 900 ? endless(bad - i) : heavy(i);
}

long light(long i) {
  static long calls;
  return i + ++calls;
}
long (*global_fp)(long) = heavy;
long (*const fixed_fp)(long) = heavy;

long through_parameter(long (*p)(long), long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += p(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'p' is a parameter: which function a call through it reaches is the caller's choice [purecc-missed-reduction]
  return s;
}

int main(int argc, char **) {
  const long n = 1000, bad = 9 + argc; // throws at index 10
  auto f = [](long i) { return heavy(i); };
  long (*fp)(long) = heavy;
  long (&fr)(long) = heavy;
  const long base = 2 * argc;
  long a = 0, b = 0, c = 0, d = 0, e = 0, g = 0, h = 0, k = 0;
  for (long i = 0; i < n; ++i) a += f(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]
  for (long i = 0; i < n; ++i) b += fp(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  for (long i = 0; i < n; ++i) c += fr(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  for (long i = n; i-- > 0;) d += (*fp)(i) - f(i % 3);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'd' [purecc-reduction]
  for (long i = 0; i < n; ++i) e += [&](long j) { return heavy(j) + base; }(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'e' [purecc-reduction]
  auto gen = [](auto j) { return heavy(j); };
  for (long i = 0; i < n; ++i) g += i % 2 ? gen(i) : 0;
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'g' [purecc-reduction]
  for (long i = 0; i < n; ++i) {
    auto in = [i](long m) mutable { i += m; return heavy(i); };
    if (i % 5 == 0)
      continue;
    h += in(1);
  }
  // REMARK: loop-indirect-terms.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]
  for (long i = 0; i < n; ++i) k += fixed_fp(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'k' [purecc-reduction]
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld\n", a, b, c, d, e, g, h, k);

  long m = 0, r = 0, q = 0, t = 0, u = 0, w = 0, x = 0, y = 0;
  long calls = 0;
  auto counting = [calls](long i) mutable { return heavy(i) + ++calls; };
  for (long i = 0; i < n; ++i) m += counting(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'counting' is a 'mutable' lambda: a call may change the values it captured, which the next call sees [purecc-missed-reduction]
  auto peek = [&r](long i) { return heavy(i) + r % 3; };
  for (long i = 0; i < n; ++i) r += peek(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'r' is written inside the loop body ('r += peek(i)') and read there: each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
  long (*moving)(long) = heavy;
  for (long i = 0; i < n; ++i) q += moving(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'moving' is assigned on line [[@LINE+1]] ('moving = light'): which function a call through it reaches is not followed [purecc-missed-reduction]
  if (argc > 5) moving = light;
  for (long i = 0; i < n; ++i) t += global_fp(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'global_fp' is a global that is not 'const': which function a call through it reaches is whatever any function last stored there [purecc-missed-reduction]
  long (*impure_fp)(long) = light;
  for (long i = 0; i < n; ++i) u += impure_fp(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'light', which 'impure_fp' points to, is not known to be pure [purecc-missed-reduction]
  std::function<long(long)> sf = heavy;
  for (long i = 0; i < n; ++i) w += sf(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: a call through 'sf' (a 'std::function<long (long)>') is type-erased: which function it holds is not followed [purecc-missed-reduction]
  auto mixed = [](long i) { return light(i) + heavy(i); };
  for (long i = 0; i < n; ++i) x += mixed(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'light' is not known to be pure [purecc-missed-reduction]
  long off = argc;
  auto byval = [off](long i) { return heavy(i) + off; };
  for (long i = 0; i < n; ++i) {
    y += byval(i);
    off = i;
  }
  // REMARK: loop-indirect-terms.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'off' is written inside the loop body [purecc-missed-reduction]
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld %ld %ld\n", m, r, q, t, u, w, x, y, off,
              through_parameter(heavy, n));

  long z = 0, z2 = 0;
  auto risky = [bad](long i) { return work(i, bad); };
  try {
    for (long i = 0; i < n; ++i) z += risky(i);
    // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:5: remark: loop not parallelized: the lambda 'risky' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &ex) {
    std::printf("%s %ld\n", ex.what(), z);
  }
  long (*wp)(long, long) = work;
  try {
    for (long i = 0; i < n; ++i) z2 += wp(i, bad);
    // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:5: remark: loop not parallelized: 'work' (called through 'wp') may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &ex) {
    std::printf("%s %ld\n", ex.what(), z2);
  }
  // Through no named variable: an element of a table, a member pointer
  // (adv69 F1: no remark at all).
  struct Twice {
    [[pure]] long m(long x) const { return heavy(x) * 2; }
  };
  long (*ops[2])(long) = {heavy, heavy};
  long (Twice::*pm)(long) const = &Twice::m;
  Twice o;
  long t1 = 0, t2 = 0;
  for (long i = 0; i < n; ++i) t1 += ops[i % 2](i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: which function a call through the function pointer 'ops[i % 2]' reaches is not followed [purecc-missed-reduction]
  for (long i = 0; i < n; ++i) t2 += (o.*pm)(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop not parallelized: which function a call through the member pointer 'o.*pm' reaches is not followed [purecc-missed-reduction]
  // A pointer chosen by '?:' between functions that loop: enough work to
  // share over 64 iterations (adv70 F3: "loop-free work").
  long (*gp)(long) = argc > 5 ? endless : heavy;
  long t3 = 0;
  for (long i = 0; i < 64; ++i) t3 += gp(i);
  // REMARK: loop-indirect-terms.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 't3' [purecc-reduction]
  std::printf("%ld %ld %ld\n", t1, t2, t3);
  return 0;
}
// OUT: 900298 900298 900298 -402 902298 449997 719996 900298
// OUT-NEXT: 1400798 901154 900298 900298 1000000 900298 2900298 901298 999 900298
// OUT-NEXT: bad input at 10 9003
// OUT-NEXT: bad input at 10 9003
// OUT-NEXT: 900298 1800596 57301
