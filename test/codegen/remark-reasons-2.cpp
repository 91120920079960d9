// Never silent, and the true reason (2): what a loop's header is made of
// (a step in a macro, a floating-point step, a bound called through a
// lambda, a step that may throw, a member of a struct), a recurrence, a
// max compared in another type, a handler that does not read what the
// loop wrote, sibling calls in nested braces and after an assignment, a
// declaration of several variables (of heavy or of cheap calls), a
// function template not declared [[pure]].
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <tuple>
#include <vector>

#define KV (n / 1000)
#define DIV / 1000
#define STEP2 i = i + 2

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}
[[pure]] long tiny(long x) { return x + 1; }
[[pure]] long thrower(long x) {
  if (x < 0)
    throw std::runtime_error("negative");
  return x;
}

struct Q { long a[2]; long b; };
struct PV { std::vector<long> w; long v; };
struct St { long k; long s; };
// A conversion that may throw: the step's value is taken before the loop.
struct Conv {
  long v;
  operator long() const {
    if (v < 0)
      throw std::runtime_error("negative step");
    return v;
  }
};

// Not [[pure]]: only a [[pure]] template is rewritten.
template <class T> T tsum(T n) {
  // REMARK: remark-reasons-2.cpp:[[@LINE-1]]:22: remark: body of 'tsum' not rewritten: it is a function template not declared '{{\[\[}}pure]]': a template is rewritten only when it is declared '{{\[\[}}pure]]' (one text serves every instantiation) [purecc-not-rewritten]
  T s = 0;
  for (T i = 0; i < n; ++i)
    s += heavy(i);
  return s;
}

