// Never silent, and the true reason (3): a map whose elements are assigned
// with a user-written operator=, or with the compiler's one that calls a
// member's or a base's (adv39 t02: a logging one ran in another order, on
// several threads; also through std::transform), loops written with macros (a body that
// is one macro call is rewritten; a header, a bound cut by a macro, a
// range from a macro, an accumulator in a macro say which), the counter of
// an enclosing loop updated and read in an inner loop, an accumulator also
// written otherwise, and selections that are not ones (an 'else' branch,
// a best set only on some paths of the block).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <vector>

#define STORE(i) out[i] = heavy(i)
#define TWICE(i) (2 * heavy(i))
#define BODY(i) s += heavy(i)
#define LOOP(i, n) for (long i = 0; i < n; ++i)
#define COND i < n
#define FROM long i = 0
// Two statements, of which only the first is the loop's body (g++ warns).
#define TWO(i) u += heavy(i); ++u
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmultistatement-macros"
#endif
#define ALL w

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 200; ++k)
    s += (x * k + 3) % 7;
  return s;
}
[[pure]] double dist(long x) { return double(heavy(x) % 97) - double(x % 13); }

// A user-written operator=: not the compiler's, and not known to be pure.
struct P {
  long a, b;
  P() : a(0), b(0) {}
  P(const P &) = default;
  P &operator=(const P &o) {
    a = o.a;
    b = o.b;
    return *this;
  }
};
[[pure]] P make(long i) {
  P p;
  p.a = heavy(i);
  p.b = i;
  return p;
}
unsigned long assign_log = 7;
struct Logged {
  long v = 0;
  Logged() = default;
  Logged(long x) : v(x) {}
  Logged(const Logged &) = default;
  Logged &operator=(const Logged &o) {
    v = o.v;
    assign_log = assign_log * 31 + (unsigned long)o.v;
    return *this;
  }
};
struct Holder {
  Logged a;
  long b;
};
struct Derived : Holder {};
[[pure]] Holder hold(long i) { return Holder{Logged{i}, heavy(i)}; }
[[pure]] Derived derive(long i) {
  Derived d;
  d.b = heavy(i);
  return d;
}

