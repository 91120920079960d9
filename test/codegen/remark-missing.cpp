// Never silent (issue 15): constructs that got no remark at all. Sibling
// work where each piece is a '?:' picking one pure call (a choice) runs in
// parallel, each task evaluating its own condition; a call on one side of
// '||', '&&' or '?:' says when the serial program makes it; initializers
// outside a block (if-init, switch-init, for-init, condition variables,
// default member initializers, a constructor's member initializers, the
// condition and step of a 'for' that stays serial, a 'do' condition, a
// range-for's range) run their calls inside them, or say why not; members of class templates and
// member function templates say why they are not rewritten.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}
[[pure]] long other(long x) {
  long s = 1;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 5) % 11;
  return s;
}
[[pure]] constexpr long twice(long x) {
  // REMARK: remark-missing.cpp:[[@LINE-1]]:25: remark: body of 'twice' not rewritten: it is 'constexpr' [purecc-not-rewritten]
  long s = 0;
  for (long k = 0; k < 2; ++k)
    s += x;
  return s;
}

struct P {
  long a, b;
};
// Default member initializers: evaluated by every constructor that does not
// name the member.
struct S {
  long a = heavy(1) + heavy(2);
  // REMARK: remark-missing.cpp:[[@LINE-1]]:12: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
  long b = 0;
  long c = (a > 600 ? heavy(a) : other(a)) + (b > 0 ? other(b) : heavy(b));
  // REMARK: remark-missing.cpp:[[@LINE-1]]:13: remark: calls to 'a > 600 ? heavy(a) : other(a)' and 'b > 0 ? other(b) : heavy(b)' run in parallel [purecc-parallel-calls]
  // 'twice' may run at compile time (`constexpr S s;`), where no task runs.
  long d = twice(heavy(3)) + twice(heavy(4));
  // REMARK: remark-missing.cpp:[[@LINE-1]]:12: remark: calls to 'twice' and 'twice' not parallelized: the default member initializer calls 'twice', which is 'constexpr': it may be evaluated at compile time, where no task runs [purecc-missed-parallel-calls]
  S();
  S(long x);
  S(long x, long y);
};

// Members of a class template and member function templates are not
// rewritten, even when declared [[pure]].
template <class T> struct Box {
  T sum(T n) const {
    // REMARK: remark-missing.cpp:[[@LINE-1]]:5: remark: body of 'Box::sum' not rewritten: it is a member of a class template: only a free function template declared '{{\[\[}}pure]]' is rewritten (one text serves every instantiation) [purecc-not-rewritten]
    T s = 0;
    for (T i = 0; i < n; ++i)
      s += heavy(i);
    return s + heavy(1) + other(2);
  }
};
struct Tools {
  template <class T> T pair(T x) const {
    // REMARK: remark-missing.cpp:[[@LINE-1]]:24: remark: body of 'Tools::pair' not rewritten: it is a member function template: only a free function template declared '{{\[\[}}pure]]' is rewritten (one text serves every instantiation) [purecc-not-rewritten]
    return heavy(x) + other(x);
  }
  template <class T> [[pure]] T pure_pair(T x) const {
    // REMARK: remark-missing.cpp:[[@LINE-1]]:33: remark: body of 'Tools::pure_pair' not rewritten: it is a member function template [purecc-not-rewritten]
    return heavy(x) + other(x);
  }
};

[[pure]] P make(long x) {
  return P{heavy(x), other(x)};
  // REMARK: remark-missing.cpp:[[@LINE-1]]:12: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
}
[[pure]] long join(P p, P q) { return p.a + p.b * 3 + q.a * 5 + q.b * 7; }

// A recursive pure function whose two halves are choices: it gets a serial
// clone too.
[[pure]] long walk(long n) {
  return (n > 1 ? walk(n - 1) : heavy(n)) + (n > 2 ? walk(n - 2) : other(n));
  // REMARK: remark-missing.cpp:[[@LINE-1]]:11: remark: calls to 'n > 1 ? walk(n - 1) : heavy(n)' and 'n > 2 ? walk(n - 2) : other(n)' run in parallel [purecc-parallel-calls]
}

// The constructors of S, defined out of the class.
S::S() {}
// A member initializer's own sibling calls run inside it.
S::S(long x) : b(heavy(x) * other(x)) {}
// REMARK: remark-missing.cpp:[[@LINE-1]]:18: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
// Calls in different member initializers: no place runs them together.
S::S(long x, long y) : a(heavy(x)), b(other(y)) {}
// REMARK: remark-missing.cpp:[[@LINE-1]]:26: remark: calls to 'heavy' and 'other' not parallelized: they are in different member initializers of the constructor, each a full-expression of its own run in declaration order, and no statement runs before member initializers to run them in parallel [purecc-missed-parallel-calls]

// A member whose constructor takes the calls as arguments.
struct Holder {
  P p;
  Holder(long x) : p{heavy(x), other(x)} {}
  // REMARK: remark-missing.cpp:[[@LINE-1]]:22: remark: calls to 'heavy' and 'other' not parallelized: they are arguments of a braced or parenthesized initializer outside a block, where no statement can run before them [purecc-missed-parallel-calls]
};

