// What an ordered reduction asks of the accumulator's type. The tree moves,
// copies and assigns terms and partial results (through std::optional)
// where the serial loop does not, so:
//  - a type that cannot be assigned (a 'const' member) is still reduced:
//    the runtime constructs each leaf's next partial in place instead of
//    assigning it (adv37 t04: the output used not to compile);
//  - a type whose copies, moves or assignments run code of the user's, even
//    pure code, stays serial: such code can count how often it ran (adv37
//    t05: 'moves=6254' where the serial loop printed 'moves=0').
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <optional>
#include <vector>

[[pure]] long spin(long n) {
  long s = n;
  for (long j = 0; j < 400; ++j)
    s = (s * 31 + j) % 1000003;
  return s;
}

constexpr long kP = 1000003;

// A 2x2 matrix product mod kP: associative, not commutative.
#define MAT_PRODUCT(TYPE)                                                                          \
  [[purecc::associative]] TYPE &operator*=(const TYPE &y) {                                        \
    long na = (a * y.a + b * y.c) % kP, nb = (a * y.b + b * y.d) % kP;                             \
    long nc = (c * y.a + d * y.c) % kP, nd = (c * y.b + d * y.d) % kP;                             \
    a = na;                                                                                        \
    b = nb;                                                                                        \
    c = nc;                                                                                        \
    d = nd;                                                                                        \
    return *this;                                                                                  \
  }

// Copyable, not assignable.
struct Fixed {
  const int dim;
  long a, b, c, d;
  MAT_PRODUCT(Fixed)
};
[[pure]] Fixed fixed(long i) {
  long s = spin(i);
  return Fixed{2, s, 1, i % 7, s % 5 + 1};
}

// Pure constructors of the user's that count the copies.
struct Counted {
  long a, b, c, d;
  long copies = 0;
  [[pure]] Counted(long a_, long b_, long c_, long d_) : a(a_), b(b_), c(c_), d(d_) {}
  [[pure]] Counted(const Counted &o) : a(o.a), b(o.b), c(o.c), d(o.d), copies(o.copies + 1) {}
  [[pure]] Counted(Counted &&o) : a(o.a), b(o.b), c(o.c), d(o.d), copies(o.copies + 1) {}
  Counted &operator=(const Counted &) = default;
  Counted &operator=(Counted &&) = default;
  MAT_PRODUCT(Counted)
};
[[pure]] Counted counted(long i) {
  long s = spin(i);
  return Counted{s, 1, i % 7, s % 5 + 1};
}

// An assignment of the user's that counts (it writes only its own object).
struct Assigned {
  long a, b, c, d;
  long copies = 0;
  Assigned &operator=(const Assigned &o) {
    a = o.a, b = o.b, c = o.c, d = o.d, copies = o.copies + 1;
    return *this;
  }
  Assigned(const Assigned &) = default;
  Assigned(long a_, long b_, long c_, long d_) : a(a_), b(b_), c(c_), d(d_) {}
  MAT_PRODUCT(Assigned)
};
[[pure]] Assigned assigned(long i) {
  long s = spin(i);
  return Assigned{s, 1, i % 7, s % 5 + 1};
}

// The counting type held by a library class.
struct Holder {
  std::vector<Counted> m; // its initializer list copies one Counted
  [[purecc::associative]] Holder &operator*=(const Holder &y) {
    m[0] *= y.m[0];
    return *this;
  }
};
[[pure]] Holder held(long i) { return Holder{{counted(i)}}; }

int main(int argc, char **) {
  long n = 3000 + argc;
  Fixed f{2, 1, 0, 0, 1};
  for (long i = 0; i < n; ++i)
    f *= fixed(i);
  // REMARK: ordered-reduction-types.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'f' with '*=' in the loop's order (associative as declared by '{{\[\[}}purecc::associative]]') [purecc-ordered-reduction]
  // OUT: fixed: 2 [[FIXED:[0-9]+ [0-9]+ [0-9]+ [0-9]+]]
  std::printf("fixed: %d %ld %ld %ld %ld\n", f.dim, f.a, f.b, f.c, f.d);

  Counted c{1, 0, 0, 1};
  for (long i = 0; i < n; ++i)
    c *= counted(i);
  // REMARK: ordered-reduction-types.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'Counted' has a user-provided copy constructor, and a parallel fold moves, copies and assigns terms and partial results where the serial loop does not [purecc-missed-reduction]
  // OUT-NEXT: counted: [[FIXED]] copies=0
  std::printf("counted: %ld %ld %ld %ld copies=%ld\n", c.a, c.b, c.c, c.d, c.copies);

  Assigned s{1, 0, 0, 1};
  for (long i = 0; i < n; ++i)
    s *= assigned(i);
  // REMARK: ordered-reduction-types.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'Assigned' has a user-provided 'operator=', and a parallel fold moves, copies and assigns terms and partial results where the serial loop does not [purecc-missed-reduction]
  // OUT-NEXT: assigned: [[FIXED]] copies=0
  std::printf("assigned: %ld %ld %ld %ld copies=%ld\n", s.a, s.b, s.c, s.d, s.copies);

  Holder h{{Counted{1, 0, 0, 1}}};
  for (long i = 0; i < n; ++i)
    h *= held(i);
  // REMARK: ordered-reduction-types.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'Holder' has a member 'm' of type 'std::vector<Counted>', which holds 'Counted', which has a user-provided copy constructor, and a parallel fold moves, copies and assigns terms and partial results where the serial loop does not [purecc-missed-reduction]
  // OUT-NEXT: held: [[FIXED]] copies=1
  std::printf("held: %ld %ld %ld %ld copies=%ld\n", h.m[0].a, h.m[0].b, h.m[0].c, h.m[0].d,
              h.m[0].copies);
  return 0;
}
