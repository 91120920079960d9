// Never silent (2): the shapes around choices and initializers outside a
// block that an adversary tries: a local class, an aggregate built with
// designated initializers, a bit-field, a delegating constructor, a
// `switch` condition, a `while` condition variable, member calls in a
// choice, a choice whose condition reads what the expression writes, a
// `?:` of a condition that calls a pure function, an exception out of a
// choice.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}
[[pure]] long checked(long x) {
  if (x < 0)
    throw std::runtime_error("negative");
  long s = 0;
  for (long k = 0; k < 100; ++k)
    s += (x + k) % 5;
  return s;
}

struct Agg {
  long a = heavy(1) - heavy(2);
  // REMARK: remark-missing-2.cpp:[[@LINE-1]]:12: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  long b = 0;
  long bits : 20 = heavy(3) + heavy(4);
  // REMARK: remark-missing-2.cpp:[[@LINE-1]]:20: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
};

struct Pt {
  long x;
  [[pure]] long cost() const {
    long s = 0;
    for (long k = 0; k < 150; ++k)
      s += (x + k) % 3;
    return s;
  }
};

struct Del {
  long v;
  Del(long a, long b) : v(a * 10 + b) {}
  Del();
};

int main() {
  long a = 3, b = -4;

  struct Local {
    long m = heavy(7) * 2 + heavy(8);
    // REMARK: remark-missing-2.cpp:[[@LINE-1]]:14: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  } local;
  Agg g{.b = 5};
  std::printf("agg %ld %ld %ld %ld\n", g.a, g.b, (long)g.bits, local.m);
  // OUT: agg 8 5 1200 1806

  switch (heavy(a) - heavy(b)) {
    // REMARK: remark-missing-2.cpp:[[@LINE-1]]:11: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  case 0:
    std::printf("switch zero\n");
    break;
  default:
    std::printf("switch other\n");
  }
  // OUT-NEXT: switch other

  long rounds = 0;
  while (long w = heavy(a + rounds) - heavy(b - rounds)) {
    // REMARK: remark-missing-2.cpp:[[@LINE-1]]:3: remark: loop not parallelized: a 'while' loop is not rewritten: only a 'for' header ('for (T i = b; i < e; ++i)') numbers the iterations before the loop runs [purecc-missed-reduction]
    // REMARK: remark-missing-2.cpp:[[@LINE-2]]:19: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
    if (++rounds > 2 || w == 0)
      break;
  }
  std::printf("rounds %ld\n", rounds);
  // OUT-NEXT: rounds 3

  Pt p{a}, q{b};
  long c = (a > 0 ? p.cost() : q.cost()) + (b > 0 ? p.cost() : q.cost());
  // REMARK: remark-missing-2.cpp:[[@LINE-1]]:13: remark: calls to 'a > 0 ? p.cost() : q.cost()' and 'b > 0 ? p.cost() : q.cost()' run in parallel [purecc-parallel-calls]
  std::printf("members %ld\n", c);
  // OUT-NEXT: members 291

  // The conditions read 'a', which the expression writes before them.
  long d = (a = 1, (a > 0 ? heavy(a) : heavy(b)) + (b > 0 ? heavy(a) : heavy(b)));
  // REMARK: remark-missing-2.cpp:[[@LINE-1]]:21: remark: calls to 'a > 0 ? heavy(a) : heavy(b)' and 'b > 0 ? heavy(a) : heavy(b)' not parallelized: 'a' is written in the same expression [purecc-missed-parallel-calls]
  std::printf("written %ld %ld\n", d, a);
  // OUT-NEXT: written 13 1

  // A condition that calls a pure function is no choice: its call runs
  // beside the one before it, the branch's after them.
  long e = heavy(2) + (heavy(a) > 0 ? heavy(b) : 0);
  // REMARK: remark-missing-2.cpp:[[@LINE-1]]:12: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  // A call on one side, beside a call made always.
  long e2 = heavy(2) + (a > 0 ? heavy(b) + 1 : 0);
  // REMARK: remark-missing-2.cpp:[[@LINE-1]]:33: remark: calls to 'heavy' and 'heavy' not parallelized: 'heavy(b)' is evaluated only when 'a > 0' is true [purecc-missed-parallel-calls]
  std::printf("cond call %ld %ld\n", e, e2);
  // OUT-NEXT: cond call 5 6

  // A choice that may throw ahead of another: the later one is not started
  // ahead of it (the speculation rule), and the exception reaches the
  // handler as before.
  try {
    long t = (a > 0 ? checked(-a) : heavy(a)) + (b > 0 ? heavy(b) : checked(b + 10));
    // REMARK: remark-missing-2.cpp:[[@LINE-1]]:15: remark: calls to 'a > 0 ? checked(-a) : heavy(a)' and 'b > 0 ? heavy(b) : checked(b + 10)' not parallelized: 'b > 0 ? heavy(b) : checked(b + 10)' comes after 'checked', which may throw [purecc-missed-parallel-calls]
    std::printf("no throw %ld\n", t);
  } catch (const std::exception &ex) {
    std::printf("caught %s\n", ex.what());
  }
  // OUT-NEXT: caught negative

  Del del;
  std::printf("del %ld\n", del.v);
  // OUT-NEXT: del 6614
}

// A delegating constructor, defined after main (the remarks of function
// bodies follow those of the classes).
Del::Del() : Del(heavy(5), heavy(6)) {}
// REMARK: remark-missing-2.cpp:[[@LINE-1]]:18: remark: calls to 'heavy' and 'heavy' not parallelized: they are arguments of a braced or parenthesized initializer outside a block, where no statement can run before them [purecc-missed-parallel-calls]