int main() {
  long n = 3000;

  // Sibling calls in a nested braced initializer come before 'thrower'.
  Q q;
  q = {{heavy(1), heavy(2)}, thrower(3)};
  // REMARK: remark-reasons-2.cpp:[[@LINE-1]]:9: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  std::printf("q %ld %ld %ld\n", q.a[0], q.a[1], q.b);
  // OUT: q 606 598 3

  // What may throw is named, not the assignment that holds it.
  PV pv;
  long y;
  pv = PV{{}, thrower(1)}, y = heavy(13) + heavy(14);
  // REMARK: remark-reasons-2.cpp:[[@LINE-1]]:32: remark: calls to 'heavy' and 'heavy' not parallelized: the call to 'heavy' comes after 'thrower', which may throw [purecc-missed-parallel-calls]
  std::printf("pv %ld %ld\n", pv.v, y);
  // OUT-NEXT: pv 1 1194

  // Several declarators: said so.
  long d1 = heavy(1) + heavy(2), d2 = heavy(3);
  // REMARK: remark-reasons-2.cpp:[[@LINE-1]]:13: remark: calls to 'heavy', 'heavy' and 'heavy' not parallelized: the declaration declares several variables: calls are run in parallel only out of a declaration of one variable [purecc-missed-parallel-calls]
  std::printf("d %ld %ld\n", d1, d2);
  // OUT-NEXT: d 1204 604

  // Several declarators whose calls are too little work: said so too.
  long t1 = tiny(1), t2 = tiny(2);
  // REMARK: remark-reasons-2.cpp:[[@LINE-1]]:13: remark: calls to 'tiny' and 'tiny' not parallelized: 'tiny' is too little work for a task (no loop or recursion in what it runs) [purecc-cheap-calls]
  std::printf("t %ld %ld\n", t1, t2);
  // OUT-NEXT: t 2 3

  // Steps: in a macro (repeated as written, as bounds are), not of a counted form, not an
  // integer; a counter declared outside the header; a condition that does
  // not compare the counter itself.
  long s1 = 0;
  for (long i = 0; i < n; i += KV)
    s1 += heavy(i);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's1' [purecc-reduction]
  for (long i = 0; i < n; i += n DIV)
    s1 += heavy(i);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's1' [purecc-reduction]
  for (long i = 0; i < n; STEP2)
    s1 += heavy(i);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the step 'STEP2' is not of the form '++i', '--i', 'i += k' or 'i -= k' [purecc-missed-reduction]
  const double half = 1.5;
  for (long i = 0; i < n; i += half)
    s1 += heavy(i);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'i' counts in steps of 'half', which is not an integer: only integer steps are rewritten [purecc-missed-reduction]
  double x;
  for (x = 0; x < 1; x += 0.125)
    s1 += heavy(static_cast<long>(x * 8));
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'x' is a floating-point counter: only loops that count with an integer ('for (T i = b; i < e; ++i)') and range-for loops ('for (auto &x : v)') are rewritten [purecc-missed-reduction]
  long j;
  for (j = 0; j < n; ++j)
    s1 += heavy(j);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's counter 'j' is not declared in its header: only loops of the form 'for (T i = b; i < e; ++i)' are rewritten [purecc-missed-reduction]
  for (long i = 0; n > 2 * i; ++i)
    s1 += heavy(i);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the condition 'n > 2 * i' does not compare 'i' itself with a bound ('i < e', 'i <= e', 'i != e', 'i > e', 'i >= e') [purecc-missed-reduction]
  std::printf("s1 %ld\n", s1);
  // OUT-NEXT: s1 6604828

  // A max compared as 'double' but stored as 'long'.
  long k = 0;
  for (long i = 0; i < n; ++i) {
    long t = heavy(i) * 1000 + i % 1000;
    if ((double)t > k)
      k = t;
  }
  // REMARK: remark-reasons-2.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'k' is a maximum or minimum whose comparison ('(double)t > k') is made in 'double', not in the type it is stored in ('long'): only a comparison of the stored values (or of terms converted to them exactly) is recognized [purecc-missed-reduction]
  std::printf("k %ld\n", k);
  // OUT-NEXT: k 606997
  // The same comparison as 't > k2', but with the cast written out.
  long k2 = 0;
  for (long i = 0; i < n; ++i) {
    int t = static_cast<int>(heavy(i));
    if ((long)t > k2)
      k2 = t;
  }
  // REMARK: remark-reasons-2.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'k2' is a maximum or minimum whose comparison ('(long)t > k2') converts with a written cast ('(long)t'): only a comparison of the values themselves is recognized (a conversion the compiler makes, as in 'if (t > k)', is no obstacle) [purecc-missed-reduction]
  std::printf("k2 %ld\n", k2);
  // OUT-NEXT: k2 606

  // A recurrence.
  double h = 0;
  for (long i = 0; i < n; ++i)
    h = h * 0.5 + std::hypot(static_cast<double>(heavy(i)), 3.0);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'h' from the value the iteration before left ('h = h * 0.5 + std::hypot(static_cast<double>(heavy(i)), 3.0)'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  std::printf("h %.6f\n", h);
  // OUT-NEXT: h 1204.172429
  // Compound steps no grouping reproduces (adv43 t02 said "neither
  // accumulates").
  long quot = 1L << 62;
  for (long i = 0; i < n; ++i)
    quot /= heavy(i) % 3 + 1;
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'quot' from the value the iteration before left ('quot /= heavy(i) % 3 + 1'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  unsigned long sh = 1;
  for (long i = 0; i < n; ++i)
    sh <<= heavy(i) % 2;
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'sh' from the value the iteration before left ('sh <<= heavy(i) % 2'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  std::printf("quot %ld %lu\n", quot, sh);
  // OUT-NEXT: quot 0 1

  // The handler does not read 'acc'; what follows the 'try' does.
  long acc = 0;
  try {
    for (long i = 0; i < n; ++i)
      acc += thrower(heavy(i) - 600);
    // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'thrower' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
  } catch (const std::exception &e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("acc %ld\n", acc);
  // OUT-NEXT: caught negative
  // OUT-NEXT: acc 6

  // The header reads 's' through the binding 'a'.
  long s = 2000, t = 0, r = 0;
  auto [a, b] = std::tie(s, t);
  for (long i = 0; i < a; ++i) {
    s -= 1;
    r += heavy(i);
  }
  // REMARK: remark-reasons-2.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop's header reads 's' through 'a', and the loop body changes 's' [purecc-missed-reduction]
  std::printf("r %ld %ld %ld\n", r, s, b);
  // OUT-NEXT: r 600006 1000 0

  // The step reads a member the body does not write, of a struct it does.
  St st{2, 0};
  for (long i = 0; i < n; i += st.k)
    st.s += heavy(i);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the step 'st.k' reads 'st', and the loop body changes 'st.s' [purecc-missed-reduction]
  std::printf("st %ld\n", st.s);
  // OUT-NEXT: st 899998

  // The bound reads 'lim' through a lambda that captures it by reference.
  long lim = 1000, r9 = 0;
  auto bound = [&lim]() { return lim; };
  for (long i = 0; i < bound(); ++i) {
    r9 += heavy(i);
    lim -= 1;
  }
  // REMARK: remark-reasons-2.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the bound 'lim' changes inside the loop body [purecc-missed-reduction]
  std::printf("r9 %ld\n", r9);
  // OUT-NEXT: r9 300004

  // A step whose conversion may throw.
  Conv c{3};
  long r10 = 0;
  for (long i = 0; i < n; i += c)
    r10 += heavy(i);
  // REMARK: remark-reasons-2.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's step 'c' may throw, and the parallel loop would evaluate it before the first iteration, the serial loop only after it [purecc-missed-reduction]
  std::printf("r10 %ld\n", r10);
  // OUT-NEXT: r10 600004

  std::printf("tsum %ld\n", tsum<long>(100));
  // OUT-NEXT: tsum 60006
}
