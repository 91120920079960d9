// A codec the program writes is what a memo key and a stored result hold.
// One made of 'purecc::fields<...>' must list every member (adv85 F2: with
// '&Point::y' left out, norm1({1, 2}) and norm1({1, 5}) shared one result,
// "9 9" at 1 thread and "18 18" at 2, where the serial program printed
// "9 18"); a complete list, or a codec written by hand, is memoized. A
// hand-written codec's bytes are in the fingerprint (the build test
// test/build/memo-user-codec.test).
// RUN: not %purecc rewrite %s -o %t.out.cpp -- -std=c++20 %rt_cflags 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: %purecc rewrite --remarks %s -o %t.ok.cpp -- -std=c++20 -DCOMPLETE %rt_cflags 2>&1 | FileCheck %s --check-prefix=OK --implicit-check-not=error:
// RUN: %cxx -O1 -Wall -Wextra -Werror -DCOMPLETE %rt_cflags %t.ok.cpp %rt_link -o %t.bin
// RUN: env OMP_NUM_THREADS=2 PURECC_MEMO=mem %t.bin | FileCheck %s --check-prefix=OUT
// OUT: {{^}}9 18 5 3 7 6 13{{$}}
#include <cstdio>
#include <purecc/memo.h>

struct Point {
  long x, y;
};
#ifdef COMPLETE
template <> struct purecc::codec<Point> : purecc::fields<&Point::x, &Point::y> {};
#else
template <> struct purecc::codec<Point> : purecc::fields<&Point::x> {};
#endif
// CHECK: memo-user-codec.cpp:[[@LINE+2]]:12: error: cannot memoize 'norm1': parameter 'p': 'purecc::codec<Point>' lists the members of 'Point' without 'y': values that differ only there would share one key, and a result read back would lose it [purecc-memo-unsupported]
// OK-DAG: memo-user-codec.cpp:[[@LINE+1]]:32: remark: calls to 'norm1' are memoized
[[pure]] [[purecc::memo]] long norm1(Point p) {
  long s = 0;
  for (long i = 0; i < 3; ++i)
    s += p.x + p.y;
  return s;
}
// CHECK: memo-user-codec.cpp:[[@LINE+2]]:12: error: cannot memoize 'shifted': its result: 'purecc::codec<Point>' lists the members of 'Point' without 'y'
// OK-DAG: memo-user-codec.cpp:[[@LINE+1]]:33: remark: calls to 'shifted' are memoized
[[pure]] [[purecc::memo]] Point shifted(long d) { return Point{d, d + 1}; }

// A base class's member is a member too, and a list's members go through
// their own codecs, which must be whole (adv88 F4: both were memoized, and
// "9 9" and "18 18" came out where the serial program printed "9 21 18 39").
struct Base {
  long a;
};
struct Derived : Base {
  long b;
};
struct Inner {
  long u, w;
};
struct Outer {
  Inner in;
  long k;
};
#ifdef COMPLETE
template <> struct purecc::codec<Derived> : purecc::fields<&Derived::b, &Derived::a> {};
template <> struct purecc::codec<Inner> : purecc::fields<&Inner::u, &Inner::w> {};
#else
template <> struct purecc::codec<Derived> : purecc::fields<&Derived::b> {};
template <> struct purecc::codec<Inner> : purecc::fields<&Inner::u> {};
#endif
template <> struct purecc::codec<Outer> : purecc::fields<&Outer::in, &Outer::k> {};
// CHECK: memo-user-codec.cpp:[[@LINE+2]]:12: error: cannot memoize 'of_derived': parameter 'd': 'purecc::codec<Derived>' lists the members of 'Derived' without 'a'
// OK-DAG: memo-user-codec.cpp:[[@LINE+1]]:32: remark: calls to 'of_derived' are memoized
[[pure]] [[purecc::memo]] long of_derived(Derived d) { return d.a + d.b; }
// CHECK: memo-user-codec.cpp:[[@LINE+2]]:12: error: cannot memoize 'of_outer': parameter 'o': 'Outer' has a member 'in': 'purecc::codec<Inner>' lists the members of 'Inner' without 'w'
// OK-DAG: memo-user-codec.cpp:[[@LINE+1]]:32: remark: calls to 'of_outer' are memoized
[[pure]] [[purecc::memo]] long of_outer(Outer o) { return o.in.u + o.in.w + o.k; }

int main() {
  Derived d1, d2;
  d1.a = 1, d1.b = 2, d2.a = 5, d2.b = 2;
  std::printf("%ld %ld %ld %ld %ld %ld %ld\n", norm1(Point{1, 2}), norm1(Point{1, 5}), shifted(4).y,
              of_derived(d1), of_derived(d2), of_outer(Outer{{1, 2}, 3}), of_outer(Outer{{1, 9}, 3}));
  return 0;
}
