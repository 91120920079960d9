// Prepending to a std::string or std::vector (`s = piece(i) + s`,
// `v.insert(v.begin(), x)`) is concatenation with the pieces in reverse
// order: the result is piece(n-1) + ... + piece(0) + s, still associative,
// so the loop is one ordered reduction whose combine puts the right
// partial (the later iterations) in front of the left one; the result goes
// in front of what the accumulator held before the loop.
// RUN: %purecc rewrite %s -o - -- -std=c++20 -I%S/Inputs | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "show.h" // show: length, FNV-1a hash and start of a string

[[pure]] std::string piece(int i) { return std::to_string(i * 7 % 13) + ","; }
[[pure]] long sq(long i) { return i * i % 1009; }
[[pure]] bool odd(long i) { return i % 2 != 0; }
[[pure]] long term(long i) {
  long s = 0;
  for (long k = 0; k < i % 5; ++k)
    s += k * i;
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
[[pure]] std::string checked(int i) {
  if (i == 700)
    throw std::runtime_error("bad piece " + std::to_string(i));
  return piece(i);
}

// A vector is shown as the string of its elements (show.h).
void show(const char *what, const std::vector<long> &v) {
  std::string s;
  for (long x : v)
    s += std::to_string(x) + " ";
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 's' (the pieces kept in the loop's order) [purecc-concatenation]
  show(what, s);
}

// A 2x2 matrix whose member operator* the user declares associative: a
// prepending product is an ordered reduction (ordered-reductions.cpp).
constexpr long kP = 1000003;
struct Mat {
  long a, b, c, d;
  [[purecc::associative]] Mat operator*(const Mat &o) const {
    return Mat{(a * o.a + b * o.c) % kP, (a * o.b + b * o.d) % kP, (c * o.a + d * o.c) % kP,
               (c * o.b + d * o.d) % kP};
  }
};
[[pure]] Mat rot(int i) {
  long k = 1;
  for (int j = 0; j < i % 7; ++j)
    k = k * 3 % kP;
  return Mat{k, kP - i % 5 - 1, i % 5 + 1, k};
}

int main() {
  int n = 3000;
  std::string s = ":end";
  for (int i = 0; i < n; ++i)
    s = piece(i) + s;
  // CHECK: {{^}}  { auto purecc_c3 = ::purecc::parallel_reduce(0, n, std::string{}, [&](std::int64_t purecc_i4) -> std::string { int i = static_cast<int>(purecc_i4); std::string purecc_acc_2{}; {
  // CHECK-NEXT: {{^}}    purecc_acc_2 = piece(i) + purecc_acc_2; } return purecc_acc_2; }, [](std::string purecc_lhs, std::string purecc_rhs) { purecc_rhs += purecc_lhs; return purecc_rhs; }); s.insert(0, purecc_c3); }
  // REMARK: concatenation-prepend.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel concatenation in front of 's' (the pieces kept in the loop's order, each in front of the one before) [purecc-concatenation]
  show("s = piece(i) + s:", s);
  // OUT: s = piece(i) + s: 6696 d4492a3f927b4cf5 11,4,10,3,9,2,8,1,7,0,6,

  // Counting down, `continue`, two prepends in one iteration, a char, insert at 0.
  std::string t = "|";
  for (int i = n; i > 0; --i) {
    if (i % 5 == 0)
      continue;
    if (odd(i)) {
      t = 'o' + t;
      t.insert(0, piece(i));
    } else {
      t.insert(t.begin(), 'e');
    }
  }
  // REMARK: concatenation-prepend.cpp:[[@LINE-10]]:3: remark: loop rewritten as a parallel concatenation in front of 't' (the pieces kept in the loop's order, each in front of the one before)
  show("down:", t);
  // OUT-NEXT: down: 5079 a604633ba3c1d18b 7,oe8,oee10,oe11,o12,oe0

  // Vectors: insert at begin, a range from an inner loop, emplace at begin.
  std::vector<long> v{-1, -2};
  for (long i = 0; i < n; ++i)
    v.insert(v.begin(), sq(i));
  // CHECK: {{^}}  { auto purecc_c{{[0-9]+}} = ::purecc::parallel_reduce(0, n, std::vector<long>{}, [&](std::int64_t i) -> std::vector<long> { std::vector<long> purecc_acc_{{[0-9]+}}{}; {
  // CHECK-NEXT: {{^}}    purecc_acc_[[A:[0-9]+]].insert(purecc_acc_[[A]].begin(), sq(i)); } return purecc_acc_[[A]]; }, [](std::vector<long> purecc_lhs, std::vector<long> purecc_rhs) { ::purecc::append_moved(purecc_rhs, purecc_lhs); return purecc_rhs; }, ::purecc::leaf_size{512}); v.insert(v.begin(), std::make_move_iterator(purecc_c[[C:[0-9]+]].begin()), std::make_move_iterator(purecc_c[[C]].end())); }
  // REMARK: concatenation-prepend.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel concatenation in front of 'v'
  show("insert at begin:", v);
  // OUT-NEXT: insert at begin: 11688 3e39a019e52098a 784 841 900 961 15 80 14
  std::vector<long> w{7};
  for (long i = 0; i < n; ++i) {
    std::vector<long> part;
    for (long j = 0; j < i % 4; ++j)
      part.push_back(sq(i + j));
    w.insert(w.begin(), part.begin(), part.end());
    if (i % 3 == 0)
      w.emplace(w.cbegin(), -i);
  }
  // REMARK: concatenation-prepend.cpp:[[@LINE-8]]:3: remark: loop rewritten as a parallel concatenation in front of 'w'
  // REMARK: concatenation-prepend.cpp:[[@LINE-7]]:5: remark: loop rewritten as a parallel concatenation onto 'part'
  show("range at begin:", w);
  // OUT-NEXT: range at begin: 23156 3f723eb7c85303ca 784 729 676 841 784 -299
  std::vector<long> none{7};
  for (long i = n; i < n - 5; ++i)
    none.insert(none.begin(), sq(i));
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation in front of 'none'
  show("empty:", none);
  // OUT-NEXT: empty: 2 9b0fb900c5d66a34 7

  // A vector of pairs, filled with emplace at the front over a range-for.
  std::vector<std::pair<long, std::string>> pairs;
  for (long x : v)
    if (x % 97 == 3)
      pairs.emplace(pairs.begin(), x, piece(int(x)));
  // REMARK: concatenation-prepend.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel concatenation in front of 'pairs'
  std::string joined;
  for (const auto &[x, p] : pairs)
    joined += std::to_string(x) + "=" + p;
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'joined'
  show("pairs:", joined);
  // OUT-NEXT: pairs: 245 fbec93c19ad60fdf 100=11,3=8,294=4,973=12,

  // A user's product, prepending.
  Mat r{2, 1, 1, 1};
  for (int i = 0; i < n; ++i)
    r = rot(i) * r;
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'r' with '*' in the loop's order (associative as declared by '{{\[\[}}purecc::associative]]') [purecc-ordered-reduction]
  std::printf("r = rot(i) * r: %ld %ld %ld %ld\n", r.a, r.b, r.c, r.d);
  // OUT-NEXT: r = rot(i) * r: 116193 49212 102519 84750

  // Refused, with the reason. Subtraction is no concatenation: 'x = f(i) - x'
  // alternates the signs of the terms, which no grouping of them keeps.
  long alt = 0;
  for (long i = 0; i < n; ++i)
    alt = term(i) - alt;
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'alt' from the value the iteration before left ('alt = term(i) - alt'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  double dalt = 0.5;
  for (long i = 0; i < n; ++i)
    dalt = double(term(i)) - dalt;
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each iteration computes 'dalt' from the value the iteration before left ('dalt = double(term(i)) - dalt'): a recurrence, not a reduction (only 'x += e', 'x = x + e' and the like combine in any grouping) [purecc-missed-reduction]
  std::printf("alternating: %ld %g\n", alt, dalt);
  // OUT-NEXT: alternating: 6000 6000.5
  std::string both;
  for (int i = 0; i < n; ++i) {
    both = piece(i) + both;
    both += piece(i + 1);
  }
  // REMARK: concatenation-prepend.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop both appends to 'both' and prepends to it, which purecc does not combine in one reduction [purecc-missed-reduction]
  std::string used;
  for (int i = 0; i < n; ++i)
    if (used.size() < 100)
      used = piece(i) + used;
  // REMARK: concatenation-prepend.cpp:[[@LINE-3]]:3: remark: loop not parallelized: 'used' is used inside the loop body other than by prepending to it [purecc-missed-reduction]
  std::vector<long> mid{1, 2};
  for (long i = 0; i < n; ++i)
    mid.insert(mid.begin() + 1, sq(i));
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'mid' is inserted into at a position ('mid.begin() + 1') that is neither its beginning nor its end: only pieces added at one end ('begin()' or index 0, 'end()' or its 'size()') are combined in order [purecc-missed-reduction]
  // Inserting at the string's size is appending (adv38 t05).
  std::string tail = "[";
  for (int i = 0; i < n; ++i)
    tail.insert(tail.size(), piece(i));
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'tail' (the pieces kept in the loop's order) [purecc-concatenation]
  // Appends joined by a comma are two appends (adv38 t04); a side that
  // reads the accumulator is a use like any other.
  std::string commas = "<", counted;
  for (int i = 0; i < n; ++i)
    commas += piece(i), commas.push_back('|');
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'commas' (the pieces kept in the loop's order) [purecc-concatenation]
  long sizes = 0;
  for (int i = 0; i < n; ++i)
    counted += piece(i), sizes += (long)counted.size();
  // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'counted' is used inside the loop body other than by appending to it [purecc-missed-reduction]
  show("both:", both);
  show("used:", used);
  show("mid:", mid);
  show("tail:", tail);
  show("commas:", commas);
  std::printf("sizes: %ld\n", sizes);
  // OUT-NEXT: both: 13384 381eb8ed465c868 11,4,10,3,9,2,8,1,7,0,6,
  // OUT-NEXT: used: 101 d6c1d5ad025280b8 3,9,2,8,1,7,0,6,12,5,11,
  // OUT-NEXT: mid: 11686 ee03a94cbb9cb5ba 1 784 841 900 961 15 80
  // OUT-NEXT: tail: 6693 b3b5391fac4067bf [0,7,1,8,2,9,3,10,4,11,5
  // OUT-NEXT: commas: 9693 c839f1a6fba8de8e <0,|7,|1,|8,|2,|9,|3,|10
  // OUT-NEXT: sizes: 10039729

  // A body that may throw stays serial (the speculation rule): the serial
  // loop stops at the throw, and 'e' dies with the try block.
  try {
    std::string e = "]";
    for (int i = 0; i < n; ++i)
      e = checked(i) + e;
    // REMARK: concatenation-prepend.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    show("no throw:", e);
  } catch (const std::exception &x) {
    std::printf("caught: %s\n", x.what());
    // OUT-NEXT: caught: bad piece 700
  }
}