// One argument of a base's, a delegated or a class member's constructor
// that holds the calls is an expression of its own, wrapped as a member
// initializer is (adv32 t10).
struct Base {
  long b;
  explicit Base(long v) : b(v) {}
};
struct Derived : Base {
  Derived(long x) : Base(heavy(x) + other(x)) {}
  // REMARK: remark-missing.cpp:[[@LINE-1]]:26: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
};
struct Delegating {
  long e;
  explicit Delegating(long v) : e(v) {}
  Delegating() : Delegating(heavy(7) - other(7)) {}
  // REMARK: remark-missing.cpp:[[@LINE-1]]:29: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
};
struct HolderOfBase {
  Base in;
  long tag;
  HolderOfBase(long x) : in(heavy(x) * 2 + other(x)), tag{heavy(x + 1) - other(x + 1)} {}
  // REMARK: remark-missing.cpp:[[@LINE-1]]:29: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
  // REMARK: remark-missing.cpp:[[@LINE-2]]:59: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
  // Main's printf (below) is reported here in the output. REMARK: remark-missing.cpp:224:76: remark: calls to 'Tools::pure_pair' and 'walk' not parallelized: the result of 'Tools::pure_pair' is passed to 'printf': only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
};

int main() {
  long a = 3, b = -4, x = 5, y = 6, n = 9;

  // Both operands are evaluated; each picks one call.
  long r = (a > 0 ? heavy(a) : other(a)) + (b > 0 ? heavy(b) : other(b));
  // REMARK: remark-missing.cpp:[[@LINE-1]]:13: remark: calls to 'a > 0 ? heavy(a) : other(a)' and 'b > 0 ? heavy(b) : other(b)' run in parallel [purecc-parallel-calls]
  std::printf("r %ld\n", r);
  // OUT: r -877

  // A plain call beside a choice whose other branch is a value.
  long r2 = heavy(x) - (y > 5 ? other(y) : -1);
  // REMARK: remark-missing.cpp:[[@LINE-1]]:13: remark: calls to 'heavy' and 'y > 5 ? other(y) : -1' run in parallel [purecc-parallel-calls]
  std::printf("r2 %ld\n", r2);
  // OUT-NEXT: r2 -895

  // Objects: each choice's result is moved into place.
  long j = join(a > b ? make(a) : make(b), b > a ? make(a) : make(b));
  // REMARK: remark-missing.cpp:[[@LINE-1]]:17: remark: calls to 'a > b ? make(a) : make(b)' and 'b > a ? make(a) : make(b)' run in parallel [purecc-parallel-calls]
  std::printf("j %ld\n", j);
  // OUT-NEXT: j -8231

  // A condition with a side effect stays where it is.
  long k = 0;
  long r3 = (k++ > 0 ? heavy(a) : other(a)) + (b > 0 ? heavy(b) : other(b));
  // REMARK: remark-missing.cpp:[[@LINE-1]]:14: remark: calls to 'k++ > 0 ? heavy(a) : other(a)' and 'b > 0 ? heavy(b) : other(b)' not parallelized: 'k++ > 0' has side effects [purecc-missed-parallel-calls]
  std::printf("r3 %ld %ld\n", r3, k);
  // OUT-NEXT: r3 18 1

  // The right operand of '||' is evaluated only when the left is false.
  if (heavy(a) > 1000 || heavy(b) > 0)
    // REMARK: remark-missing.cpp:[[@LINE-1]]:26: remark: calls to 'heavy' and 'heavy' not parallelized: 'heavy(b)' is evaluated only when 'heavy(a) > 1000' is false [purecc-missed-parallel-calls]
    std::printf("or yes\n");
  else
    std::printf("or no\n");
  // OUT-NEXT: or no
  if (heavy(a) < 1000 && other(b) > 0 && heavy(x) > 0)
    // REMARK: remark-missing.cpp:[[@LINE-1]]:26: remark: calls to 'heavy' and 'other' not parallelized: 'other(b)' is evaluated only when 'heavy(a) < 1000' is true [purecc-missed-parallel-calls]
    // REMARK: remark-missing.cpp:[[@LINE-2]]:42: remark: calls to 'heavy' and 'heavy' not parallelized: 'heavy(x)' is evaluated only when 'heavy(a) < 1000 && other(b) > 0' is true [purecc-missed-parallel-calls]
    std::printf("and yes\n");
  else
    std::printf("and no\n");
  // OUT-NEXT: and no
  // A branch that is more than one call: not a choice.
  long r4 = heavy(a) + (b < 0 ? other(b) * 2 : 0);
  // REMARK: remark-missing.cpp:[[@LINE-1]]:33: remark: calls to 'heavy' and 'other' not parallelized: 'other(b)' is evaluated only when 'b < 0' is true [purecc-missed-parallel-calls]
  std::printf("r4 %ld\n", r4);
  // OUT-NEXT: r4 -2358

  // Initializers in headers: the calls run inside them.
  if (long v = heavy(x) + heavy(y); v > 0)
    // REMARK: remark-missing.cpp:[[@LINE-1]]:16: remark: calls to 'heavy' and 'heavy' run in parallel [purecc-parallel-calls]
    std::printf("if-init %ld\n", v);
  // OUT-NEXT: if-init 1196
  switch (long v = heavy(x) - other(y); v % 3) {
    // REMARK: remark-missing.cpp:[[@LINE-1]]:20: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
  case 0:
    std::printf("switch-init 0 %ld\n", v);
    break;
  default:
    std::printf("switch-init %ld\n", v);
  }
  // OUT-NEXT: switch-init -895
  long t = 0;
  for (t = heavy(n) + other(n); t > 1000; t -= 1000)
    // REMARK: remark-missing.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop's counter 't' is not declared in its header: only loops of the form 'for (T i = b; i < e; ++i)' are rewritten [purecc-missed-reduction]
    // REMARK: remark-missing.cpp:[[@LINE-2]]:12: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
    std::printf("for-init %ld\n", t);
  // OUT-NEXT: for-init 2093
  // OUT-NEXT: for-init 1093
  if (long w = heavy(y) * other(x))
    // REMARK: remark-missing.cpp:[[@LINE-1]]:16: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
    std::printf("condition variable %ld\n", w);
  // OUT-NEXT: condition variable 893970
  if (P q{heavy(x), other(x)}; q.a > 0)
    // REMARK: remark-missing.cpp:[[@LINE-1]]:11: remark: calls to 'heavy' and 'other' not parallelized: they are arguments of a braced or parenthesized initializer outside a block, where no statement can run before them [purecc-missed-parallel-calls]
    std::printf("braced %ld %ld\n", q.a, q.b);
  // OUT-NEXT: braced 602 1505

  S s0, s1(x), s2(x, y);
  std::printf("S %ld %ld %ld %ld %ld %ld %ld %ld\n", s0.a, s0.c, s1.b, s1.c, s2.a, s2.b, s2.c,
              s0.d);
  // OUT-NEXT: S 1204 1200 906010 2097 602 1497 2104 2400
  Holder h(x);
  std::printf("Holder %ld %ld\n", h.p.a, h.p.b);
  // OUT-NEXT: Holder 602 1505
  Derived derived(x);
  Delegating delegating;
  HolderOfBase hb(x);
  std::printf("constructors %ld %ld %ld %ld\n", derived.b, delegating.e, hb.in.b, hb.tag);
  // OUT-NEXT: constructors 2107 -900 2709 -903
  Box<long> box;
  Tools tools;
  std::printf("templates %ld %ld %ld\n", box.sum(4), tools.pair(2L), tools.pure_pair(3L));
  // OUT-NEXT: templates 4521 2105 2103
  std::printf("walk %ld\n", walk(n));
  // OUT-NEXT: walk 103387

  // Evaluated at every iteration of loops that stay serial (adv33 t06).
  long m = 0, acc = 0;
  do {
    ++m;
  } while (heavy(m) + other(m) < 1000);
  // REMARK: remark-missing.cpp:[[@LINE-3]]:3: remark: loop not parallelized: a 'do' loop is not rewritten: only a 'for' header ('for (T i = b; i < e; ++i)') numbers the iterations before the loop runs [purecc-missed-reduction]
  // REMARK: remark-missing.cpp:[[@LINE-2]]:12: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
  for (long u = 0; heavy(u) + other(u) < 1000 + u; acc += u, ++u)
    // REMARK: remark-missing.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the step 'acc += u, ++u' also evaluates 'acc += u': only '++i', '--i', 'i += k' and 'i -= k' alone are rewritten [purecc-missed-reduction]
    // REMARK: remark-missing.cpp:[[@LINE-2]]:20: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
    acc += 2;
  for (long v = 0; v < 2; ++v, acc += heavy(v) + other(v))
    // REMARK: remark-missing.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the step '++v, acc += heavy(v) + other(v)' also evaluates 'acc += heavy(v) + other(v)': only '++i', '--i', 'i += k' and 'i -= k' alone are rewritten [purecc-missed-reduction]
    // REMARK: remark-missing.cpp:[[@LINE-2]]:39: remark: calls to 'heavy' and 'other' not parallelized: the expression around them is not a value [purecc-missed-parallel-calls]
    acc += 1;
  std::printf("do %ld for %ld\n", m, acc);
  // OUT-NEXT: do 1 for 4217
  // The range is evaluated once, before the loop (adv33 t05).
  long total = 0;
  for (long e : std::array<long, 2>{heavy(x), other(x)})
    // REMARK: remark-missing.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the range is not a named array or random-access standard container [purecc-missed-reduction]
    // REMARK: remark-missing.cpp:[[@LINE-2]]:37: remark: calls to 'heavy' and 'other' run in parallel [purecc-parallel-calls]
    total += e;
  std::printf("range %ld\n", total);
  // OUT-NEXT: range 2107
}
