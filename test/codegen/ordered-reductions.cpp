// A loop that folds a user's type with a combine marked
// [[purecc::associative]] is an ordered reduction: the runtime's tree keeps
// operand order, so non-commutative combines (matrix products, string-like
// concatenation, composition) give the serial result. There is no identity:
// each leaf starts from its first term, and the accumulator's value before
// the loop is folded in front of the tree's result.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <string>

constexpr long kP = 1000003; // entries mod a prime: exact, and still a ring

// A 2x2 matrix with no default constructor: the reduction never needs one.
struct Mat {
  long a, b, c, d;
  Mat(long a_, long b_, long c_, long d_) : a(a_ % kP), b(b_ % kP), c(c_ % kP), d(d_ % kP) {}
  [[purecc::associative]] Mat &operator*=(const Mat &o) {
    *this = Mat{a * o.a + b * o.c, a * o.b + b * o.d, c * o.a + d * o.c, c * o.b + d * o.d};
    return *this;
  }
};
[[purecc::associative]] Mat operator*(Mat x, const Mat &y) { return x *= y; }

// A rotation-like step: the product depends on the order of its factors.
[[pure]] Mat rot(int i) {
  long k = 1;
  for (int j = 0; j < i % 7; ++j) // a loop: the runtime picks the leaf size
    k = k * 3 % kP;
  return Mat{k, kP - i % 5 - 1, i % 5 + 1, k};
}
[[pure]] Mat shear(int i) { return Mat{1, i, 0, 1}; }

// A string-like type: concatenation is associative, not commutative.
struct Text {
  std::string s;
};
[[purecc::associative]] Text operator+(const Text &l, const Text &r) { return Text{l.s + r.s}; }
[[pure]] Text word(int i) { return Text{std::to_string(i % 10) + (i % 3 == 0 ? "," : "")}; }
[[pure]] Text checked(int i) {
  if (i == 700)
    throw std::runtime_error("bad word " + std::to_string(i));
  return word(i);
}

// A sum of a struct, folded with a member operator+=.
struct Stats {
  long count = 0, total = 0, squares = 0;
  [[purecc::associative]] Stats &operator+=(const Stats &o) {
    count += o.count;
    total += o.total;
    squares += o.squares;
    return *this;
  }
};
[[pure]] Stats sample(int i) { return Stats{1, i % 11, (i % 11) * (i % 11)}; }

// Composition of affine maps x -> m*x + q (mod kP): associative, not commutative.
struct Affine {
  long m, q;
};
[[purecc::associative]] Affine then(Affine f, Affine g) { return Affine{g.m * f.m % kP, (g.m * f.q + g.q) % kP}; }
[[pure]] Affine step(int i) { return Affine{i % 4 + 2, i % 9}; }

// Inside a pure function (which gets a serial clone that folds in the same
// tree order).
[[pure]] Mat chain(int n) {
  Mat C{0, 1, 1, 1};
  for (int i = 0; i < n; ++i)
    C *= shear(i) * rot(i);
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'C' with '*=' in the loop's order
  return C;
}

unsigned long fnv(const std::string &s) {
  unsigned long h = 1469598103934665603UL;
  for (unsigned char ch : s)
    h = (h ^ ch) * 1099511628211UL;
  return h;
}
void show(const char *what, const Mat &m) { std::printf("%s %ld %ld %ld %ld\n", what, m.a, m.b, m.c, m.d); }
void show(const char *what, const Text &t) {
  std::printf("%s %zu %lx %s\n", what, t.s.size(), fnv(t.s), t.s.substr(0, 20).c_str());
}

