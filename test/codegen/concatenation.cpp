// Appending to a std::string or std::vector in loop order is a reduction:
// concatenation is associative, not commutative, and the runtime's tree
// keeps operand order. Each leaf appends to an empty private accumulator;
// the result is appended to the user's, which keeps what it held.
// RUN: %purecc rewrite %s -o - -- -std=c++20 -I%S/Inputs | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "show.h" // show: length, FNV-1a hash and start of a string

[[pure]] std::string piece(int i) { return std::to_string(i * 7 % 13) + ","; }
[[pure]] long sq(long i) { return i * i % 1009; }
[[pure]] bool odd(long i) { return i % 2 != 0; }

// A vector is shown as the string of its elements (show.h).
void show(const char *what, const std::vector<long> &v) {
  std::string s;
  for (long x : v)
    s += std::to_string(x) + " ";
  // std::to_string of an integer is pure (the library model): a concatenation too.
  // REMARK: concatenation.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel concatenation onto 's' (the pieces kept in the loop's order) [purecc-concatenation]
  show(what, s);
}

int main() {
  int n = 3000;
  std::string s = "start:";
  for (int i = 0; i < n; ++i)
    s += piece(i);
  // CHECK: {{^}}  s += ::purecc::parallel_reduce(0, n, std::string{}, [&](std::int64_t purecc_i3) -> std::string { int i = static_cast<int>(purecc_i3); std::string purecc_acc_1{}; {
  // CHECK-NEXT: {{^}}    purecc_acc_1 += piece(i); } return purecc_acc_1; }, [](std::string purecc_lhs, std::string purecc_rhs) { purecc_lhs += purecc_rhs; return purecc_lhs; });
  // REMARK: concatenation.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel concatenation onto 's' (the pieces kept in the loop's order) [purecc-concatenation]
  show("+=:", s);
  // OUT: +=: 6698 1b7cb898289390ca start:0,7,1,8,2,9,3,10,4

  // Counting down, `continue`, appends under conditions, `s = s + e`.
  std::string t;
  for (int i = n; i > 0; --i) {
    if (i % 5 == 0)
      continue;
    if (odd(i)) {
      t.push_back('o');
      t.append(piece(i));
    } else {
      t = t + piece(i);
    }
  }
  // REMARK: concatenation.cpp:[[@LINE-10]]:3: remark: loop rewritten as a parallel concatenation onto 't' (the pieces kept in the loop's order) [purecc-concatenation]
  show("down:", t);
  // OUT-NEXT: down: 6554 c48692e097c753c9 o11,4,o10,3,2,o8,1,o7,o6

  // Vectors: push_back keeps the initial elements first; insert at the end
  // with an inner loop; an empty range changes nothing.
  std::vector<long> v{-1, -2};
  for (long i = 0; i < n; ++i)
    v.push_back(sq(i));
  // CHECK: {{^}}  { auto purecc_c6 = ::purecc::parallel_reduce(0, n, std::vector<long>{}, [&](std::int64_t i) -> std::vector<long> { std::vector<long> purecc_acc_3{}; {
  // CHECK-NEXT: {{^}}    purecc_acc_3.push_back(sq(i)); } return purecc_acc_3; }, [](std::vector<long> purecc_lhs, std::vector<long> purecc_rhs) { ::purecc::append_moved(purecc_lhs, purecc_rhs); return purecc_lhs; }, ::purecc::leaf_size{1024}); ::purecc::append_moved(v, purecc_c6); }
  // REMARK: concatenation.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel concatenation onto 'v' (the pieces kept in the loop's order) [purecc-concatenation]
  show("push_back:", v);
  // OUT-NEXT: push_back: 11688 90582090875a78d4 -1 -2 0 1 4 9 16 25 36 4
  std::vector<long> w;
  for (long i = 0; i < n; ++i) {
    std::vector<long> part;
    for (long j = 0; j < i % 4; ++j)
      part.push_back(sq(i + j));
    w.insert(w.end(), part.begin(), part.end());
  }
  // REMARK: concatenation.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel concatenation onto 'w' (the pieces kept in the loop's order) [purecc-concatenation]
  // The inner loop has 0 to 3 iterations, but a bound that is not a constant.
  // REMARK: concatenation.cpp:[[@LINE-6]]:5: remark: loop rewritten as a parallel concatenation onto 'part' (the pieces kept in the loop's order) [purecc-concatenation]
  show("insert:", w);
  // OUT-NEXT: insert: 17527 d51e76f57f17a831 1 4 9 9 16 25 25 36 49 4
  std::vector<long> none{7};
  for (long i = n; i < n - 5; ++i)
    none.push_back(sq(i));
  // REMARK: concatenation.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'none' (the pieces kept in the loop's order) [purecc-concatenation]
  show("empty:", none);
  // OUT-NEXT: empty: 2 9b0fb900c5d66a34 7

  // Standard element types, emplace_back, a range-for.
  std::vector<std::pair<long, std::string>> pairs;
  for (long x : v)
    if (x % 97 == 3)
      pairs.emplace_back(x, piece(int(x)));
  // REMARK: concatenation.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel concatenation onto 'pairs' (the pieces kept in the loop's order) [purecc-concatenation]
  std::string joined;
  for (const auto &[x, p] : pairs)
    joined += std::to_string(x) + "=" + p;
  // REMARK: concatenation.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 'joined' (the pieces kept in the loop's order) [purecc-concatenation]
  show("pairs:", joined);
  // OUT-NEXT: pairs: 245 fbec93c19ad60fdf 100=11,3=8,294=4,973=12,

  // Refused, with the reason.
  std::string used;
  for (int i = 0; i < n; ++i)
    if (used.size() < 100)
      used += piece(i);
  // REMARK: concatenation.cpp:[[@LINE-3]]:3: remark: loop not parallelized: 'used' is used inside the loop body other than by appending to it [purecc-missed-reduction]
  std::string a, b;
  for (int i = 0; i < n; ++i) {
    a += piece(i);
    b += piece(i + 1);
  }
  // REMARK: concatenation.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the loop appends to both 'a' and 'b', which purecc does not combine in one reduction [purecc-missed-reduction]
  long count = 0;
  std::string c;
  for (int i = 0; i < n; ++i) {
    c += piece(i);
    ++count;
  }
  // REMARK: concatenation.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'count' is written inside the loop body [purecc-missed-reduction]
  std::printf("refused: %zu %zu %zu %zu %ld\n", used.size(), a.size(), b.size(), c.size(), count);
  // OUT-NEXT: refused: 101 6692 6692 6692 3000
}
