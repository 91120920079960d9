// A 'do { ... } while (0)' runs its body once: no loop. Macros use it to
// make a block one statement, and libstdc++'s '__glibcxx_assert' puts one
// in every 'operator[]' of a string, so counting it as a loop made a
// 3-iteration loop over a clamping macro, or over string letters, a
// parallel loop 10-25 times slower than serial (user51 k01). A do-while
// that repeats is still a loop, and a loop calling it is still shared.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>
#include <vector>

#define CLAMP01(x)                                                                                 \
  do {                                                                                             \
    if ((x) < 0)                                                                                   \
      (x) = 0;                                                                                     \
    if ((x) > 1)                                                                                   \
      (x) = 1;                                                                                     \
  } while (0)

[[pure]] double sat(double x) {
  CLAMP01(x);
  return x;
}

[[pure]] int letter(const std::string &s, int i) { return s[i] - 'a'; }

[[pure]] double settle(double x) {
  int n = 200;
  do {
    x = x * 0.999 + 0.001;
  } while (--n > 0);
  return x;
}

int main() {
  std::vector<double> v(3000), o(9000);
  for (int i = 0; i < 3000; ++i)
    v[i] = (i % 100) * 0.013;
  for (int i = 0; i < 3000; ++i) {
    for (int k = 0; k < 3; ++k)
      o[3 * i + k] += sat(v[i] * (k + 1));
  }
  // REMARK: loop-cost-do-once.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the index of 'o' written, '3 * i + k', also depends on 'k', the counter of an inner loop: purecc does not prove that the elements one iteration writes are apart from another's (the inner loop can be shared) [purecc-missed-map]
  // REMARK: loop-cost-do-once.cpp:[[@LINE-4]]:5: remark: loop not parallelized: 3 iterations of loop-free work (about 18 operations each) are too little to share [purecc-missed-map]
  std::string word = "purecc";
  int code = 0;
  for (int i = 0; i < 6; ++i)
    code += letter(word, i);
  // REMARK: loop-cost-do-once.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 6 iterations of loop-free work (about 36 operations each) are too little to share [purecc-missed-reduction]
  double t = 0;
  for (int k = 0; k < 3; ++k)
    t += settle(k * 0.5);
  // REMARK: loop-cost-do-once.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  double u = 0;
  for (double x : o)
    u += x;
  // REMARK: loop-cost-do-once.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  std::printf("%.3f %d %.6f\n", u, code, t);
  // OUT: 6839.370 60 1.772027
}