int main() {
  long n = 3000;

  std::vector<P> ps(n);
  for (long i = 0; i < n; ++i)
    ps[i] = make(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'ps' are assigned with the user-written 'P::operator=', which is not known to be pure: a map stores elements only through the compiler's 'operator=' (implicit or '= default'), in the element and in its members and bases [purecc-missed-map]
  std::printf("ps %ld %ld\n", ps[7].a, ps[n - 1].b);
  // OUT: ps 600 2999
  std::vector<Holder> hs(n);
  for (long i = 0; i < n; ++i)
    hs[i] = hold(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'hs' are assigned with 'Holder::operator=', which calls the user-written 'Logged::operator=', which is not known to be pure: a map stores elements only through the compiler's 'operator=' (implicit or '= default'), in the element and in its members and bases [purecc-missed-map]
  std::vector<Derived> ds(n);
  for (long i = 0; i < n; ++i)
    ds[i] = derive(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'ds' are assigned with 'Derived::operator=', which calls the user-written 'Logged::operator=', which is not known to be pure: a map stores elements only through the compiler's 'operator=' (implicit or '= default'), in the element and in its members and bases [purecc-missed-map]
  std::vector<long> idx(n, 5);
  std::vector<Holder> hs2(n);
  std::transform(idx.begin(), idx.end(), hs2.begin(), [](long i) { return hold(i); });
  // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: call to 'std::transform' not parallelized: the elements of 'hs2' are assigned, and their type 'Holder' has a member 'a' of type 'Logged', which has a user-provided 'operator=': a map stores elements only through the compiler's 'operator=' [purecc-missed-algorithm]
  std::printf("hs %ld %ld %ld %lu\n", hs[n - 1].a.v, ds[n - 1].b, hs2[n - 1].a.v, assign_log);
  // OUT-NEXT: hs 2999 604 5 {{[0-9]+}}

  // A body that is one whole macro call: repeated as written.
  std::vector<long> out(n);
  for (long i = 0; i < n; ++i) STORE(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  std::printf("out %ld %ld %ld\n", out[0], out[1], out[n - 1]);
  // OUT-NEXT: out 600 606 604

  long s = 0;
  for (long i = 0; i < n; ++i) BODY(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 's' is written in a macro in the loop body, where its private copy cannot be given a name of its own [purecc-missed-reduction]
  LOOP(i, n) s += heavy(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop's header is written in the macro 'LOOP' ('LOOP(i, n)'): only a header written out in the source is rewritten [purecc-missed-reduction]
  for (long i = 0; COND; ++i)
    s += heavy(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's bound is written inside the macro 'COND' with more of the header: only a part that is a whole macro call, or has none, is repeated as written [purecc-missed-reduction]
  for (FROM; i < n; ++i)
    s += heavy(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's start is written inside the macro 'FROM' with more of the header: only a part that is a whole macro call, or has none, is repeated as written [purecc-missed-reduction]
  // A body whose term is a whole macro call.
  long s2 = 0;
  for (long i = 0; i < n; ++i)
    s2 += TWICE(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's2' [purecc-reduction]
  // The body ends inside a macro's text: only braces would hold it.
  long u = 0;
  for (long i = 0; i < n; ++i) TWO(i);
  // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body ends inside the macro 'TWO' ('TWO(i)'), whose text goes on past the body, where the rewritten loop would have to end [purecc-missed-reduction]
  std::vector<long> w(n, 5);
  for (long x : ALL)
    s += heavy(x);
  // REMARK: remark-reasons-3.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop's range 'ALL' is written in the macro 'ALL': only a header written out in the source is rewritten [purecc-missed-reduction]
  std::printf("s %ld s2 %ld u %ld\n", s, s2, u);
  // OUT-NEXT: s 9006032 s2 3600016 u 1800009

  // The counter of the outer loop, updated and read by the inner one.
  long t = 0;
  LOOP(i, 40) {
    // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop's header is written in the macro 'LOOP' ('LOOP(i, 40)'): only a header written out in the source is rewritten [purecc-missed-reduction]
    for (long j = 0; j < 40; ++j) {
      // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:5: remark: loop not parallelized: 'i', the counter of the loop on line [[@LINE-3]], is written inside the loop body ('++i') and read there ('j > i + 30'): each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
      if (j > i + 30)
        ++i;
      t += heavy(j);
    }
  }
  // An accumulator that is also reset.
  long c = 0;
  for (long j = 0; j < n; ++j) {
    // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'c' is updated inside the loop body ('c += heavy(j)') and also written there ('c = 0') otherwise: only a variable that the body changes by its updates alone is combined [purecc-missed-reduction]
    c += heavy(j);
    if (c > 200000)
      c = 0;
  }
  std::printf("t %ld c %ld\n", t, c);
  // OUT-NEXT: t 744124 c 196804

  // The best set only on some paths of the block: not a selection.
  double b2 = 1e300;
  long a2 = -1;
  for (long i = 0; i < n; ++i) {
    // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 'b2' is set ('b2 = d') only on some paths of the block of the 'if' that compares it ('if (d < b2)'): not a selection, whose block sets the best whenever it runs [purecc-missed-reduction]
    double d = dist(i);
    if (d < b2) {
      a2 = i;
      if (i <= 100)
        b2 = d;
    }
  }
  // A selection with an 'else' branch.
  double best = 1e300;
  long arg = -1, cnt = 0;
  for (long i = 0; i < n; ++i) {
    // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the 'if' that selects 'best' ('if (d < best)') has an 'else' branch: a selection is rewritten only without one (its leaves run the 'if' for iterations the serial loop does not select) [purecc-missed-reduction]
    double d = dist(i);
    if (d < best) {
      best = d;
      arg = i;
    } else {
      cnt += 0;
    }
  }
  // A maximum with an 'else' branch.
  double m = -1e300;
  long below = 0;
  for (long i = 0; i < n; ++i) {
    // REMARK: remark-reasons-3.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the 'if' that selects 'm' ('if (dist(i) > m)') has an 'else' branch: a selection is rewritten only without one (its leaves run the 'if' for iterations the serial loop does not select) [purecc-missed-reduction]
    if (dist(i) > m)
      m = dist(i);
    else
      ++below;
  }
  std::printf("sel %g %ld %g %ld %ld %g %ld\n", b2, a2, best, arg, cnt, m, below);
  // OUT-NEXT: sel 0 90 0 90 0 24 2997
  return 0;
}
