// A '[[purecc::associative]]' combine is checked to be pure (an error
// otherwise, purecc-associative-not-pure), so a loop that calls it is
// shared like one that calls a '[[pure]]' function: here the map over
// blocks, whose inner loop is the ordered reduction (user49 f12: the outer
// loop was told "'then' is not known to be pure" unless 'then' was also
// declared '[[pure]]').
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <vector>

struct Affine {
  double a, b;
};

[[purecc::associative]] Affine then(Affine f, Affine g) { return {g.a * f.a, g.a * f.b + g.b}; }
[[pure]] Affine step_map(long i) {
  return {0.999 + 0.0005 * std::sin(0.001 * double(i)), 0.01 * std::cos(0.003 * double(i))};
}

int main() {
  const long n = 200000, blocks_n = 64;
  std::vector<Affine> blocks(blocks_n);
  for (long k = 0; k < blocks_n; ++k) {
    Affine c{1.0, 0.0};
    for (long i = k * (n / blocks_n); i < (k + 1) * (n / blocks_n); ++i)
      c = then(c, step_map(i));
    blocks[std::size_t(k)] = c;
  }
  // REMARK: associative-callers.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel map over 'blocks' [purecc-parallel-map]
  // REMARK: associative-callers.cpp:[[@LINE-5]]:5: remark: loop rewritten as a parallel reduction of 'c' with 'then' in the loop's order (associative as declared by '{{\[\[}}purecc::associative{{\]\]}}') [purecc-ordered-reduction]
  double s = 0;
  for (const Affine &bk : blocks)
    s += bk.a + bk.b;
  // REMARK: associative-callers.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("%.6f\n", s);
  // OUT: 6.463601
  return 0;
}
