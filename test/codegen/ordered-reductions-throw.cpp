// An ordered reduction calls the combine on operand pairs the serial loop
// never forms: the serial loop folds one term at a time into the
// accumulator, the tree combines partial results of any length, and it moves
// terms and partials into and out of its optionals. A combine (or the
// assignment, copy or move the fold runs) that may throw depending on its
// operands would throw in the tree where the serial loop does not, so the
// loop stays serial. Allocation failure and the standard library's size
// limit do not count: a string-like or vector-like combine is still
// rewritten (and in ordered-reductions.cpp).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

struct T {
  std::string s;
};
[[pure]] T w(int i) { return T{std::string(i % 3 + 1, char('a' + i % 26))}; }

// Throws when the right operand is long, which the serial fold (one term on
// the right) never passes it.
struct Right {
  std::string s;
};
[[purecc::associative]] Right operator+(const Right &l, const Right &r) {
  if (r.s.size() > 100)
    throw std::length_error("right operand too long");
  return Right{l.s + r.s};
}
[[pure]] Right right(int i) { return Right{w(i).s}; }

// Throws past a combined size: where depends on which operands meet.
struct Capped {
  std::string s;
};
[[purecc::associative]] Capped operator+(const Capped &l, const Capped &r) {
  if (l.s.size() + r.s.size() > 1500)
    throw std::length_error("too long " + std::to_string(l.s.size()) + "+" + std::to_string(r.s.size()));
  return Capped{l.s + r.s};
}
[[pure]] Capped capped(int i) { return Capped{w(i).s}; }

// A checked sum: partial sums of other runs may overflow where the loop's do not.
[[purecc::associative]] long checked_add(long a, long b) {
  if ((b > 0 && a > std::numeric_limits<long>::max() - b) ||
      (b < 0 && a < std::numeric_limits<long>::min() - b))
    throw std::overflow_error("overflow");
  return a + b;
}
[[pure]] long big(int i) { return i % 2 == 0 ? 0x4000000000000000L : -0x4000000000000000L; }

// `noexcept`, but a throw escapes it on a long right operand: the tree
// would end the program (std::terminate) where the serial loop does not.
[[pure]] long limit(const std::string &s) {
  if (s.size() > 100)
    throw std::length_error("too long");
  return 0;
}
struct Quiet {
  std::string s;
};
[[purecc::associative]] Quiet operator+(const Quiet &l, const Quiet &r) noexcept {
  return Quiet{l.s + r.s + std::string(static_cast<size_t>(limit(r.s)), '-')};
}
[[pure]] Quiet quiet(int i) { return Quiet{w(i).s}; }

// A move constructor that throws on long values: the tree moves partials.
struct Moved {
  std::string s;
  explicit Moved(std::string v) : s(std::move(v)) {}
  Moved(const Moved &) = default;
  [[pure]] Moved(Moved &&o) : s(o.s) {
    if (s.size() > 100)
      throw std::length_error("moved too long");
  }
  Moved &operator=(const Moved &) = default;
  Moved &operator=(Moved &&) = default;
};
[[purecc::associative]] Moved operator*(const Moved &l, const Moved &r) { return Moved{l.s + r.s}; }
[[pure]] Moved moved(int i) { return Moved{w(i).s}; }

// A copy constructor that throws on long values, and terms that are
// variables: the leaves copy them, the serial loop passes them by reference.
struct Copied {
  std::string s;
  [[pure]] explicit Copied(std::string v) : s(std::move(v)) {}
  [[pure]] Copied(const Copied &o) : s(o.s) {
    if (s.size() > 2)
      throw std::length_error("copied too long");
  }
  [[pure]] Copied(Copied &&o) noexcept : s(std::move(o.s)) {}
  Copied &operator=(const Copied &) = default;
  Copied &operator=(Copied &&) = default;
};
[[purecc::associative]] Copied operator*(const Copied &l, const Copied &r) { return Copied{l.s + r.s}; }

// A defaulted assignment whose member's assignment throws on an even
// length past 50: the serial loop assigns "x" plus two-letter terms (odd
// lengths), the tree assigns sums of terms (even ones).
struct Even {
  std::string s;
  [[pure]] explicit Even(std::string v) : s(std::move(v)) {}
  Even(const Even &) = default;
  Even(Even &&) = default;
  Even &operator=(const Even &) = default;
  Even &operator=(Even &&o) {
    if (o.s.size() % 2 == 0 && o.s.size() > 50)
      throw std::length_error("even length");
    s = std::move(o.s);
    return *this;
  }
};
struct Assigned {
  Even e;
};
[[purecc::associative]] Assigned operator+(const Assigned &l, const Assigned &r) {
  return Assigned{Even{l.e.s + r.e.s}};
}
[[pure]] Assigned two(int i) { return Assigned{Even{std::string(2, char('a' + i % 26))}}; }

// Growing a string and a vector only fails on allocation or past max_size():
// still a parallel reduction.
struct Poly {
  std::vector<long> c;
};
[[purecc::associative]] Poly operator+(const Poly &l, const Poly &r) {
  Poly p = l;
  for (long x : r.c)
    p.c.push_back(x);
  // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'p.c' (the pieces kept in the loop's order) [purecc-concatenation]
  return p;
}
// unsigned: a signed count may be negative, which wraps past max_size()
// (std::length_error; speculation-size-limit.cpp), and the loop would stay serial.
[[pure]] Poly poly(int i) { return Poly{std::vector<long>(unsigned(i % 4) + 1, i)}; }

std::vector<Copied> copies;