void run(int n) {
  std::printf("n = %d\n", n);
  Mat P{2, 1, 1, 1}; // not an identity: it stays in front
  for (int i = 0; i < n; ++i)
    P = P * rot(i);
  // CHECK: {{^}}  { auto purecc_o3 = ::purecc::parallel_reduce(0, n, std::optional<Mat>{}, [&](std::int64_t purecc_i4) -> std::optional<Mat> { int i = static_cast<int>(purecc_i4); std::optional<Mat> purecc_acc_1; {
  // CHECK-NEXT: {{^}}    [&](auto &&purecc_v) { if (purecc_acc_1) *purecc_acc_1 = *purecc_acc_1 * std::forward<decltype(purecc_v)>(purecc_v); else purecc_acc_1.emplace(std::forward<decltype(purecc_v)>(purecc_v)); }(rot(i)); } return purecc_acc_1; }, [](std::optional<Mat> &&purecc_lhs, std::optional<Mat> &&purecc_rhs) { if (!purecc_lhs) return std::move(purecc_rhs); if (purecc_rhs) *purecc_lhs = *purecc_lhs * std::move(*purecc_rhs); return std::move(purecc_lhs); }); if (purecc_o3) P = P * std::move(*purecc_o3); }
  // REMARK: ordered-reductions.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'P' with '*' in the loop's order (associative as declared by '{{\[\[}}purecc::associative]]') [purecc-ordered-reduction]
  show("P = P * rot(i):", P);

  // Counting down, `*=`, a `continue`, two folds in one iteration.
  Mat Q{1, 0, 0, 1};
  for (int i = n; i > 0; --i) {
    if (i % 4 == 0)
      continue;
    Q *= rot(i);
    if (i % 3 == 0)
      Q *= shear(i);
  }
  // REMARK: ordered-reductions.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'Q' with '*=' in the loop's order
  show("Q *= rot(i):", Q);
  show("chain(n):", chain(n));

  // A string-like type, and the same pieces prepended.
  Text t{"<"};
  for (int i = 0; i < n; ++i)
    t = t + word(i);
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' with '+' in the loop's order
  show("t = t + word(i):", t);
  Text u{">"};
  for (int i = 0; i < n; ++i)
    u = word(i) + u;
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'u' with '+' in the loop's order
  show("u = word(i) + u:", u);

  Stats st;
  for (int i = 0; i < n; ++i)
    st += sample(i);
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'st' with '+=' in the loop's order
  std::printf("stats: %ld %ld %ld\n", st.count, st.total, st.squares);

  Affine f{1, 0};
  for (int i = 0; i < n; ++i)
    f = then(f, step(i));
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'f' with 'then' in the loop's order
  std::printf("affine: %ld %ld\n", f.m, f.q);

  // An exception in the middle: the serial loop's accumulator dies with the
  // try block, so the parallel one may throw the same (leftmost) exception.
  try {
    Text e{"["};
    for (int i = 0; i < n; ++i)
      e = e + checked(i);
    // REMARK: ordered-reductions.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    show("no throw:", e);
  } catch (const std::exception &x) {
    std::printf("caught: %s\n", x.what());
  }
}


// Loops that stay serial, each with the true reason. (Plain's operator* is
// not declared [[pure]]: purecc judges it pure as a combine all the same.)
struct Plain {
  long v;
};
Plain operator*(const Plain &x, const Plain &y) { return Plain{x.v * y.v % kP + 1}; }
[[pure]] Plain plain(int i) { return Plain{i % 13}; }

long g_noise = 0;
struct Noisy {
  long v = 0;
  Noisy &operator+=(const Noisy &o) {
    ++g_noise;
    v += o.v;
    return *this;
  }
};
[[pure]] Noisy noisy(int i) { return Noisy{i}; }

struct Pinned {
  long v;
  explicit Pinned(long x) : v(x) {}
  Pinned(const Pinned &) = delete;
  Pinned &operator=(const Pinned &) = default;
};
[[purecc::associative]] Pinned operator+(const Pinned &x, const Pinned &y) { return Pinned{x.v + y.v}; }
[[pure]] Pinned pin(int i) { return Pinned{i}; }

[[pure]] long first(const Mat &m) { return m.a; }

void refused(int n) {
  Plain p{1};
  for (int i = 0; i < n; ++i)
    p = p * plain(i);
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'operator*' is pure but not declared associative, which purecc cannot prove: if '(a * b) * c' equals 'a * (b * c)', mark it '{{\[\[}}purecc::associative]]' [purecc-missed-reduction]
  Noisy q;
  for (int i = 0; i < n; ++i)
    q += noisy(i);
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'Noisy::operator+=' is not pure: it writes to global 'g_noise' [purecc-missed-reduction]
  Pinned s{0};
  for (int i = 0; i < n; ++i)
    s = s + pin(i);
  // REMARK: ordered-reductions.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'Pinned' cannot be moved into a leaf's partial result: its copy constructor is deleted [purecc-missed-reduction]
  Mat m{1, 0, 0, 1};
  long seen = 0;
  for (int i = 0; i < n; ++i) {
    m = m * rot(i);
    seen += first(m);
  }
  // REMARK: ordered-reductions.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop folds into both 'm' and 'seen', which purecc does not combine in one reduction [purecc-missed-reduction]
  Mat r{1, 0, 0, 1};
  for (int i = 0; i < n; ++i) {
    r = r * rot(i);
    if (first(r) == 7)
      continue;
  }
  // REMARK: ordered-reductions.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'r' is used inside the loop body other than by folding into it [purecc-missed-reduction]
  std::printf("refused: %ld %ld %ld %ld %ld %ld %ld\n", p.v, q.v, g_noise, s.v, m.a, seen, r.d);
  // The term reads the other variable the body changes: that is the
  // reason, not that two accumulators are not combined (user46 k10).
  Mat keyed{1, 0, 0, 1};
  int key = 3;
  for (int i = 0; i < n; ++i) {
    keyed = keyed * rot(key);
    key += 5;
  }
  // REMARK: ordered-reductions.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'keyed' is folded with '*' of a term that reads 'key', which the loop body also changes: each iteration reads what the iterations before it left, which no grouping of the steps reproduces [purecc-missed-reduction]
  std::printf("keyed: %ld %ld %d\n", keyed.a, keyed.d, key);
}

