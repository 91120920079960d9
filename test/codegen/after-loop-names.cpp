// Text a rewrite writes after the loop (a selection's final pass, an
// ordered reduction's combine) is out of reach of what the loop body
// declares, and reads the range anew: a body's `using a::FAST;` made the
// final pass's `FAST` the global one, `using W = long;` and `namespace q =
// a;` were undeclared there, a `constexpr` local became a plain 'const'
// one (no constant expression), a range-for copy the body changed was read
// again from the range, and a `using lib::combine;` left the combine
// calling '::combine' (adv66 F2-F4, F9). Selections then run their block in
// the leaves (one pass); the ordered reduction stays serial and says why.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

namespace a { enum Mode : long { FAST = 100 }; }
enum Other : long { FAST = 5 };

[[pure]] double dist(long i) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (i * k) % 7;
  return double((s * 7919 + i) % 1000);
}

void using_declaration() {
  double best = HUGE_VAL;
  long mode = -1;
  for (long i = 0; i < 5000; ++i) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel selection of 'best' with 'mode' (the first of equal values kept, as in the loop) [purecc-selection]
    using a::FAST;
    double d = dist(i);
    if (d < best) { best = d; mode = FAST + i; }
  }
  std::printf("%g %ld %ld\n", best, mode, long(FAST));
}

void aliases() {
  double best = HUGE_VAL;
  long arg = -1, neg = -1;
  for (long i = 0; i < 5000; ++i) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel selection of 'best' with 'arg' and 'neg' (the first of equal values kept, as in the loop) [purecc-selection]
    using W = long;
    namespace q = a;
    double d = dist(i);
    if (d < best) { best = d; arg = W(i) * 100000000000; neg = q::FAST - i; }
  }
  std::printf("%g %ld %ld\n", best, arg, neg);
}

void constant() {
  double best = HUGE_VAL;
  long arg = -1;
  for (long i = 0; i < 5000; ++i) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel selection of 'best' with 'arg' (the first of equal values kept, as in the loop) [purecc-selection]
    constexpr long S = 3;
    double d = dist(i);
    if (d < best) { best = d; arg = std::integral_constant<long, S>::value + i; }
  }
  std::printf("%g %ld\n", best, arg);
}

struct P { long x, y; };

void changed_copies(const std::vector<long> &vals, const std::vector<std::string> &names,
                    const std::vector<P> &ps) {
  double best = HUGE_VAL;
  long at = -1;
  for (long v : vals) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel selection of 'best' with 'at' (the first of equal values kept, as in the loop) [purecc-selection]
    v += 1000000;
    double d = dist(v);
    if (d < best) { best = d; at = v; }
  }
  double best2 = HUGE_VAL;
  std::string who;
  for (std::string s : names) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel selection of 'best2' with 'who' (the first of equal values kept, as in the loop) [purecc-selection]
    s += "!";
    double d = dist(long(s.size()) * 1000 + s[1]);
    if (d < best2) { best2 = d; who = s; }
  }
  double best3 = HUGE_VAL;
  long px = -1;
  for (P p : ps) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel selection of 'best3' with 'px' (the first of equal values kept, as in the loop) [purecc-selection]
    p.x += 1;
    double d = dist(p.y);
    if (d < best3) { best3 = d; px = p.x; }
  }
  std::printf("%g %ld %g %s %g %ld\n", best, at, best2, who.c_str(), best3, px);
}

namespace types { struct M { long a, b; }; }
using types::M;
namespace lib {
[[purecc::associative]] M combine(M x, M y) { return M{x.a * y.a % 1000003, (x.b * y.a + y.b) % 1000003}; }
}
[[purecc::associative]] M combine(M x, M y) { return M{x.a * y.a % 1000003, (x.b + y.b) % 1000003}; }
[[pure]] M term(long i) { return M{1 + long(dist(i)) % 5, i % 11}; }

void ordered() {
  M p{1, 0};
  for (long i = 0; i < 4000; ++i) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the combine 'lib::combine' would be written after the loop, where the loop body's 'using lib::combine' (of a name other than a variable) does not reach [purecc-missed-reduction]
    using lib::combine;
    p = combine(p, term(i));
  }
  std::printf("%ld %ld\n", p.a, p.b);
}

int main() {
  using_declaration();
  aliases();
  constant();
  std::vector<long> vals(5000);
  std::vector<std::string> names;
  std::vector<P> ps;
  for (long i = 0; i < 5000; ++i) {
  // CHECK: after-loop-names.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop appends to both 'names' and 'ps', which purecc does not combine in one reduction [purecc-missed-reduction]
    vals[std::size_t(i)] = i;
    names.push_back("n" + std::to_string(i));
    ps.push_back(P{i, i * 7});
  }
  changed_copies(vals, names, ps);
  ordered();
}

// OUT: 0 100 5
// OUT-NEXT: 0 0 100
// OUT-NEXT: 0 3
// OUT-NEXT: 0 1001000 52 n4! 0 1
// OUT-NEXT: 727584 525702