void run(int n) {
  try {
    Right t{"x"};
    for (int i = 0; i < n; ++i)
      t = t + right(i);
    // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'operator+' may throw, and a parallel fold would call it on partial results the serial loop never combines [purecc-missed-reduction]
    std::printf("%d right: len %zu\n", n, t.s.size());
  } catch (const std::exception &x) {
    std::printf("%d right: caught %s\n", n, x.what());
  }
  try {
    Capped t{"x"};
    for (int i = 0; i < n; ++i)
      t = t + capped(i);
    // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'operator+' may throw, and a parallel fold would call it on partial results the serial loop never combines [purecc-missed-reduction]
    std::printf("%d capped: len %zu\n", n, t.s.size());
  } catch (const std::exception &x) {
    std::printf("%d capped: caught %s\n", n, x.what());
  }
  try {
    long s = 0;
    for (int i = 0; i < n; ++i)
      s = checked_add(s, big(i));
    // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'checked_add' may throw, and a parallel fold would call it on partial results the serial loop never combines [purecc-missed-reduction]
    std::printf("%d checked: %ld\n", n, s);
  } catch (const std::exception &x) {
    std::printf("%d checked: caught %s\n", n, x.what());
  }
  Quiet qt{"q"};
  for (int i = 0; i < n; ++i)
    qt = qt + quiet(i);
  // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'operator+' may throw, and a parallel fold would call it on partial results the serial loop never combines [purecc-missed-reduction]
  std::printf("%d quiet: len %zu\n", n, qt.s.size());
  try {
    Moved m{"x"};
    for (int i = 0; i < n; ++i)
      m = m * moved(i);
    // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: moving 'Moved' may throw, and a parallel fold would move terms and partial results where the serial loop does not [purecc-missed-reduction]
    std::printf("%d moved: len %zu\n", n, m.s.size());
  } catch (const std::exception &x) {
    std::printf("%d moved: caught %s\n", n, x.what());
  }
  try {
    Copied c{"c"};
    for (int i = 0; i < n; ++i)
      c = c * copies[static_cast<size_t>(i)];
    // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: copying 'Copied' may throw, and a parallel fold would copy terms where the serial loop does not [purecc-missed-reduction]
    std::printf("%d copied: len %zu\n", n, c.s.size());
  } catch (const std::exception &x) {
    std::printf("%d copied: caught %s\n", n, x.what());
  }
  try {
    Assigned a{Even{"x"}};
    for (int i = 0; i < n; ++i)
      a = a + two(i);
    // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the assignment of 'Assigned' may throw, and a parallel fold would run it on partial results the serial loop never forms [purecc-missed-reduction]
    std::printf("%d assigned: len %zu\n", n, a.e.s.size());
  } catch (const std::exception &x) {
    std::printf("%d assigned: caught %s\n", n, x.what());
  }
  Poly p{{7}};
  for (int i = 0; i < n; ++i)
    p = p + poly(i);
  // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'p' with '+' in the loop's order (associative as declared by '{{\[\[}}purecc::associative]]') [purecc-ordered-reduction]
  unsigned long h = 0;
  for (size_t k = 0; k < p.c.size(); ++k)
    h = h * 31 + static_cast<unsigned long>(p.c[k]);
  std::printf("%d poly: %zu %lx\n", n, p.c.size(), h);
}

int main() {
  for (int i = 0; i < 5000; ++i)
    copies.push_back(Copied{w(i).s});
  // REMARK: ordered-reductions-throw.cpp:[[@LINE-2]]:3: remark: loop not parallelized: appending to 'copies' copies and moves 'Copied', which has a user-provided copy or move constructor: the parallel combine would run that code more often than the loop does [purecc-missed-reduction]
  for (int n : {0, 1, 2, 1025, 5000})
    run(n);
}
// OUT: 0 right: len 1
// OUT-NEXT: 0 capped: len 1
// OUT-NEXT: 0 checked: 0
// OUT-NEXT: 0 quiet: len 1
// OUT-NEXT: 0 moved: len 1
// OUT-NEXT: 0 copied: len 1
// OUT-NEXT: 0 assigned: len 1
// OUT-NEXT: 0 poly: 1 7
// OUT-NEXT: 1 right: len 2
// OUT-NEXT: 1 capped: len 2
// OUT-NEXT: 1 checked: 4611686018427387904
// OUT-NEXT: 1 quiet: len 2
// OUT-NEXT: 1 moved: len 2
// OUT-NEXT: 1 copied: len 2
// OUT-NEXT: 1 assigned: len 3
// OUT-NEXT: 1 poly: 2 d9
// OUT-NEXT: 2 right: len 4
// OUT-NEXT: 2 capped: len 4
// OUT-NEXT: 2 checked: 0
// OUT-NEXT: 2 quiet: len 4
// OUT-NEXT: 2 moved: len 4
// OUT-NEXT: 2 copied: len 4
// OUT-NEXT: 2 assigned: len 5
// OUT-NEXT: 2 poly: 4 32eb9
// OUT-NEXT: 1025 right: len 2050
// OUT-NEXT: 1025 capped: caught too long 1498+3
// OUT-NEXT: 1025 checked: 4611686018427387904
// OUT-NEXT: 1025 quiet: len 2050
// OUT-NEXT: 1025 moved: len 2050
// OUT-NEXT: 1025 copied: len 2050
// OUT-NEXT: 1025 assigned: len 2051
// OUT-NEXT: 1025 poly: 2562 98a4180492c5a2d9
// OUT-NEXT: 5000 right: len 10000
// OUT-NEXT: 5000 capped: caught too long 1498+3
// OUT-NEXT: 5000 checked: 0
// OUT-NEXT: 5000 quiet: len 10000
// OUT-NEXT: 5000 moved: len 10000
// OUT-NEXT: 5000 copied: len 10000
// OUT-NEXT: 5000 assigned: len 10001
// OUT-NEXT: 5000 poly: 12501 4d30316c9daa330b