int main() {
  for (int n : {0, 1, 2, 1025, 3000})
    run(n);
  refused(2000);
}
// OUT: n = 0
// OUT-NEXT: P = P * rot(i): 2 1 1 1
// OUT-NEXT: Q *= rot(i): 1 0 0 1
// OUT-NEXT: chain(n): 0 1 1 1
// OUT-NEXT: t = t + word(i): 1 44bd67d473cd5d8d <
// OUT-NEXT: u = word(i) + u: 1 44bd65d473cd5a27 >
// OUT-NEXT: stats: 0 0 0
// OUT-NEXT: affine: 1 0
// OUT-NEXT: no throw: 1 44bd80d473cd8808 [
// OUT-NEXT: n = 1
// OUT-NEXT: P = P * rot(i): 3 1000002 2 0
// OUT-NEXT: Q *= rot(i): 3 1000001 2 3
// OUT-NEXT: chain(n): 1 1 2 0
// OUT-NEXT: t = t + word(i): 3 b1a01d50617c6ab1 <0,
// OUT-NEXT: u = word(i) + u: 3 4890bf5025a9b773 0,>
// OUT-NEXT: stats: 1 0 0
// OUT-NEXT: affine: 2 0
// OUT-NEXT: no throw: 3 8a2d1850dc243bcc [0,
// OUT-NEXT: n = 2
// OUT-NEXT: P = P * rot(i): 7 999994 6 999999
// OUT-NEXT: Q *= rot(i): 21 999976 27 21
// OUT-NEXT: chain(n): 7 4 10 2
// OUT-NEXT: t = t + word(i): 4 4f7c4f95a668f780 <0,1
// OUT-NEXT: u = word(i) + u: 4 f04e9e276ec5f4cc 10,>
// OUT-NEXT: stats: 2 1 1
// OUT-NEXT: affine: 6 1
// OUT-NEXT: no throw: 4 eedc4e661191eee7 [0,1
// OUT-NEXT: n = 1025
// OUT-NEXT: P = P * rot(i): 303110 463993 289068 739019
// OUT-NEXT: Q *= rot(i): 186260 434156 613198 392296
// OUT-NEXT: chain(n): 306871 712436 803446 453690
// OUT-NEXT: t = t + word(i): 1368 4b8aced570bc50a7 <0,123,456,789,012,3
// OUT-NEXT: u = word(i) + u: 1368 54bf94ef9e25321b 43,210,987,654,321,0
// OUT-NEXT: stats: 1025 5116 35806
// OUT-NEXT: affine: 429639 445357
// OUT-NEXT: caught: bad word 700
// OUT-NEXT: n = 3000
// OUT-NEXT: P = P * rot(i): 151731 31443 84750 49212
// OUT-NEXT: Q *= rot(i): 788807 842254 259109 962192
// OUT-NEXT: chain(n): 331176 964339 327640 780587
// OUT-NEXT: t = t + word(i): 4001 e16196368221570d <0,123,456,789,012,3
// OUT-NEXT: u = word(i) + u: 4001 b36c63889d08e167 987,654,321,098,765,
// OUT-NEXT: stats: 3000 14988 104860
// OUT-NEXT: affine: 592495 627553
// OUT-NEXT: caught: bad word 700
// OUT-NEXT: refused: 864074 1999000 2000 1999000 705717 1009999322 705717
// OUT-NEXT: keyed: 917089 917089 10003
